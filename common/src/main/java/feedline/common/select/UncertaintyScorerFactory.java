package feedline.common.select;

import java.util.Map;

/**
 * Builds an {@link UncertaintyScorer} from string options. Registered for {@link java.util.ServiceLoader}
 * under {@code META-INF/services/feedline.common.select.UncertaintyScorerFactory}, or named by its
 * class (a public no-argument constructor) in config.
 */
public interface UncertaintyScorerFactory {
  /** The short name config uses, e.g. {@code char-ngram-logreg}. */
  String name();

  UncertaintyScorer create(Map<String, String> options);

  /**
   * Checks the options cheaply where the job starts, before any task (no model is loaded or
   * trained): throws {@link IllegalArgumentException} naming the option. The default checks nothing.
   */
  default void check(Map<String, String> options) {}
}
