package feedline.common.select;

import java.util.List;

/**
 * A model that gives each text a probability distribution over a label set, in batches. The select
 * stage builds one per executor JVM (through an {@link UncertaintyScorerFactory}) and feeds it the
 * pool partition by partition; uncertainty is computed from the distributions by {@link Uncertainty}.
 *
 * <p>Implementations: {@link CharNgramLogisticRegression} (pure Java, trained from labeled rows). A
 * language-model scorer (DJL, in the trainer module) plugs in the same way: its factory scores each
 * label's likelihood under the model, or returns the per-token distributions' summary, and is named
 * by class in {@code feedline.select.scorer.name}.
 */
public interface UncertaintyScorer extends AutoCloseable {
  /** The label set, in the order of every distribution's entries. */
  List<String> labels();

  /** One distribution per text (entries sum to 1, in {@link #labels()} order). */
  List<double[]> predict(List<String> texts);

  @Override
  default void close() {}
}
