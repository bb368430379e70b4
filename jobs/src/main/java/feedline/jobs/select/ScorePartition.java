package feedline.jobs.select;

import feedline.common.select.Scorers;
import feedline.common.select.Uncertainty;
import feedline.common.select.UncertaintyScorer;
import feedline.jobs.spark.PartitionIterators;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores a partition in batches with the configured scorer, built once per executor JVM and shared
 * by its tasks; appends predicted_label, predicted_prob, the three uncertainties, the chosen one and
 * the distribution as JSON.
 */
final class ScorePartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, UncertaintyScorer> SCORERS = new ConcurrentHashMap<>();
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

  private final String scorerName;
  private final Map<String, String> options;
  private final int textIndex;
  private final int batchSize;
  private final Uncertainty strategy;

  ScorePartition(String scorerName, Map<String, String> options, int textIndex, int batchSize, Uncertainty strategy) {
    this.scorerName = scorerName;
    this.options = new TreeMap<>(options);
    this.textIndex = textIndex;
    this.batchSize = batchSize;
    this.strategy = strategy;
  }

  /** The JVM's scorer for these settings (built on first use). */
  static UncertaintyScorer scorer(String name, Map<String, String> options) {
    return SCORERS.computeIfAbsent(name + "\u0000" + new TreeMap<>(options), k -> Scorers.create(name, options));
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    UncertaintyScorer scorer = scorer(scorerName, options);
    return PartitionIterators.batched(rows, batchSize, batch -> {
      List<String> texts = new ArrayList<>(batch.size());
      batch.forEach(r -> texts.add(r.getString(textIndex)));
      List<double[]> dists = scorer.predict(texts);
      List<Row> out = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) out.add(extend(batch.get(i), dists.get(i), scorer.labels()));
      return out;
    });
  }

  private Row extend(Row r, double[] p, List<String> labels) {
    int best = Uncertainty.argmax(p);
    Map<String, Double> probs = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) probs.put(labels.get(i), p[i]);
    Object[] v = new Object[r.length() + 7];
    for (int i = 0; i < r.length(); i++) v[i] = r.get(i);
    int n = r.length();
    v[n] = labels.get(best);
    v[n + 1] = p[best];
    v[n + 2] = strategy.of(p);
    v[n + 3] = Uncertainty.ENTROPY.of(p);
    v[n + 4] = Uncertainty.LEAST_CONFIDENCE.of(p);
    v[n + 5] = Uncertainty.MARGIN.of(p);
    v[n + 6] = json(probs);
    return RowFactory.create(v);
  }

  private static String json(Map<String, Double> m) {
    try {
      return MAPPER.writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
