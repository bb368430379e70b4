package feedline.trainer.lm;

import feedline.common.augment.TextEmbedder;
import feedline.common.augment.TextEmbedderFactory;
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
    for (String k : o.keySet()) {
      if (!KEYS.contains(k)) throw new IllegalArgumentException(NAME + " embedder: unknown option '" + k + "'; allowed: " + KEYS.stream().sorted().toList());
    }
    String device = o.getOrDefault("device", "cpu").strip();
    if (!List.of("cpu", "gpu", "auto").contains(device)) throw new IllegalArgumentException(what + "device = '" + device + "': allowed cpu, gpu, auto");
    LmRuntime rt = LmRuntimes.get(o.get("model-dir"), o.get("adapter-dir"), device, what + "model-dir");
    return new LmEmbedder(rt, integer(o, what, "max-length", 512), integer(o, what, "batch-size", 16));
  }

  private static int integer(Map<String, String> o, String what, String k, int def) {
    String v = o.get(k);
    if (v == null || v.isBlank()) return def;
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 1 && n <= 1 << 20) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(what + k + " = '" + v + "': a positive integer");
  }
}
