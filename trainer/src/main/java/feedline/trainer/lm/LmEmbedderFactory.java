package feedline.trainer.lm;

import feedline.common.augment.TextEmbedder;
import feedline.common.augment.TextEmbedderFactory;
import feedline.common.config.OptionReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lm}: embeddings as mean-pooled last hidden states of a Hugging Face Llama/Qwen2 checkpoint
 * (any such model, or an embedding model of that architecture), loaded once per JVM. Options:
 * {@code model-dir} (required), {@code adapter-dir}, {@code device} (cpu), {@code max-length} (512
 * tokens per text), {@code batch-size} (16 texts per forward pass).
 */
public final class LmEmbedderFactory implements TextEmbedderFactory {
  public static final String NAME = "lm";
  static final Set<String> KEYS = Set.of("model-dir", "adapter-dir", "device", "max-length", "batch-size");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TextEmbedder create(Map<String, String> o) {
    String what = NAME + " embedder option ";
    OptionReader r = new OptionReader(o, what).onlyKeys(KEYS, Set.of());
    String device = r.oneOf("device", "cpu", List.of("cpu", "gpu", "auto"));
    LmRuntime rt = LmRuntimes.get(o.get("model-dir"), o.get("adapter-dir"), device, what + "model-dir");
    return new LmEmbedder(rt, r.integer("max-length", 512, 1, 1 << 20), r.integer("batch-size", 16, 1, 1 << 20));
  }
}
