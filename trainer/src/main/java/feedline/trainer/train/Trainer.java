package feedline.trainer.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feedline.common.sft.ShardReader;
import feedline.trainer.data.Batch;
import feedline.trainer.data.BatchStream;
import feedline.trainer.export.RunExport;
import feedline.trainer.io.CheckpointException;
import feedline.trainer.io.DType;
import feedline.trainer.io.HfCheckpoint;
import feedline.trainer.io.SafeTensors;
import feedline.trainer.io.Tensor;
import feedline.trainer.lora.LoraAdapter;
import feedline.trainer.model.LlamaModel;
import feedline.trainer.model.Owned;
import feedline.trainer.model.Precision;
import feedline.trainer.optim.AdamW;
import feedline.trainer.optim.LossScaler;
import feedline.trainer.optim.LrSchedule;
import feedline.trainer.optim.MasterWeights;
import feedline.trainer.prefix.PrefixAdapter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training loop: micro-batches with gradient accumulation, global-norm clipping, AdamW under a
 * warmup + decay schedule, periodic validation with early stopping and a kept best export,
 * checkpoints that resume exactly, {@code metrics.jsonl}, a progress line and a loss-curve PNG.
 *
 * <p>With {@code precision = fp16|bf16} the model's weights and activations are 16-bit while the
 * optimizer works on float32 masters ({@link MasterWeights}): gradients are widened (and, for fp16,
 * divided by the dynamic loss scale) before clipping and the AdamW update, and the updated masters
 * are rounded back into the model. An fp16 step whose gradients overflow is skipped and the scale
 * backed off ({@link LossScaler}).
 */
public final class Trainer {
  /** Called after every optimizer step (after any evaluation and checkpoint of that step). */
  public interface Listener {
    void afterStep(int step, double loss, LlamaModel model);
  }

  /** What a run did. */
  public record Result(int steps, double lastLoss, double bestValLoss, int bestStep, boolean stoppedEarly,
      Path finalDir, double tokensPerSecond, int resumedFrom) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TrainConfig c;
  private final PrintStream log;
  private final Listener listener;

  public Trainer(TrainConfig config, PrintStream log, Listener listener) {
    this.c = config;
    this.log = log;
    this.listener = listener == null ? (s, l, m) -> { } : listener;
  }

  public Result run() throws IOException {
    Device device = Devices.pick("feedline.trainer.device", c.device());
    Precision precision = c.precision();
    String warning = Devices.checkPrecision("feedline.trainer.precision", precision, device);
    if (warning != null) log.println("train: warning: " + warning);
    long trainRows = ShardReader.countRows(c.dataDir(), c.trainSplit());
    if (trainRows == 0) {
      throw new CheckpointException(c.dataDir() + ": split=" + c.trainSplit() + " has no rows (expected part-*.parquet from the build stage)");
    }
    boolean haveValidation = ShardReader.countRows(c.dataDir(), c.validationSplit()) > 0;
    int batchesPerEpoch = (int) ((trainRows + c.batchSize() - 1) / c.batchSize());
    int totalSteps = c.maxSteps() > 0 ? c.maxSteps() : (c.epochs() * batchesPerEpoch + c.gradAccumulation() - 1) / c.gradAccumulation();
    LrSchedule schedule = new LrSchedule(c.scheduleType(), c.lr(), c.warmupSteps(), totalSteps, c.minLrRatio());
    Files.createDirectories(c.outputDir());

    HfCheckpoint.Loaded base = HfCheckpoint.load(c.modelDir());
    // PyTorch's grad mode is per thread, on by default in any thread the engine was not started in;
    // the optimizer's in-place updates of leaf parameters need it off outside the gradient collector
    ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    try (NDManager root = NDManager.newBaseManager(device);
        LlamaModel model = LlamaModel.create(root, base.config(), base.weights(), precision);
        AdamW opt = new AdamW(root, c.beta1(), c.beta2(), c.eps(), c.weightDecay())) {
      Map<String, NDArray> params = trainable(root, model);
      params.values().forEach(p -> p.setRequiresGradient(true));
      try (MasterWeights masters = precision.isMixed() ? new MasterWeights(root, params) : null) {
        return loop(device, model, opt, params, masters, totalSteps, schedule, trainRows, haveValidation);
      }
    }
  }

  private Result loop(Device device, LlamaModel model, AdamW opt, Map<String, NDArray> params, MasterWeights masters, int totalSteps,
      LrSchedule schedule, long trainRows, boolean haveValidation) throws IOException {
    TrainConfig.LossScale ls = c.lossScale();
    LossScaler scaler = c.precision() == Precision.FP16 ? new LossScaler(ls.initial(), ls.growth(), ls.backoff(), ls.growthInterval()) : null;
    Map<String, NDArray> updated = masters == null ? params : masters.masters();
    TrainState state = new TrainState(0, BatchStream.Position.START, Double.POSITIVE_INFINITY, 0, 0, 0, c.seed(), c.method().name(),
        null);
    Path latest = latestCheckpoint();
    int resumedFrom = 0;
    if (latest != null && !c.resume()) {
      throw new CheckpointException(c.outputDir() + " already holds " + latest.getFileName()
          + "; set feedline.trainer.resume = true to continue it, or choose another output-dir");
    }
    if (latest != null) {
      state = TrainState.read(latest.resolve("state.json"));
      if (!state.method().equals(c.method().name())) {
        throw new CheckpointException(latest + " was written by method " + state.method() + ", this run uses " + c.method());
      }
      Map<String, Tensor> saved = SafeTensors.read(latest.resolve("trainable.safetensors"));
      if (masters != null) {
        try {
          masters.load(saved, latest.toString());
        } catch (IllegalArgumentException e) {
          throw new CheckpointException(e.getMessage(), e);
        }
      } else {
        load(params, saved, latest);
      }
      if (scaler != null && state.scaler() != null) scaler.restore(state.scaler());
      opt.load(SafeTensors.read(latest.resolve("optimizer.safetensors")), state.step());
      resumedFrom = state.step();
      truncateMetrics(state.step());
      log.printf("train: resumed from %s (step %d, epoch %d)%n", latest.getFileName(), state.step(), state.data().epoch());
    } else {
      Files.deleteIfExists(metricsFile());
    }
    log.printf("train: %s on %s in %s, %d trainable of %d parameters, %d training rows, %d steps%n", c.method().name().toLowerCase(),
        device, c.precision().key(), count(params), count(model.weights()), trainRows, totalSteps);

    int step = state.step();
    double best = state.bestValLoss();
    int bestStep = state.bestStep();
    int bad = state.evalsWithoutImprovement();
    long tokens = state.tokensSeen();
    double lastLoss = Double.NaN;
    boolean stopped = false;
    long started = System.nanoTime();
    long tokensThisRun = 0;
    try (BatchStream stream = new BatchStream(c.dataDir(), c.trainSplit(), c.batchSize(), c.maxSeqLen(), c.shuffleBuffer(),
        c.seed(), true, true, state.data())) {
      while (step < totalSteps) {
        List<Batch> micro = new ArrayList<>(c.gradAccumulation());
        for (int i = 0; i < c.gradAccumulation(); i++) micro.add(stream.next());
        int lossTokens = 0;
        int stepTokens = 0;
        for (Batch b : micro) {
          lossTokens += b.lossTokens();
          stepTokens += b.tokens();
        }
        double lr = schedule.at(step + 1);
        double gradNorm;
        double loss = 0;
        double lossScale = scaler == null ? 1.0 : scaler.scale();
        boolean skipped = false;
        try (NDScope scope = new NDScope()) {
          for (int i = 0; i < micro.size(); i++) {
            Engine.getInstance().setRandomSeed((int) (c.seed() * 1_000_003L + (long) step * 1_009L + i));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              NDArray l = LlamaModel.lossSum(model.logits(micro.get(i), true), micro.get(i))
                  .div(Owned.scalar(model.manager(), Math.max(1, lossTokens)));
              gc.backward(scaler == null ? l : l.mul(Owned.scalar(model.manager(), (float) lossScale)));
              loss += l.getFloat();
            }
          }
          Map<String, NDArray> grads = masters == null ? new LinkedHashMap<>() : masters.unscaledGradients(lossScale);
          double sq = 0;
          List<String> nonFinite = new ArrayList<>();
          for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray g = masters == null ? e.getValue().getGradient() : grads.get(e.getKey());
            grads.put(e.getKey(), g);
            double s = g.square().sum().getFloat();
            if (!Double.isFinite(s)) nonFinite.add(e.getKey());
            sq += s;
          }
          gradNorm = Math.sqrt(sq);
          boolean overflow = !nonFinite.isEmpty() || !Double.isFinite(loss);
          if (scaler != null) {
            skipped = scaler.update(overflow);
          } else if (overflow) {
            throw new IllegalStateException("training diverged at step " + (step + 1) + ": loss " + loss
                + ", non-finite gradients in " + nonFinite.subList(0, Math.min(5, nonFinite.size())) + " of " + nonFinite.size()
                + " (lower feedline.trainer.optimizer.lr or set optimizer.max-grad-norm)");
          }
          if (skipped) {
            log.printf("train: step %d skipped: gradients overflowed at loss scale %.6g, scale now %.6g%n", step + 1, lossScale,
                scaler.scale());
          } else {
            double scale = c.maxGradNorm() > 0 && gradNorm > c.maxGradNorm() ? c.maxGradNorm() / (gradNorm + 1e-6) : 1.0;
            opt.step(updated, grads, lr, scale);
            if (masters != null) masters.copyToModel();
          }
          for (NDArray p : params.values()) p.getGradient().set(new NDIndex("..."), 0f);
        }
        step++;
        tokens += stepTokens;
        tokensThisRun += stepTokens;
        lastLoss = loss;
        double elapsed = (System.nanoTime() - started) / 1e9;
        double tps = tokensThisRun / Math.max(1e-9, elapsed);
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "train").put("step", step).put("epoch", stream.epoch()).put("loss", loss).put("lr", lr)
            .put("grad_norm", gradNorm).put("tokens", tokens).put("tokens_per_s", Math.round(tps)).put("elapsed_s", elapsed);
        if (scaler != null) {
          m.put("loss_scale", lossScale).put("skipped", skipped).put("skipped_steps", scaler.skippedSteps());
        }
        appendMetric(m);
        if (step % c.logEvery() == 0 || step == totalSteps) {
          double eta = elapsed / (step - resumedFrom) * (totalSteps - step);
          log.printf("train: step %d/%d epoch %d loss %.4f lr %.3g | %,.0f tok/s | ETA %s%n", step, totalSteps, stream.epoch(),
              loss, lr, tps, hms(eta));
        }
        boolean evalNow = haveValidation && ((c.evalEvery() > 0 && step % c.evalEvery() == 0) || step == totalSteps);
        if (evalNow) {
          double val = evaluate(model);
          ObjectNode e = JSON.createObjectNode();
          e.put("type", "eval").put("step", step).put("val_loss", val).put("val_ppl", Math.exp(val));
          appendMetric(e);
          log.printf("eval: step %d val_loss %.4f ppl %.3f%s%n", step, val, Math.exp(val), val < best - c.minDelta() ? " (best)" : "");
          if (val < best - c.minDelta()) {
            best = val;
            bestStep = step;
            bad = 0;
            RunExport.write(c.outputDir().resolve("best"), model, c.modelDir(), c.saveDtype(), c.shardBytes());
          } else {
            bad++;
            if (c.patience() > 0 && bad >= c.patience()) stopped = true;
          }
        }
        if (c.checkpointEvery() > 0 && (step % c.checkpointEvery() == 0 || stopped)) {
          saveCheckpoint(masters == null ? tensors(params) : masters.tensors(), opt, new TrainState(step, stream.position(), best, bestStep,
              bad, tokens, c.seed(), c.method().name(), scaler == null ? null : scaler.state()));
        }
        listener.afterStep(step, loss, model);
        if (stopped) {
          log.printf("train: early stop at step %d: no improvement in %d evaluations (best %.4f at step %d)%n", step, bad, best, bestStep);
          break;
        }
      }
    }
    Path finalDir = c.outputDir().resolve("final");
    RunExport.write(finalDir, model, c.modelDir(), c.saveDtype(), c.shardBytes());
    writeCurve();
    double tps = tokensThisRun / Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    ObjectNode summary = JSON.createObjectNode();
    summary.put("steps", step).put("last_loss", lastLoss).put("best_step", bestStep).put("stopped_early", stopped)
        .put("tokens_per_s", tps).put("resumed_from", resumedFrom).put("method", c.method().name().toLowerCase())
        .put("precision", c.precision().key());
    if (scaler != null) summary.put("skipped_steps", scaler.skippedSteps()).put("loss_scale", scaler.scale());
    if (Double.isFinite(best)) summary.put("best_val_loss", best);
    JSON.writerWithDefaultPrettyPrinter().writeValue(c.outputDir().resolve("train_summary.json").toFile(), summary);
    log.printf("train: done, %d steps, final export in %s%n", step, finalDir);
    return new Result(step, lastLoss, best, bestStep, stopped, finalDir, tps, resumedFrom);
  }

  private Map<String, NDArray> trainable(NDManager root, LlamaModel model) {
    switch (c.method()) {
      case FULL:
        return new LinkedHashMap<>(model.weights());
      case LORA:
        model.setAdapter(LoraAdapter.create(root, model.config(), c.lora(), c.seed(), model.precision()));
        return new LinkedHashMap<>(model.adapter().parameters());
      case PREFIX:
        model.setAdapter(PrefixAdapter.create(root, model.config(), c.prefixTokens(), c.prefixStd(), c.seed(), model.precision()));
        return new LinkedHashMap<>(model.adapter().parameters());
      default:
        throw new IllegalStateException(c.method().name());
    }
  }

  /** Mean validation loss per scored token over up to eval.max-batches batches. */
  private double evaluate(LlamaModel model) {
    double sum = 0;
    long n = 0;
    int batches = 0;
    try (BatchStream val = new BatchStream(c.dataDir(), c.validationSplit(), c.batchSize(), c.maxSeqLen(), c.shuffleBuffer(),
        c.seed(), false, false, BatchStream.Position.START)) {
      Batch b;
      while ((c.evalMaxBatches() == 0 || batches < c.evalMaxBatches()) && (b = val.next()) != null) {
        try (NDScope scope = new NDScope()) {
          sum += LlamaModel.lossSum(model.logits(b, false), b).getFloat();
        }
        n += b.lossTokens();
        batches++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static Map<String, Tensor> tensors(Map<String, NDArray> params) {
    Map<String, Tensor> t = new LinkedHashMap<>();
    params.forEach((k, v) -> t.put(k, new Tensor(v.getShape().getShape(), v.toFloatArray())));
    return t;
  }

  private void saveCheckpoint(Map<String, Tensor> t, AdamW opt, TrainState state) throws IOException {
    Path dir = c.outputDir().resolve(String.format("checkpoint-%07d", state.step()));
    Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
    RunExport.deleteTree(tmp);
    Files.createDirectories(tmp);
    SafeTensors.write(tmp.resolve("trainable.safetensors"), t, DType.F32, Map.of("format", "pt"));
    SafeTensors.write(tmp.resolve("optimizer.safetensors"), opt.state(), DType.F32, Map.of("steps", String.valueOf(opt.steps())));
    state.write(tmp.resolve("state.json"));
    RunExport.deleteTree(dir);
    Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    List<Path> all = checkpoints();
    for (int i = 0; i < all.size() - c.keepLast(); i++) RunExport.deleteTree(all.get(i));
  }

  private static void load(Map<String, NDArray> params, Map<String, Tensor> saved, Path from) {
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      Tensor t = saved.get(e.getKey());
      if (t == null || t.size() != e.getValue().size()) {
        throw new CheckpointException(from + ": trainable tensor " + e.getKey() + " is missing or has another shape");
      }
      e.getValue().set(FloatBuffer.wrap(t.data()));
    }
  }

  private List<Path> checkpoints() throws IOException {
    try (Stream<Path> s = Files.list(c.outputDir())) {
      return s.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+") && Files.isRegularFile(p.resolve("state.json")))
          .sorted().toList();
    }
  }

  private Path latestCheckpoint() throws IOException {
    List<Path> all = checkpoints();
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  private Path metricsFile() {
    return c.outputDir().resolve("metrics.jsonl");
  }

  private void appendMetric(ObjectNode n) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(metricsFile(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      w.write(JSON.writeValueAsString(n));
      w.newLine();
    }
  }

  /** Drops metric lines past the resumed step, so the file reads as one uninterrupted run. */
  private void truncateMetrics(int step) throws IOException {
    Path f = metricsFile();
    if (!Files.exists(f)) return;
    List<String> keep = new ArrayList<>();
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      try {
        if (JSON.readTree(line).path("step").asInt() <= step) keep.add(line);
      } catch (IOException e) {
        // a torn last line from the crash: drop it
      }
    }
    Files.write(f, keep, StandardCharsets.UTF_8);
  }

  private void writeCurve() throws IOException {
    List<double[]> train = new ArrayList<>();
    List<double[]> val = new ArrayList<>();
    if (Files.exists(metricsFile())) {
      for (String line : Files.readAllLines(metricsFile(), StandardCharsets.UTF_8)) {
        var n = JSON.readTree(line);
        if ("train".equals(n.path("type").asText())) train.add(new double[] {n.path("step").asDouble(), n.path("loss").asDouble()});
        if ("eval".equals(n.path("type").asText())) val.add(new double[] {n.path("step").asDouble(), n.path("val_loss").asDouble()});
      }
    }
    LossCurve.write(c.outputDir().resolve("loss-curve.png"), train, val, "feedline " + c.method().name().toLowerCase() + " run");
  }

  private static long count(Map<String, NDArray> m) {
    long n = 0;
    for (NDArray a : m.values()) n += a.size();
    return n;
  }

  static String hms(double seconds) {
    if (!Double.isFinite(seconds)) return "?";
    long s = Math.round(seconds);
    return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
