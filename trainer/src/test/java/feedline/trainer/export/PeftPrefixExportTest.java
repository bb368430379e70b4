package feedline.trainer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.trainer.cli.TrainerMain;
import feedline.trainer.data.Batch;
import feedline.trainer.io.CheckpointException;
import feedline.trainer.io.DType;
import feedline.trainer.io.HfCheckpoint;
import feedline.trainer.io.SafeTensors;
import feedline.trainer.io.Tensor;
import feedline.trainer.model.Adapter;
import feedline.trainer.model.InitModel;
import feedline.trainer.model.LlamaModel;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.model.TinyConfigs;
import feedline.trainer.prefix.PrefixAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prefix adapters in PEFT's PREFIX_TUNING layout (GQA model: PEFT counts key/value heads). */
class PeftPrefixExportTest {
  static final int[] IDS = {5, 17, 42, 99, 3, 150, 7};
  @TempDir Path dir;

  static float[] logits(LlamaModel m) {
    try (NDScope s = new NDScope()) {
      return m.logits(Batch.ofSequence(IDS), false).toFloatArray();
    }
  }

  @Test
  void exportHasPeftNamesShapesAndConfigAndReloadsToIdenticalLogits() throws Exception {
    ModelConfig c = TinyConfigs.llamaGqa(262); // 4 query heads, 2 kv heads, head dim 8, 2 layers
    Path base = dir.resolve("base");
    InitModel.write(base, c, 3, 0.2, DType.F32, 0);
    HfCheckpoint.Loaded loaded = HfCheckpoint.load(base);
    int p = 5;
    float[] before;
    Map<String, Tensor> prefix;
    Path out = dir.resolve("adapter");
    try (NDManager root = NDManager.newBaseManager(); LlamaModel m = LlamaModel.create(root, loaded.config(), loaded.weights())) {
      float[] plain = logits(m);
      PrefixAdapter a = PrefixAdapter.create(root, c, p, 0.7, 9);
      m.setAdapter(a);
      before = logits(m);
      assertThat(before).isNotEqualTo(plain);
      prefix = a.tensors();
      RunExport.write(out, m, base, DType.F32, 1L << 30);
    }

    JsonNode cfg = new ObjectMapper().readTree(out.resolve("adapter_config.json").toFile());
    assertThat(cfg.path("peft_type").asText()).isEqualTo("PREFIX_TUNING");
    assertThat(cfg.path("task_type").asText()).isEqualTo("CAUSAL_LM");
    assertThat(cfg.path("num_virtual_tokens").asInt()).isEqualTo(p);
    assertThat(cfg.path("token_dim").asInt()).isEqualTo(2 * 8);
    assertThat(cfg.path("num_attention_heads").asInt()).isEqualTo(2);
    assertThat(cfg.path("num_layers").asInt()).isEqualTo(2);
    assertThat(cfg.path("num_transformer_submodules").asInt()).isEqualTo(1);
    assertThat(cfg.path("prefix_projection").asBoolean(true)).isFalse();
    assertThat(cfg.path("base_model_name_or_path").asText()).isEqualTo(base.toAbsolutePath().toString());
    Path weights = out.resolve("adapter_model.safetensors");
    SafeTensors.Header h = SafeTensors.header(weights);
    assertThat(h.entries().keySet()).containsExactly("prompt_embeddings");
    assertThat(h.entries().get("prompt_embeddings").shape()).containsExactly(p, 2 * 2 * 16);

    // row layout: per virtual token [layer0 key, layer0 value, layer1 key, layer1 value], each [kv heads, head dim]
    float[] emb = SafeTensors.read(weights).get("prompt_embeddings").data();
    int row = 2 * 2 * 16;
    for (int l = 0; l < 2; l++) {
      for (int kv = 0; kv < 2; kv++) {
        float[] src = prefix.get(PrefixAdapter.name(l, kv == 0 ? "key" : "value")).data();
        for (int t = 0; t < p; t++) {
          for (int head = 0; head < 2; head++) {
            for (int j = 0; j < 8; j++) {
              assertThat(emb[t * row + (l * 2 + kv) * 16 + head * 8 + j]).isEqualTo(src[(t * 2 + head) * 8 + j]);
            }
          }
        }
      }
    }

    try (NDManager root = NDManager.newBaseManager(); LlamaModel m = LlamaModel.create(root, loaded.config(), loaded.weights())) {
      Adapter back = Adapters.load(root, c, out);
      assertThat(back).isInstanceOf(PrefixAdapter.class);
      m.setAdapter(back);
      assertThat(logits(m)).containsExactly(before);
    }

    // generate --adapter DIR reads it
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(TrainerMain.run(new String[] {"generate", "--model", base.toString(), "--adapter", out.toString(), "--prompt", "hi",
          "generate.max-new-tokens=3"})).isZero();
    } finally {
      System.setOut(saved);
    }
    assertThat(buf.toString(StandardCharsets.UTF_8)).isNotBlank();
  }

  @Test
  void anAdapterForAnotherShapeIsRefusedWithTheField() throws Exception {
    ModelConfig c = TinyConfigs.llamaGqa(262);
    Path out = dir.resolve("a");
    Map<String, Tensor> prefix = new java.util.LinkedHashMap<>();
    for (int l = 0; l < 2; l++) {
      prefix.put(PrefixAdapter.name(l, "key"), new Tensor(new long[] {2, 2, 8}, new float[32]));
      prefix.put(PrefixAdapter.name(l, "value"), new Tensor(new long[] {2, 2, 8}, new float[32]));
    }
    PeftPrefixDir.write(out, c, prefix, "m");
    assertThat(PeftPrefixDir.read(out, c)).containsOnlyKeys(prefix.keySet());
    ModelConfig moreHeads = TinyConfigs.llama(262); // 4 kv heads
    assertThatThrownBy(() -> PeftPrefixDir.read(out, moreHeads)).isInstanceOf(CheckpointException.class)
        .hasMessageContaining("token_dim");
    Files.writeString(out.resolve("adapter_config.json"),
        Files.readString(out.resolve("adapter_config.json")).replace("\"prefix_projection\" : false", "\"prefix_projection\" : true"));
    assertThatThrownBy(() -> PeftPrefixDir.read(out, c)).hasMessageContaining("prefix_projection");
  }
}
