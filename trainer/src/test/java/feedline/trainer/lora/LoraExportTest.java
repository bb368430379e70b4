package feedline.trainer.lora;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.trainer.cli.TrainerMain;
import feedline.trainer.data.Batch;
import feedline.trainer.export.PeftAdapterDir;
import feedline.trainer.io.DType;
import feedline.trainer.io.HfCheckpoint;
import feedline.trainer.io.SafeTensors;
import feedline.trainer.io.Tensor;
import feedline.trainer.model.LlamaModel;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.model.RandomInit;
import feedline.trainer.model.TinyConfigs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraExportTest {
  @TempDir Path dir;
  static final int[] IDS = {5, 17, 33, 2, 60, 41, 8, 19, 27};
  static final List<String> ALL = LoraConfig.MODULES;

  static float[] logits(ModelConfig c, Map<String, Tensor> w, LoraConfig lora, Map<String, Tensor> adapter) {
    try (NDManager root = NDManager.newBaseManager(); LlamaModel m = LlamaModel.create(root, c, w); NDScope s = new NDScope()) {
      if (lora != null) {
        m.setAdapter(adapter == null ? LoraAdapter.create(root, c, lora, 3) : LoraAdapter.fromTensors(root, c, lora, adapter));
      }
      return m.logits(Batch.ofSequence(IDS), false).toFloatArray();
    }
  }

  /** A trained-looking adapter: A and B both random. */
  static Map<String, Tensor> randomAdapter(ModelConfig c, LoraConfig lora) {
    Random r = new Random(9);
    Map<String, Tensor> t = new LinkedHashMap<>();
    for (int i = 0; i < c.numLayers(); i++) {
      for (String mod : lora.targetModules()) {
        int[] io = LoraAdapter.inOut(c, mod);
        t.put(LoraAdapter.name(i, mod, "A"), gaussian(r, new long[] {lora.r(), io[0]}));
        t.put(LoraAdapter.name(i, mod, "B"), gaussian(r, new long[] {io[1], lora.r()}));
      }
    }
    return t;
  }

  static Tensor gaussian(Random r, long[] shape) {
    float[] d = new float[(int) (shape[0] * shape[1])];
    for (int i = 0; i < d.length; i++) d[i] = (float) (r.nextGaussian() * 0.1);
    return new Tensor(shape, d);
  }

  @Test
  void freshLoraWithZeroBGivesExactlyTheBaseLogits() {
    ModelConfig c = TinyConfigs.qwen2(70);
    Map<String, Tensor> w = RandomInit.weights(c, 4, 0.2);
    float[] base = logits(c, w, null, null);
    float[] withLora = logits(c, w, new LoraConfig(4, 8, 0.0, ALL), null);
    assertThat(withLora).containsExactly(base);
  }

  @Test
  void mergedWeightsEqualBasePlusAdapterAndTheMergeCommandWritesThem() throws Exception {
    ModelConfig c = TinyConfigs.llamaGqa(70);
    Map<String, Tensor> w = RandomInit.weights(c, 4, 0.2);
    LoraConfig lora = new LoraConfig(4, 8, 0.05, List.of("q_proj", "k_proj", "o_proj", "down_proj"));
    Map<String, Tensor> adapter = randomAdapter(c, lora);
    float[] base = logits(c, w, null, null);
    float[] withAdapter = logits(c, w, lora, adapter);
    float[] merged = logits(c, feedline.trainer.export.LoraMerge.merge(c, w, lora, adapter), null, null);
    double diffToBase = 0;
    for (int i = 0; i < base.length; i++) {
      assertThat(merged[i]).isCloseTo(withAdapter[i], org.assertj.core.data.Offset.offset(5e-5f));
      diffToBase = Math.max(diffToBase, Math.abs(base[i] - withAdapter[i]));
    }
    assertThat(diffToBase).as("the adapter changes the model").isGreaterThan(1e-2);

    // the same through files and the command line
    Path model = dir.resolve("base");
    HfCheckpoint.save(model, c.toJson(), w, DType.F32, 0, null);
    Map<String, Tensor> peft = new LinkedHashMap<>();
    adapter.forEach((k, v) -> peft.put(LoraAdapter.PEFT_PREFIX + k, v));
    PeftAdapterDir.write(dir.resolve("adapter"), lora, peft, model.toString());
    assertThat(TrainerMain.run(new String[] {"merge", "--model", model.toString(), "--adapter", dir.resolve("adapter").toString(),
        "--output", dir.resolve("merged").toString()})).isZero();
    HfCheckpoint.Loaded back = HfCheckpoint.load(dir.resolve("merged"));
    float[] fromFiles = logits(back.config(), back.weights(), null, null);
    assertThat(fromFiles).containsExactly(merged);
  }

  @Test
  void peftAdapterFilesUseThePeftNamesShapesAndConfig() throws Exception {
    ModelConfig c = TinyConfigs.llamaGqa(70);
    LoraConfig lora = new LoraConfig(4, 8, 0.05, List.of("q_proj", "v_proj", "up_proj"));
    try (NDManager root = NDManager.newBaseManager(); LoraAdapter a = LoraAdapter.create(root, c, lora, 1)) {
      PeftAdapterDir.write(dir, lora, a.peftTensors(), "base-model");
    }
    Map<String, Tensor> t = SafeTensors.read(dir.resolve("adapter_model.safetensors"));
    assertThat(t).hasSize(2 * 3 * 2);
    assertThat(t.get("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight").shape()).containsExactly(4, 32);
    assertThat(t.get("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight").shape()).containsExactly(32, 4);
    assertThat(t.get("base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight").shape()).containsExactly(16, 4);
    assertThat(t.get("base_model.model.model.layers.1.mlp.up_proj.lora_A.weight").shape()).containsExactly(4, 32);
    assertThat(t.get("base_model.model.model.layers.1.mlp.up_proj.lora_B.weight").data()).containsOnly(0f);
    JsonNode cfg = new ObjectMapper().readTree(dir.resolve("adapter_config.json").toFile());
    assertThat(cfg.path("peft_type").asText()).isEqualTo("LORA");
    assertThat(cfg.path("task_type").asText()).isEqualTo("CAUSAL_LM");
    assertThat(cfg.path("r").asInt()).isEqualTo(4);
    assertThat(cfg.path("lora_alpha").asDouble()).isEqualTo(8.0);
    assertThat(cfg.path("target_modules").toString()).isEqualTo("[\"q_proj\",\"v_proj\",\"up_proj\"]");
    assertThat(PeftAdapterDir.read(dir).config()).isEqualTo(lora);
  }
}
