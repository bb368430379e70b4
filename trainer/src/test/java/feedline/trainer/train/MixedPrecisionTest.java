package feedline.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.common.config.ConfigError;
import feedline.common.sft.TokenizedExample;
import feedline.trainer.io.DType;
import feedline.trainer.io.HalfFloats;
import feedline.trainer.io.HfCheckpoint;
import feedline.trainer.io.SafeTensors;
import feedline.trainer.io.Tensor;
import feedline.trainer.lora.LoraAdapter;
import feedline.trainer.model.InitModel;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.model.Precision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fp16 training on the CPU (bf16 is refused there and never run in tests). */
class MixedPrecisionTest {
  @TempDir static Path shared;
  static Path model;
  static Path data;
  static ModelConfig config;
  @TempDir Path dir;

  @BeforeAll
  static void fixtures() {
    model = shared.resolve("model-f16");
    data = shared.resolve("data");
    // an f16 checkpoint: loading widens it in Java, the fp16 run narrows it again (exactly)
    config = TrainFixtures.tinyLlama(shared.resolve("unused"), 1);
    InitModel.write(model, config, 1, 0.2, DType.F16, 0);
    List<TokenizedExample> rows = new ArrayList<>(TrainFixtures.rows("train", 8, 4, 16, 5));
    rows.addAll(TrainFixtures.rows("validation", 4, 4, 16, 5));
    TrainFixtures.dataset(data, rows, 3);
  }

  static float f16(float f) {
    return HalfFloats.f16ToFloat(HalfFloats.floatToF16(f));
  }

  @Test
  void fp16LoraLearnsWithFloat32MastersWhileTheBaseStaysBitIdentical() throws Exception {
    Path out = dir.resolve("run");
    Map<String, Tensor> base = HfCheckpoint.load(model).weights();
    Map<String, float[]> after = new HashMap<>();
    List<DataType> types = new ArrayList<>();
    TrainConfig c = TrainFixtures.config(model, data, out, "precision=fp16", "method=lora", "lora.r=8", "lora.alpha=16",
        "lora.dropout=0.1", "lora.target-modules=[q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj]", "optimizer.lr=0.02",
        "schedule.warmup-steps=5", "max-steps=30", "batch-size=4", "eval.every-steps=0", "checkpoint.every-steps=30");
    Trainer.Result r = new Trainer(c, System.err, (step, loss, m) -> {
      if (step == 30) {
        m.weights().forEach((k, v) -> after.put(k, Precision.toFloats(v)));
        types.add(m.weights().get("model.layers.0.self_attn.q_proj.weight").getDataType());
        m.adapter().parameters().values().forEach(p -> types.add(p.getDataType()));
      }
    }).run();

    List<JsonNode> train = TrainerTest.metrics(out, "train");
    assertThat(train).hasSize(30);
    double first = train.get(0).path("loss").asDouble();
    assertThat(r.lastLoss()).as("fp16 loss falls by a large factor").isLessThan(first / 4);
    assertThat(train).allSatisfy(n -> assertThat(n.path("skipped").asBoolean()).isFalse());
    assertThat(train.get(29).path("loss_scale").asDouble()).isEqualTo(65536.0);
    assertThat(types).containsOnly(DataType.FLOAT16);
    base.forEach((k, v) -> assertThat(after.get(k)).as(k).containsExactly(v.data()));

    // the checkpoint holds the float32 masters: not all of them fit in fp16 ...
    Map<String, Tensor> masters = SafeTensors.read(out.resolve("checkpoint-0000030/trainable.safetensors"));
    assertThat(SafeTensors.header(out.resolve("checkpoint-0000030/trainable.safetensors")).entries().values())
        .allSatisfy(e -> assertThat(e.dtype()).isEqualTo(DType.F32));
    long notHalf = 0;
    for (Tensor t : masters.values()) for (float f : t.data()) if (f16(f) != f) notHalf++;
    assertThat(notHalf).as("master values finer than fp16").isGreaterThan(1000);
    // ... and the model's fp16 adapter (the export) is each master rounded to fp16
    Map<String, Tensor> exported = SafeTensors.read(out.resolve("final/adapter_model.safetensors"));
    masters.forEach((k, t) -> {
      float[] e = exported.get(LoraAdapter.PEFT_PREFIX + k).data();
      for (int i = 0; i < e.length; i++) assertThat(e[i]).as(k).isEqualTo(f16(t.data()[i]));
    });
  }

  @Test
  void fullFineTuningAndPrefixTuningAlsoLearnInFp16() throws Exception {
    Path full = dir.resolve("full");
    Trainer.Result f = new Trainer(TrainFixtures.config(model, data, full, "precision=fp16", "method=full", "optimizer.lr=0.01",
        "max-steps=15", "eval.every-steps=0", "checkpoint.every-steps=0"), System.err, null).run();
    assertThat(f.lastLoss()).isLessThan(TrainerTest.metrics(full, "train").get(0).path("loss").asDouble() / 2);
    // the export is a checkpoint of fp16 values (widened), loadable as any other
    HfCheckpoint.Loaded trained = HfCheckpoint.load(full.resolve("final"));
    for (float v : trained.weights().get("model.embed_tokens.weight").data()) assertThat(f16(v)).isEqualTo(v);

    Path prefix = dir.resolve("prefix");
    new Trainer(TrainFixtures.config(model, data, prefix, "precision=fp16", "method=prefix", "prefix.virtual-tokens=4",
        "optimizer.lr=0.05", "max-steps=20", "eval.every-steps=0", "checkpoint.every-steps=0"), System.err, null).run();
    List<Double> l = TrainerTest.metrics(prefix, "train").stream().map(n -> n.path("loss").asDouble()).toList();
    double head = l.subList(0, 4).stream().mapToDouble(d -> d).average().orElseThrow();
    double tail = l.subList(16, 20).stream().mapToDouble(d -> d).average().orElseThrow();
    assertThat(tail).as("fp16 prefix tuning lowers the loss").isLessThan(head - 0.3);
  }

  @Test
  void anOverflowSkipsTheStepBacksTheScaleOffAndLeavesWeightsUnchanged() throws Exception {
    Path out = dir.resolve("overflow");
    List<Map<String, float[]>> seen = new ArrayList<>();
    TrainConfig c = TrainFixtures.config(model, data, out, "precision=fp16", "loss-scale.initial=1e30", "method=lora",
        "lora.dropout=0", "optimizer.lr=0.05", "schedule.warmup-steps=0", "max-steps=3", "eval.every-steps=0", "checkpoint.every-steps=0");
    Trainer.Result r = new Trainer(c, System.err, (step, loss, m) -> {
      Map<String, float[]> w = new HashMap<>();
      m.adapter().parameters().forEach((k, v) -> w.put(k, Precision.toFloats(v)));
      seen.add(w);
    }).run();

    List<JsonNode> train = TrainerTest.metrics(out, "train");
    assertThat(train).extracting(n -> n.path("skipped").asBoolean()).containsExactly(true, true, true);
    assertThat(train).extracting(n -> n.path("loss_scale").asDouble()).containsExactly(1e30, 5e29, 2.5e29);
    assertThat(train).extracting(n -> n.path("skipped_steps").asInt()).containsExactly(1, 2, 3);
    assertThat(r.steps()).isEqualTo(3);
    try (NDManager root = NDManager.newBaseManager();
        LoraAdapter fresh = LoraAdapter.create(root, config, c.lora(), c.seed(), Precision.FP16)) {
      for (Map<String, float[]> w : seen) {
        fresh.parameters().forEach((k, v) -> assertThat(w.get(k)).as(k).containsExactly(Precision.toFloats(v)));
      }
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("train_summary.json").toFile());
    assertThat(summary.path("skipped_steps").asInt()).isEqualTo(3);
    assertThat(summary.path("precision").asText()).isEqualTo("fp16");
  }

  @Test
  void resumeRestoresTheLossScalerExactly() throws Exception {
    // growth every 3 clean steps: the scale doubles after steps 3 and 6; a resume from step 4 that
    // lost the scale or the clean-step count would show another scale at step 5 or 7
    String[] keys = {"precision=fp16", "loss-scale.initial=1024", "loss-scale.growth-interval=3", "method=lora", "lora.dropout=0.1",
        "optimizer.lr=0.01", "max-steps=8", "batch-size=3", "checkpoint.every-steps=4", "eval.every-steps=0"};
    Path straight = dir.resolve("straight");
    new Trainer(TrainFixtures.config(model, data, straight, keys), System.err, null).run();
    Path crashed = dir.resolve("crashed");
    TrainConfig c = TrainFixtures.config(model, data, crashed, keys);
    assertThatThrownBy(() -> new Trainer(c, System.err, (step, loss, m) -> {
      if (step == 6) throw new IllegalStateException("simulated crash");
    }).run()).hasMessage("simulated crash");
    JsonNode state = new ObjectMapper().readTree(crashed.resolve("checkpoint-0000004/state.json").toFile());
    assertThat(state.path("loss_scale").asDouble()).isEqualTo(2048.0);
    assertThat(state.path("loss_scale_clean_steps").asInt()).isEqualTo(1);
    Trainer.Result b = new Trainer(c, System.err, null).run();
    assertThat(b.resumedFrom()).isEqualTo(4);

    List<JsonNode> a = TrainerTest.metrics(straight, "train");
    List<JsonNode> r = TrainerTest.metrics(crashed, "train");
    assertThat(a).extracting(n -> n.path("loss_scale").asDouble()).containsExactly(1024.0, 1024.0, 1024.0, 2048.0, 2048.0, 2048.0,
        4096.0, 4096.0);
    assertThat(r).extracting(n -> n.path("loss_scale").asDouble())
        .containsExactlyElementsOf(a.stream().map(n -> n.path("loss_scale").asDouble()).toList());
    assertThat(r).extracting(n -> n.path("loss").asDouble()).containsExactlyElementsOf(a.stream().map(n -> n.path("loss").asDouble()).toList());
    Map<String, Tensor> wa = SafeTensors.read(straight.resolve("final/adapter_model.safetensors"));
    Map<String, Tensor> wb = SafeTensors.read(crashed.resolve("final/adapter_model.safetensors"));
    wa.forEach((k, v) -> assertThat(wb.get(k).data()).as(k).containsExactly(v.data()));
  }

  @Test
  void bf16OnTheCpuAndUnknownPrecisionsAreConfigErrors() {
    TrainConfig bf16 = TrainFixtures.config(model, data, dir.resolve("bf16"), "precision=bf16", "device=cpu");
    assertThatThrownBy(() -> new Trainer(bf16, System.err, null).run()).isInstanceOf(ConfigError.class)
        .hasMessageContaining("feedline.trainer.precision").hasMessageContaining("bf16").hasMessageContaining("gpu");
    assertThat(dir.resolve("bf16/metrics.jsonl")).doesNotExist();
    assertThatThrownBy(() -> TrainFixtures.config(model, data, dir.resolve("x"), "precision=fp8")).isInstanceOf(ConfigError.class)
        .hasMessageContaining("feedline.trainer.precision").hasMessageContaining("fp16").hasMessageContaining("bf16");
  }
}
