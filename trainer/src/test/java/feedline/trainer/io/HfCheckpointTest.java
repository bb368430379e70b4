package feedline.trainer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feedline.trainer.cli.TrainerMain;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.model.RandomInit;
import feedline.trainer.model.TinyConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfCheckpointTest {
  @TempDir Path dir;

  @Test
  void initModelWritesALoadableCheckpointWithATokenizer() throws Exception {
    Path out = dir.resolve("tiny");
    int code = TrainerMain.run(new String[] {"init-model", "--output", out.toString(), "init.family=qwen2",
        "init.hidden-size=32", "init.heads=4", "init.kv-heads=2", "init.tie-embeddings=true"});
    assertThat(code).isZero();
    assertThat(out.resolve("config.json")).exists();
    assertThat(out.resolve("model.safetensors")).exists();
    HfCheckpoint.Loaded loaded = HfCheckpoint.load(out);
    assertThat(loaded.config().family()).isEqualTo(ModelConfig.Family.QWEN2);
    assertThat(loaded.config().qkvBias()).isTrue();
    assertThat(loaded.config().tieWordEmbeddings()).isTrue();
    assertThat(loaded.config().numKvHeads()).isEqualTo(2);
    assertThat(loaded.weights()).containsKey("model.layers.1.self_attn.k_proj.bias").doesNotContainKey("lm_head.weight");

    try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(out.resolve("tokenizer.json"))) {
      Encoding e = tok.encode("héllo wörld <|user|>", false, false);
      for (long id : e.getIds()) assertThat(id).isBetween(0L, (long) loaded.config().vocabSize() - 1);
      assertThat(e.getIds()).contains(ByteLevelTokenizerFiles.VOCAB_SIZE - 2L);
      assertThat(tok.decode(e.getIds(), false)).isEqualTo("héllo wörld <|user|>");
    }
  }

  @Test
  void savedCheckpointsLoadBackIdenticallyAlsoWhenSharded() throws Exception {
    ModelConfig c = TinyConfigs.llamaGqa(70);
    Map<String, Tensor> w = RandomInit.weights(c, 5, 0.1);
    HfCheckpoint.save(dir.resolve("one"), c.toJson(), w, DType.F32, 0, null);
    HfCheckpoint.save(dir.resolve("sharded"), c.toJson(), w, DType.F32, 20_000, null);
    assertThat(dir.resolve("sharded/model.safetensors.index.json")).exists();
    assertThat(dir.resolve("sharded/model.safetensors")).doesNotExist();
    try (Stream<Path> files = Files.list(dir.resolve("sharded"))) {
      assertThat(files.filter(p -> p.getFileName().toString().matches("model-\\d{5}-of-\\d{5}\\.safetensors")).count()).isGreaterThan(2);
    }
    for (String d : new String[] {"one", "sharded"}) {
      HfCheckpoint.Loaded back = HfCheckpoint.load(dir.resolve(d));
      assertThat(back.config()).isEqualTo(c);
      assertThat(back.weights().keySet()).containsExactlyElementsOf(w.keySet());
      w.forEach((k, v) -> assertThat(back.weights().get(k).data()).as(k).containsExactly(v.data()));
    }
    HfCheckpoint.save(dir.resolve("bf16"), c.toJson(), w, DType.BF16, 0, null);
    float orig = w.get("model.norm.weight").data()[0];
    float q = w.get("model.layers.0.mlp.up_proj.weight").data()[3];
    HfCheckpoint.Loaded bf = HfCheckpoint.load(dir.resolve("bf16"));
    assertThat(bf.weights().get("model.norm.weight").data()[0]).isEqualTo(orig);
    assertThat(bf.weights().get("model.layers.0.mlp.up_proj.weight").data()[3])
        .isEqualTo(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(q)));
  }

  @Test
  void missingTensorsWrongShapesAndUnknownArchitecturesAreNamed() throws Exception {
    ModelConfig c = TinyConfigs.llama(70);
    Map<String, Tensor> w = new LinkedHashMap<>(RandomInit.weights(c, 5, 0.1));
    w.remove("model.layers.1.mlp.down_proj.weight");
    HfCheckpoint.save(dir.resolve("missing"), c.toJson(), w, DType.F32, 0, null);
    assertThatThrownBy(() -> HfCheckpoint.load(dir.resolve("missing")))
        .isInstanceOf(CheckpointException.class).hasMessageContaining("missing tensor model.layers.1.mlp.down_proj.weight");

    ObjectNode cfg = c.toJson();
    cfg.put("intermediate_size", 65);
    HfCheckpoint.save(dir.resolve("shape"), cfg, RandomInit.weights(c, 5, 0.1), DType.F32, 0, null);
    assertThatThrownBy(() -> HfCheckpoint.load(dir.resolve("shape"))).hasMessageContaining("has shape [64, 32], config.json implies [65, 32]");

    ObjectNode mistral = c.toJson();
    mistral.putArray("architectures").add("MistralForCausalLM");
    mistral.put("model_type", "mistral");
    Files.createDirectories(dir.resolve("mistral"));
    new ObjectMapper().writeValue(dir.resolve("mistral/config.json").toFile(), mistral);
    assertThatThrownBy(() -> HfCheckpoint.load(dir.resolve("mistral")))
        .hasMessageContaining("unsupported architecture MistralForCausalLM").hasMessageContaining("Qwen2ForCausalLM");

    ObjectNode yarn = c.toJson();
    yarn.putObject("rope_scaling").put("type", "yarn").put("factor", 4);
    assertThatThrownBy(() -> ModelConfig.parse(yarn, "config.json")).hasMessageContaining("rope_scaling type yarn is not supported");
  }

  @Test
  void badInitKeysNameTheKeyAndTheAllowedValues() {
    assertThatThrownBy(() -> TrainerMain.run(new String[] {"init-model", "--output", dir.toString(), "init.family=gpt2"}))
        .hasMessageContaining("feedline.trainer.init.family").hasMessageContaining("[llama, qwen2]");
    assertThatThrownBy(() -> TrainerMain.run(new String[] {"init-model", "--output", dir.toString(), "init.heads=3", "init.kv-heads=2"}))
        .hasMessageContaining("feedline.trainer.init.kv-heads");
    assertThatThrownBy(() -> TrainerMain.run(new String[] {"init-model", "init.layerz=3"}))
        .hasMessageContaining("feedline.trainer.init.layerz").hasMessageContaining("unknown key");
  }
}
