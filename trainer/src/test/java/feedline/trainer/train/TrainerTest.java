package feedline.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.trainer.export.PeftAdapterDir;
import feedline.trainer.io.HfCheckpoint;
import feedline.trainer.io.SafeTensors;
import feedline.trainer.io.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  @TempDir static Path shared;
  static Path model;
  static Path data;
  @TempDir Path dir;

  @BeforeAll
  static void fixtures() {
    model = shared.resolve("model");
    data = shared.resolve("data");
    TrainFixtures.tinyLlama(model, 1);
    List<feedline.common.sft.TokenizedExample> rows = new ArrayList<>(TrainFixtures.rows("train", 8, 4, 16, 5));
    rows.addAll(TrainFixtures.rows("validation", 4, 4, 16, 5));
    TrainFixtures.dataset(data, rows, 3);
  }

  static List<JsonNode> metrics(Path out, String type) throws Exception {
    List<JsonNode> l = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(out.resolve("metrics.jsonl"))) {
      JsonNode n = json.readTree(line);
      if (n.path("type").asText().equals(type)) l.add(n);
    }
    return l;
  }

  @Test
  void loraOverfitsTinyDataWhileBaseWeightsStayBitIdentical() throws Exception {
    Path out = dir.resolve("run");
    Map<String, Tensor> base = HfCheckpoint.load(model).weights();
    Map<String, float[]> after = new HashMap<>();
    TrainConfig c = TrainFixtures.config(model, data, out, "method=lora", "lora.r=8", "lora.alpha=16", "lora.dropout=0.0",
        "lora.target-modules=[q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj]", "optimizer.lr=0.02",
        "schedule.warmup-steps=5", "max-steps=40", "batch-size=4", "eval.every-steps=20", "checkpoint.every-steps=0");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Trainer.Result r = new Trainer(c, new PrintStream(log, true, StandardCharsets.UTF_8), (step, loss, m) -> {
      if (step == 40) m.weights().forEach((k, v) -> after.put(k, v.toFloatArray()));
    }).run();

    List<JsonNode> train = metrics(out, "train");
    assertThat(train).hasSize(40);
    double first = train.get(0).path("loss").asDouble();
    assertThat(first).isGreaterThan(Math.log(TrainFixtures.VOCAB) - 0.5);
    assertThat(r.lastLoss()).as("loss falls by a large factor").isLessThan(first / 5);
    base.forEach((k, v) -> assertThat(after.get(k)).as(k).containsExactly(v.data()));
    assertThat(metrics(out, "eval")).hasSize(2);
    assertThat(r.bestValLoss()).isLessThan(first / 3);
    assertThat(PeftAdapterDir.isAdapter(out.resolve("best"))).isTrue();
    assertThat(PeftAdapterDir.isAdapter(out.resolve("final"))).isTrue();
    assertThat(ImageIO.read(out.resolve("loss-curve.png").toFile()).getWidth()).isEqualTo(800);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("tok/s").contains("ETA").contains("val_loss");
  }

  @Test
  void trainsFromAThreadTheEngineWasNotStartedIn() throws Exception {
    // a fresh thread has PyTorch's grad mode on (it is per thread); the trainer must not depend on
    // which thread started the engine, e.g. when it runs inside a scheduler or a Spark task
    java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
    Thread t = new Thread(() -> {
      ai.djl.pytorch.jni.JniUtils.setGradMode(true);
      try {
        outcome.set(new Trainer(TrainFixtures.config(model, data, dir.resolve("thread"), "method=full", "max-steps=3",
            "eval.every-steps=0", "checkpoint.every-steps=0"), System.err, null).run());
      } catch (Throwable e) {
        outcome.set(e);
      }
    });
    t.start();
    t.join();
    assertThat(outcome.get()).isInstanceOf(Trainer.Result.class);
    assertThat(((Trainer.Result) outcome.get()).steps()).isEqualTo(3);
  }

  @Test
  void fullFineTuningAndPrefixTuningBothLearn() throws Exception {
    Trainer.Result full = new Trainer(TrainFixtures.config(model, data, dir.resolve("full"), "method=full", "optimizer.lr=0.01",
        "max-steps=20", "eval.every-steps=0", "checkpoint.every-steps=0", "optimizer.weight-decay=0.01"), System.err, null).run();
    double firstFull = metrics(dir.resolve("full"), "train").get(0).path("loss").asDouble();
    assertThat(full.lastLoss()).isLessThan(firstFull / 3);
    // the export is a full HF checkpoint that loads and differs from the base
    HfCheckpoint.Loaded trained = HfCheckpoint.load(dir.resolve("full/final"));
    assertThat(trained.weights().get("model.layers.0.self_attn.q_proj.weight").data())
        .isNotEqualTo(HfCheckpoint.load(model).weights().get("model.layers.0.self_attn.q_proj.weight").data());
    assertThat(dir.resolve("full/final/tokenizer.json")).exists();

    Trainer.Result prefix = new Trainer(TrainFixtures.config(model, data, dir.resolve("prefix"), "method=prefix",
        "prefix.virtual-tokens=4", "optimizer.lr=0.05", "max-steps=30", "eval.every-steps=0", "checkpoint.every-steps=0"), System.err, null).run();
    List<Double> losses = metrics(dir.resolve("prefix"), "train").stream().map(n -> n.path("loss").asDouble()).toList();
    double firstFive = losses.subList(0, 5).stream().mapToDouble(d -> d).average().orElseThrow();
    double lastFive = losses.subList(25, 30).stream().mapToDouble(d -> d).average().orElseThrow();
    assertThat(prefix.steps()).isEqualTo(30);
    assertThat(lastFive).as("prefix tuning lowers the loss").isLessThan(firstFive - 0.5);
    assertThat(SafeTensors.names(dir.resolve("prefix/final/adapter_model.safetensors"))).containsExactly("prompt_embeddings");
  }

  @Test
  void resumeAfterACrashReproducesTheUninterruptedRun() throws Exception {
    String[] keys = {"method=lora", "lora.dropout=0.1", "lora.target-modules=[q_proj,v_proj,down_proj]", "optimizer.lr=0.01",
        "max-steps=8", "batch-size=3", "grad-accumulation=2", "shuffle-buffer=5", "checkpoint.every-steps=4",
        "eval.every-steps=4", "optimizer.weight-decay=0.1"};
    Path straight = dir.resolve("straight");
    Trainer.Result a = new Trainer(TrainFixtures.config(model, data, straight, keys), System.err, null).run();

    Path crashed = dir.resolve("crashed");
    TrainConfig c = TrainFixtures.config(model, data, crashed, keys);
    try {
      new Trainer(c, System.err, (step, loss, m) -> {
        if (step == 6) throw new IllegalStateException("simulated crash");
      }).run();
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessage("simulated crash");
    }
    assertThat(crashed.resolve("checkpoint-0000004")).isDirectory();
    assertThat(crashed.resolve("final")).doesNotExist();
    Trainer.Result b = new Trainer(c, System.err, null).run();
    assertThat(b.resumedFrom()).isEqualTo(4);
    assertThat(b.steps()).isEqualTo(8);

    List<Double> la = metrics(straight, "train").stream().map(n -> n.path("loss").asDouble()).toList();
    List<Double> lb = metrics(crashed, "train").stream().map(n -> n.path("loss").asDouble()).toList();
    assertThat(lb).hasSize(8).containsExactlyElementsOf(la);
    assertThat(metrics(crashed, "eval").stream().map(n -> n.path("val_loss").asDouble()).toList())
        .containsExactlyElementsOf(metrics(straight, "eval").stream().map(n -> n.path("val_loss").asDouble()).toList());
    Map<String, Tensor> wa = SafeTensors.read(straight.resolve("final/adapter_model.safetensors"));
    Map<String, Tensor> wb = SafeTensors.read(crashed.resolve("final/adapter_model.safetensors"));
    assertThat(wb.keySet()).containsExactlyElementsOf(wa.keySet());
    wa.forEach((k, v) -> assertThat(wb.get(k).data()).as(k).containsExactly(v.data()));
    assertThat(b.lastLoss()).isEqualTo(a.lastLoss());
  }

  @Test
  void earlyStoppingEndsARunThatStopsImprovingAndKeepsTheBest() throws Exception {
    Path out = dir.resolve("stop");
    Trainer.Result r = new Trainer(TrainFixtures.config(model, data, out, "optimizer.lr=0", "schedule.warmup-steps=0",
        "max-steps=50", "eval.every-steps=2", "eval.patience=2", "checkpoint.every-steps=0"), System.err, null).run();
    assertThat(r.stoppedEarly()).isTrue();
    assertThat(r.steps()).isEqualTo(6);
    assertThat(r.bestStep()).isEqualTo(2);
    assertThat(metrics(out, "eval")).hasSize(3);
    assertThat(out.resolve("best/adapter_config.json")).exists();
  }

}
