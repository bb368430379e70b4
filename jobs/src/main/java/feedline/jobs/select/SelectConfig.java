package feedline.jobs.select;

import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.common.select.Uncertainty;
import java.util.List;
import java.util.Map;

/** Bound {@code feedline.select} settings. */
record SelectConfig(Uncertainty strategy, int budget, int batchSize, boolean excludePrevious, Diversity diversity,
    String groupColumn, int maxPerGroup, String scorerName, Map<String, String> scorerOptions) {

  /** How picks are spread: not at all, over dedup clusters, or over sources. */
  enum Diversity {
    NONE, CLUSTER, SOURCE
  }

  static SelectConfig from(Settings s) {
    String name = s.string("scorer.name");
    if (name.isBlank()) throw new ConfigError(s.path("scorer.name"), name, "a registered scorer name (char-ngram-logreg) or a factory class name");
    Diversity d = s.enumValue("diversity.mode", Diversity.class);
    String column = s.string("diversity.cluster-column");
    return new SelectConfig(s.enumValue("strategy", Uncertainty.class), s.integer("budget", 1, 10_000_000),
        s.integer("batch-size", 1, 100_000), s.bool("exclude-previous"), d, d == Diversity.SOURCE ? "source" : column,
        s.integer("diversity.max-per-group", 0, 1_000_000), name, s.stringMap("scorer.options"));
  }

  List<String> describe() {
    return List.of(strategy.id(), "budget " + budget, "diversity " + diversity.name().toLowerCase(java.util.Locale.ROOT));
  }
}
