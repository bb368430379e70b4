package feedline.jobs.clean;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The clean report, from one aggregation over the cleaned rows: for each drop rule, quarantine
 * reason, normalization/correction step and language, the documents concerned, the changes made
 * (steps) and a few example doc_ids (never text). Examples are the documents with the smallest
 * hash under a few seeds, so they are spread over the data and the same on every re-run.
 */
final class CleanReport {
  static final String DROP = "drop_rule";
  static final String QUARANTINE = "quarantine";
  static final String EDIT = "edit_step";
  static final String LANG_KEPT = "lang_kept";
  static final String LANG_ALL = "lang_all";
  static final String SCRIPT = "script_mean_share_kept";

  static final StructType SCHEMA = new StructType()
      .add("section", DataTypes.StringType, false)
      .add("key", DataTypes.StringType, false)
      .add("docs", DataTypes.LongType, false)
      .add("changes", DataTypes.LongType, true)
      .add("mean_share", DataTypes.DoubleType, true)
      .add("example_ids", DataTypes.createArrayType(DataTypes.StringType), true);

  /** One report line. */
  record Entry(String section, String key, long docs, Long changes, Double meanShare, List<String> examples) {}

  private final List<Entry> rows;

  private CleanReport(List<Entry> rows) {
    this.rows = rows;
  }

  static CleanReport of(Dataset<Row> cleaned, int examples) {
    Column id = col("doc_id").cast(DataTypes.StringType);
    Column kind = col(CleanColumns.KIND);
    Column lang = coalesce(col(CleanColumns.LANG), lit("(none)"));
    Dataset<Row> events = cleaned.filter(kind.equalTo(CleanColumns.DROPPED))
        .select(lit(DROP).as("section"), col(CleanColumns.REASON).as("key"), id.as("doc_id"), lit(1L).as("n"))
        .unionByName(cleaned.filter(kind.equalTo(CleanColumns.QUARANTINED))
            .select(lit(QUARANTINE).as("section"), col(CleanColumns.REASON).as("key"), id.as("doc_id"), lit(1L).as("n")))
        .unionByName(cleaned.select(id.as("doc_id"), explode(col(CleanColumns.EDITS)).as(new String[] {"key", "v"}))
            .select(lit(EDIT).as("section"), col("key"), col("doc_id"), col("v").cast(DataTypes.LongType).as("n")))
        .unionByName(cleaned.filter(kind.equalTo(CleanColumns.KEPT))
            .select(lit(LANG_KEPT).as("section"), lang.as("key"), id.as("doc_id"), lit(1L).as("n")))
        .unionByName(cleaned.select(lit(LANG_ALL).as("section"), lang.as("key"), id.as("doc_id"), lit(1L).as("n")));
    List<Column> picks = new ArrayList<>();
    for (int i = 0; i < examples; i++) picks.add(min_by(col("doc_id"), xxhash64(col("doc_id"), lit(i))));
    Column ex = examples == 0 ? lit(null).cast(DataTypes.createArrayType(DataTypes.StringType))
        : array_sort(array_distinct(filter(array(picks.toArray(new Column[0])), Column::isNotNull)));
    List<Entry> out = new ArrayList<>();
    for (Row r : events.groupBy(col("section"), col("key")).agg(count(lit(1)).as("docs"), sum(col("n")).as("changes"), ex.as("ex"))
        .orderBy(col("section"), col("docs").desc(), col("key")).collectAsList()) {
      String section = r.getString(0);
      Long changes = section.equals(EDIT) ? r.getLong(3) : null;
      out.add(new Entry(section, r.getString(1), r.getLong(2), changes, null, r.isNullAt(4) ? null : List.copyOf(r.<String>getList(4))));
    }
    for (Row r : cleaned.filter(kind.equalTo(CleanColumns.KEPT))
        .select(explode(col(CleanColumns.SCRIPTS)).as(new String[] {"key", "share"}))
        .groupBy(col("key")).agg(count(lit(1)).as("docs"), avg(col("share")).as("mean"))
        .orderBy(col("docs").desc(), col("key")).collectAsList()) {
      out.add(new Entry(SCRIPT, r.getString(0), r.getLong(1), null, Math.round(r.getDouble(2) * 10000.0) / 10000.0, null));
    }
    return new CleanReport(out);
  }

  Dataset<Row> table(SparkSession spark) {
    List<Row> jrows = new ArrayList<>();
    for (Entry e : rows) {
      jrows.add(RowFactory.create(e.section(), e.key(), e.docs(), e.changes(), e.meanShare(),
          e.examples() == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(e.examples()).toSeq()));
    }
    return spark.createDataFrame(jrows, SCHEMA).coalesce(1);
  }

  /** Report numbers for the stage result and manifest: section to key to {docs, changes, examples}. */
  List<Entry> entries() {
    return rows;
  }

  Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    for (Entry e : rows) {
      @SuppressWarnings("unchecked")
      Map<String, Object> section = (Map<String, Object>) d.computeIfAbsent(e.section(), k -> new TreeMap<String, Object>());
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("docs", e.docs());
      if (e.changes() != null) v.put("changes", e.changes());
      if (e.meanShare() != null) v.put("mean_share", e.meanShare());
      if (e.examples() != null) v.put("example_ids", e.examples());
      section.put(e.key(), v);
    }
    return d;
  }
}
