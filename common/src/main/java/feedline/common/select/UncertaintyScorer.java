package feedline.common.select;

import java.util.List;

/**
 * A model that gives each text a probability distribution over a label set, in batches. The select
 * stage builds one per executor JVM (through an {@link UncertaintyScorerFactory}) and feeds it the
 * pool partition by partition; uncertainty is computed from the distributions by {@link Uncertainty}.
 *
 * <p>Implementations: {@link CharNgramLogisticRegression} (pure Java, trained from labeled rows), and
 * the trainer module's {@code lm} scorer (DJL), which scores each label's likelihood as the
 * continuation of a prompt under a language model; it is found through ServiceLoader when the
 * trainer jar is on the classpath.
 */
public interface UncertaintyScorer extends AutoCloseable {
  /** The label set, in the order of every distribution's entries. */
  List<String> labels();

  /** One distribution per text (entries sum to 1, in {@link #labels()} order). */
  List<double[]> predict(List<String> texts);

  @Override
  default void close() {}
}
