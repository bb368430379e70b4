package feedline.jobs.cluster;

import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import feedline.jobs.stage.StageResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Every table a run committed, as sorted rendered rows, for row-for-row comparison of two runs.
 * What differs between runs by design is left out: {@code run_id}, timestamp columns ({@code *_at})
 * and timing rows of report tables (rows with a string value ending in {@code seconds}, such as
 * dedup's {@code phase_seconds}).
 */
final class LakeTables {
  private LakeTables() {}

  /** Output name (e.g. {@code collect.documents}, {@code collect.drops}) to its sorted rows. */
  static Map<String, List<String>> of(SparkSession spark, Lake lake, String runId) {
    Manifest m = Manifest.load(lake, runId).orElseThrow(() -> new AssertionError("no manifest of run " + runId + " in " + lake.root()));
    Map<String, List<String>> out = new TreeMap<>();
    for (StageResult r : m.stages()) {
      for (Map.Entry<String, String> o : r.outputs().entrySet()) {
        // Parquet files only: build's shard folder also holds its dataset card (json, md)
        out.put(r.stage() + "." + o.getKey(), rows(spark.read().option("pathGlobFilter", "*.parquet").parquet(o.getValue())));
      }
    }
    return out;
  }

  static List<String> rows(Dataset<Row> ds) {
    Column[] keep = Arrays.stream(ds.columns()).filter(c -> !c.equals("run_id") && !c.endsWith("_at"))
        .map(c -> ds.col("`" + c + "`")).toArray(Column[]::new);
    List<String> rows = new ArrayList<>();
    for (Row r : ds.select(keep).collectAsList()) {
      if (!isTiming(r)) rows.add(render(r));
    }
    rows.sort(null);
    return rows;
  }

  private static boolean isTiming(Row r) {
    for (int i = 0; i < r.length(); i++) {
      if (r.get(i) instanceof String && ((String) r.get(i)).endsWith("seconds")) return true;
    }
    return false;
  }

  /** A row as text; binary values as hex (a byte array's own toString is its identity). */
  static String render(Object v) {
    if (v instanceof Row) {
      Row r = (Row) v;
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < r.length(); i++) sb.append(i == 0 ? "" : ",").append(render(r.get(i)));
      return sb.append(']').toString();
    }
    if (v instanceof byte[]) return "0x" + java.util.HexFormat.of().formatHex((byte[]) v);
    if (v instanceof scala.collection.Iterable) {
      StringBuilder sb = new StringBuilder("(");
      scala.collection.Iterator<?> it = ((scala.collection.Iterable<?>) v).iterator();
      boolean first = true;
      while (it.hasNext()) {
        sb.append(first ? "" : ", ").append(render(it.next()));
        first = false;
      }
      return sb.append(')').toString();
    }
    return String.valueOf(v);
  }

  /** The kept rows of the last stage of a run. */
  static List<String> finalRows(SparkSession spark, Lake lake, String runId) {
    List<StageResult> stages = Manifest.load(lake, runId).orElseThrow().stages();
    StageResult last = stages.get(stages.size() - 1);
    String table = last.outputs().keySet().iterator().next();
    return rows(spark.read().parquet(last.outputs().get(table)));
  }
}
