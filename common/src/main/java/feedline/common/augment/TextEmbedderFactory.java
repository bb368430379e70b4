package feedline.common.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Builds a {@link TextEmbedder} from string options. Registered for {@link ServiceLoader} under
 * {@code META-INF/services/feedline.common.augment.TextEmbedderFactory} (the trainer jar registers
 * {@code lm}: mean-pooled hidden states of a Llama/Qwen2 checkpoint).
 */
public interface TextEmbedderFactory {
  String name();

  TextEmbedder create(Map<String, String> options);

  /** The registered factory called {@code name}; the error lists those found. */
  static TextEmbedderFactory find(String name) {
    List<String> names = new ArrayList<>();
    for (TextEmbedderFactory f : ServiceLoader.load(TextEmbedderFactory.class, TextEmbedderFactory.class.getClassLoader())) {
      if (f.name().equals(name)) return f;
      names.add(f.name());
    }
    throw new IllegalArgumentException("no text embedder '" + name + "' on the classpath (registered: " + names
        + "); the lm embedder lives in the trainer jar: submit/feedline adds it when an embedding model is configured,"
        + " spark-submit needs it in --jars");
  }
}
