package feedline.common.augment.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Builds a {@link Translator} engine that lives outside {@code common} (for example the trainer's
 * {@code local-model} engine, which needs DJL). Registered for {@link ServiceLoader} under
 * {@code META-INF/services/feedline.common.augment.translate.TranslatorFactory}; the augment stage
 * looks engines up by {@link #engine()} when its jar is on the classpath.
 */
public interface TranslatorFactory {
  /** The engine name config uses, e.g. {@code local-model}. */
  String engine();

  Translator create(Map<String, String> options);

  /** The registered factory for {@code engine}; the error lists the engines found and what to add to the classpath. */
  static TranslatorFactory find(String engine) {
    List<String> names = new ArrayList<>();
    for (TranslatorFactory f : ServiceLoader.load(TranslatorFactory.class, TranslatorFactory.class.getClassLoader())) {
      if (f.engine().equals(engine)) return f;
      names.add(f.engine());
    }
    throw new IllegalArgumentException("no translator engine '" + engine + "' on the classpath (registered: " + names
        + "); the local-model engine lives in the trainer jar: submit/feedline adds it when engine = local-model,"
        + " spark-submit needs it in --jars");
  }
}
