package feedline.trainer.model;

import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.trainer.io.ByteLevelTokenizerFiles;
import feedline.trainer.io.DType;
import feedline.trainer.io.HfCheckpoint;
import java.nio.file.Path;
import java.util.List;

/** Writes a random checkpoint in Hugging Face layout, with a small byte-level tokenizer. */
public final class InitModel {
  private InitModel() {}

  /** The shape asked for under {@code feedline.trainer.init}. */
  public static ModelConfig configFrom(Settings s) {
    ModelConfig.Family family = s.enumValue("family", ModelConfig.Family.class);
    int vocab = s.integer("vocab-size", ByteLevelTokenizerFiles.VOCAB_SIZE, 1 << 20);
    int hidden = s.integer("hidden-size", 8, 1 << 16);
    int heads = s.integer("heads", 1, 1024);
    int kv = s.integer("kv-heads", 0, 1024);
    if (kv == 0) kv = heads;
    if (heads % kv != 0) throw new ConfigError(s.path("kv-heads"), kv, "a divisor of " + s.path("heads") + " = " + heads + " (0 = same)");
    if (hidden % heads != 0 || (hidden / heads) % 2 != 0) {
      throw new ConfigError(s.path("hidden-size"), hidden, "a multiple of heads (" + heads + ") giving an even head size");
    }
    String scalingType = s.oneOf("rope-scaling.type", List.of("none", "linear", "dynamic"));
    RopeScaling scaling = scalingType.equals("none") ? RopeScaling.NONE
        : new RopeScaling(RopeScaling.Kind.valueOf(scalingType.toUpperCase(java.util.Locale.ROOT)), s.number("rope-scaling.factor", 1.0, 1e6));
    boolean qkvBias = family == ModelConfig.Family.QWEN2 || s.bool("attention-bias");
    boolean oBias = family == ModelConfig.Family.LLAMA && s.bool("attention-bias");
    return new ModelConfig(family, vocab, hidden, s.integer("intermediate-size", 8, 1 << 18), s.integer("layers", 1, 1024),
        heads, kv, hidden / heads, s.number("rms-norm-eps", 1e-12, 1e-2), s.number("rope-theta", 1, 1e9), scaling,
        s.integer("max-positions", 16, 1 << 22), s.bool("tie-embeddings"), qkvBias, oBias,
        ByteLevelTokenizerFiles.BOS, ByteLevelTokenizerFiles.EOS);
  }

  public static void write(Path dir, ModelConfig config, long seed, double std, DType dtype, long shardBytes) {
    HfCheckpoint.save(dir, config.toJson(), RandomInit.weights(config, seed, std), dtype, shardBytes, null);
    ByteLevelTokenizerFiles.write(dir);
  }
}
