package feedline.jobs.build;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import feedline.common.sft.DatasetCard;
import feedline.common.sft.LengthHistogram;
import feedline.common.sft.SftReasons;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Figures of one build over its (persisted) per-row results, for the report and the dataset card. */
record BuildReport(
    long inputRows,
    long keptInputs,
    Map<String, Long> shapes,
    Map<String, Long> dropped,
    Map<String, Long> quarantined,
    Map<String, Long> fixes,
    long truncated,
    long splitInputs,
    long piecesFromSplits,
    long unknownTokens,
    Map<String, long[]> examplesAndGroupsPerSplit,
    LengthHistogram lengths) {

  static BuildReport of(Dataset<Row> result, Dataset<Row> pieces, BuildSettings bs) {
    long in = 0;
    long kept = 0;
    long truncated = 0;
    long splitInputs = 0;
    long piecesFromSplits = 0;
    long unknown = 0;
    Map<String, Long> dropped = new TreeMap<>();
    Map<String, Long> quarantined = new TreeMap<>();
    Map<String, Long> shapes = new TreeMap<>();
    // one pass: outcome, reason and shape with the truncation figures
    for (Row r : result.groupBy(col(BuildColumns.KIND), col(BuildColumns.REASON), col(BuildColumns.SHAPE)).agg(count("*"),
        sum(when(col(BuildColumns.TRUNCATED), 1).otherwise(0)), sum(when(col(BuildColumns.WAS_SPLIT), 1).otherwise(0)),
        sum(when(col(BuildColumns.WAS_SPLIT), size(col(BuildColumns.PIECES))).otherwise(0)), sum(col(BuildColumns.UNKNOWN)))
        .collectAsList()) {
      long n = r.getLong(3);
      in += n;
      String kind = r.getString(0);
      if (kind.equals(BuildColumns.KEPT)) {
        kept += n;
        shapes.merge(r.getString(2), n, Long::sum);
        truncated += val(r, 4);
        splitInputs += val(r, 5);
        piecesFromSplits += val(r, 6);
        unknown += val(r, 7);
      } else if (kind.equals(BuildColumns.DROPPED)) {
        dropped.merge(r.getString(1), n, Long::sum);
      } else {
        quarantined.merge(r.getString(1), n, Long::sum);
      }
    }
    Map<String, Long> fixes = new TreeMap<>();
    for (Row r : result.filter(col(BuildColumns.KIND).equalTo(BuildColumns.KEPT)).select(explode(col(BuildColumns.FIXES)).as("f"))
        .groupBy("f").count().collectAsList()) {
      fixes.put(r.getString(0), r.getLong(1));
    }
    Map<String, long[]> perSplit = new TreeMap<>();
    for (Row r : pieces.groupBy(col("split")).agg(count("*"), countDistinct(col("group_id"))).collectAsList()) {
      perSplit.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    Map<Integer, Long> byLength = new TreeMap<>();
    for (Row r : pieces.groupBy(size(col("input_ids"))).count().collectAsList()) byLength.put(r.getInt(0), r.getLong(1));
    return new BuildReport(in, kept, shapes, dropped, quarantined, fixes, truncated, splitInputs, piecesFromSplits, unknown,
        perSplit, LengthHistogram.of(byLength));
  }

  private static long val(Row r, int i) {
    return r == null || r.isNullAt(i) ? 0 : r.getLong(i);
  }

  long droppedTooLong() {
    return dropped.getOrDefault(SftReasons.TOO_LONG_TOKENS, 0L) + dropped.getOrDefault(SftReasons.TOO_LONG_CHARS, 0L);
  }

  DatasetCard.Counts counts() {
    return new DatasetCard.Counts(inputRows, keptInputs, shapes, dropped, quarantined, fixes);
  }

  /** Numbers for the stage report (manifest), JSON-serializable. */
  Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("kept_inputs", keptInputs);
    d.put("shapes", shapes);
    d.put("fixes", fixes);
    d.put("truncated", truncated);
    d.put("split_inputs", splitInputs);
    d.put("pieces_from_splits", piecesFromSplits);
    d.put("unknown_tokens", unknownTokens);
    Map<String, Long> examples = new LinkedHashMap<>();
    examplesAndGroupsPerSplit.forEach((k, v) -> examples.put(k, v[0]));
    d.put("examples_per_split", examples);
    d.put("example_tokens_p50", lengths.p50());
    d.put("example_tokens_p95", lengths.p95());
    d.put("example_tokens_max", lengths.max());
    // examples per token-length bucket [lo, hi), for the run report's histogram
    Map<String, Long> histogram = new LinkedHashMap<>();
    for (LengthHistogram.Bucket b : lengths.buckets()) histogram.put(b.lo() + "-" + (b.hi() - 1), b.count());
    d.put("example_tokens_histogram", histogram);
    return d;
  }
}
