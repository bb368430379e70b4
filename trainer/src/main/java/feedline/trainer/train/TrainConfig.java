package feedline.trainer.train;

import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.common.sft.ShardLayout;
import feedline.trainer.io.DType;
import feedline.trainer.lora.LoraConfig;
import feedline.trainer.model.Precision;
import feedline.trainer.optim.LrSchedule;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The validated {@code feedline.trainer} keys a training run uses. */
public record TrainConfig(
    Path modelDir,
    Path dataDir,
    Path outputDir,
    String trainSplit,
    String validationSplit,
    Method method,
    LoraConfig lora,
    int prefixTokens,
    double prefixStd,
    double lr,
    double weightDecay,
    double beta1,
    double beta2,
    double eps,
    double maxGradNorm,
    LrSchedule.Type scheduleType,
    int warmupSteps,
    double minLrRatio,
    int batchSize,
    int gradAccumulation,
    int maxSteps,
    int epochs,
    int maxSeqLen,
    int shuffleBuffer,
    int evalEvery,
    int evalMaxBatches,
    int patience,
    double minDelta,
    int checkpointEvery,
    int keepLast,
    boolean resume,
    int logEvery,
    DType saveDtype,
    long shardBytes,
    long seed,
    String device,
    Precision precision,
    LossScale lossScale) {

  /** fp16 dynamic loss scaling: initial scale, growth and backoff factors, clean steps before growing. */
  public record LossScale(double initial, double growth, double backoff, int growthInterval) {}

  public enum Method { LORA, FULL, PREFIX }

  public static TrainConfig from(Settings s) {
    String model = s.optionalString("model-dir");
    if (model == null) throw new ConfigError(s.path("model-dir"), "", "a Hugging Face model directory (or --model DIR)");
    String data = s.optionalString("data-dir");
    if (data == null) throw new ConfigError(s.path("data-dir"), "", "the build stage's output directory (or --data DIR)");
    String out = s.optionalString("output-dir");
    if (out == null) throw new ConfigError(s.path("output-dir"), "", "a run directory (or --output DIR)");
    Method method = s.enumValue("method", Method.class);
    LoraConfig lora = new LoraConfig(s.integer("lora.r", 1, 4096), s.number("lora.alpha", 1e-6, 1e6),
        s.number("lora.dropout", 0, 0.999), s.subsetOf("lora.target-modules", LoraConfig.MODULES));
    if (lora.targetModules().isEmpty()) throw new ConfigError(s.path("lora.target-modules"), "[]", "a non-empty subset of " + LoraConfig.MODULES);
    int maxSteps = s.integer("max-steps", 0, Integer.MAX_VALUE);
    return new TrainConfig(Path.of(model), Path.of(data), Path.of(out),
        s.oneOf("train-split", ShardLayout.SPLITS), s.oneOf("validation-split", ShardLayout.SPLITS), method, lora,
        s.integer("prefix.virtual-tokens", 1, 4096), s.number("prefix.init-std", 0, 10),
        s.number("optimizer.lr", 0, 10), s.number("optimizer.weight-decay", 0, 10), s.number("optimizer.beta1", 0, 0.999999),
        s.number("optimizer.beta2", 0, 0.99999999), s.number("optimizer.eps", 0, 1), s.number("optimizer.max-grad-norm", 0, 1e9),
        s.enumValue("schedule.type", LrSchedule.Type.class), s.integer("schedule.warmup-steps", 0, Integer.MAX_VALUE),
        s.number("schedule.min-lr-ratio", 0, 1), s.integer("batch-size", 1, 1 << 16), s.integer("grad-accumulation", 1, 1 << 16),
        maxSteps, s.integer("epochs", 1, 1 << 20), s.integer("max-seq-len", 2, 1 << 20), s.integer("shuffle-buffer", 1, 1 << 24),
        s.integer("eval.every-steps", 0, Integer.MAX_VALUE), s.integer("eval.max-batches", 0, Integer.MAX_VALUE),
        s.integer("eval.patience", 0, 1 << 20), s.number("eval.min-delta", 0, 1e9),
        s.integer("checkpoint.every-steps", 0, Integer.MAX_VALUE), s.integer("checkpoint.keep-last", 1, 1 << 20),
        s.bool("resume"), s.integer("log-every-steps", 1, Integer.MAX_VALUE),
        DType.valueOf(s.oneOf("save-dtype", List.of("f32", "f16", "bf16")).toUpperCase(Locale.ROOT)),
        s.bytes("shard-size", 1 << 10, Long.MAX_VALUE), s.integer("seed", 0, Integer.MAX_VALUE),
        s.oneOf("device", List.of("cpu", "gpu", "auto")),
        Precision.valueOf(s.oneOf("precision", List.of("fp32", "fp16", "bf16")).toUpperCase(Locale.ROOT)),
        new LossScale(s.number("loss-scale.initial", 1e-30, 1e30), s.number("loss-scale.growth-factor", 1, 1e6),
            s.number("loss-scale.backoff-factor", 1e-6, 0.999999), s.integer("loss-scale.growth-interval", 1, Integer.MAX_VALUE)));
  }
}
