package feedline.jobs.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import feedline.common.config.ConfigError;
import feedline.common.model.Reasons;
import feedline.jobs.lake.Lake;
import feedline.jobs.stage.Drops;
import feedline.jobs.stage.Quarantine;
import feedline.jobs.stage.Stage;
import feedline.jobs.stage.StageContext;
import feedline.jobs.stage.StageOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * dedup: exact duplicates (hash of the normalized text), then near duplicates among the exact
 * survivors (MinHash + LSH banding, candidate pairs verified, connected components in Spark), then
 * one survivor per cluster by the configured policy. With a lake, new documents are also compared
 * with every document kept by earlier runs through the signature index, which this run extends with
 * the documents it keeps.
 */
public final class DedupStage implements Stage {
  public static final String NAME = "dedup";
  public static final String CLUSTERS = "dedup_clusters";
  public static final String REPORT = "dedup_report";
  public static final String PAIRS = "dedup_pairs";

  static final String K = "_k";
  private static final String REASON = "_reason";
  private static final String DETAIL = "_detail";
  private static final String SURVIVOR = "_survivor";
  private static final String CLUSTER = "_cluster";

  /** Rows of the report table: a section (counts, phase_seconds, cluster_sizes, dup_rate ...), a key, a value. */
  public static final StructType REPORT_SCHEMA = new StructType()
      .add("section", DataTypes.StringType, false)
      .add("key", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType, false);

  /** Columns of an index entry. */
  public static final StructType INDEX_SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("exact", DataTypes.StringType, true)
      .add("sig", DataTypes.BinaryType, true)
      .add("shingles", DataTypes.BinaryType, false)
      .add("params", DataTypes.StringType, false)
      .add("run_id", DataTypes.StringType, false);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String inputTable() {
    return "documents_clean";
  }

  @Override
  public String outputTable() {
    return "documents_dedup";
  }

  @Override
  public Map<String, String> cliOutputs() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("clusters", CLUSTERS);
    m.put("report", REPORT);
    m.put("pairs", PAIRS);
    return m;
  }

  @Override
  public StageOutput run(StageContext ctx, Dataset<Row> input) {
    DedupConfig cfg = DedupConfig.from(ctx.settings(NAME));
    Phases phases = new Phases();
    List<String> cols = Arrays.asList(input.columns());
    if (cols.contains(K)) throw new IllegalArgumentException("input column " + K + " is reserved by dedup");

    Dataset<Row> keyed = ctx.persist(input.withColumn(K, monotonically_increasing_id()));
    Column docId = col("doc_id").cast(DataTypes.StringType);
    Column text = col("text").cast(DataTypes.StringType);

    // bad input: no id or no text -> quarantine
    Column payload = org.apache.spark.sql.functions.substring(
        to_json(struct(cols.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new))), 1, Quarantine.MAX_PAYLOAD_CHARS);
    Column noId = docId.isNull();
    Column noText = docId.isNotNull().and(text.isNull());
    Dataset<Row> quarantine = keyed.filter(noId.or(noText)).select(
        lit(NAME).as("stage"), (cols.contains("source_uri") ? col("source_uri").cast(DataTypes.StringType) : lit(null).cast(DataTypes.StringType)).as("source_uri"),
        docId.as("doc_id"), lit(null).cast(DataTypes.StringType).as("record_key"),
        when(noId, lit(Reasons.BAD_RECORD)).otherwise(lit(Reasons.NO_TEXT)).as("reason"),
        when(noId, lit("doc_id is missing")).otherwise(lit("text is missing or not text")).as("detail"),
        payload.as("payload"), lit(ctx.runId()).as("run_id"));

    Dataset<Row> valid = keyed.filter(docId.isNotNull().and(text.isNotNull())).select(
        col(K), docId.as("doc_id"), text.as("text"),
        (cols.contains("source") ? col("source").cast(DataTypes.StringType) : lit(null).cast(DataTypes.StringType)).as("source"),
        epochMillis(input, cfg.timeColumn()).as("_time"), score(input, cfg.qualityColumn()).as("_quality"));
    Dataset<Row> prep = ctx.persist(valid.mapPartitions(new DedupPrepare(cfg), Encoders.row(DedupPrepare.SCHEMA)));
    long validRows = prep.count();
    phases.mark("prepare");

    // the signature index of earlier runs
    Dataset<Row> index = readIndex(ctx, cfg);

    // exact: one survivor per normalized-text hash (or the index's document when it has the hash)
    Dataset<Row> groups = prep.groupBy(col("exact")).agg(min(col("rank")).as("best"));
    Dataset<Row> exactInfo = prep.select(col(K), col("doc_id"), col("source"), col("exact")).join(groups, "exact")
        .select(col(K), col("doc_id"), col("source"), col("exact"), col("best.k").as("rep_k"), col("best.d").as("rep_doc"));
    if (index != null && cfg.exact()) {
      Dataset<Row> oldExact = index.filter(col("exact").isNotNull()).groupBy(col("exact")).agg(min(col("doc_id")).as("old_doc"));
      exactInfo = exactInfo.join(oldExact, exactInfo.col("exact").equalTo(oldExact.col("exact")), "left")
          .drop(oldExact.col("exact"));
    } else {
      exactInfo = exactInfo.withColumn("old_doc", lit(null).cast(DataTypes.StringType));
    }
    exactInfo = ctx.persist(exactInfo);
    exactInfo.count();
    phases.mark("exact");

    Map<String, Object> near = new LinkedHashMap<>();
    Map<String, Dataset<Row>> pairTables = new LinkedHashMap<>();
    Dataset<Row> nodeFinal = null;
    if (cfg.near()) {
      nodeFinal = nearDuplicates(ctx, cfg, prep, exactInfo, index, phases, near, pairTables);
    }

    // decisions: kept, exact duplicate (of this run or of the index), near duplicate
    Dataset<Row> d = nodeFinal == null ? exactInfo.withColumn("final_k", col("rep_k")).withColumn("final_doc", col("rep_doc"))
        : exactInfo.join(nodeFinal, exactInfo.col("rep_k").equalTo(nodeFinal.col("node")), "left")
            .withColumn("final_k", coalesce(col("node_final_k"), col("rep_k")))
            .withColumn("final_doc", coalesce(col("node_final_doc"), col("rep_doc")));
    Column fromIndex = col("old_doc").isNotNull();
    Column kept = functions.not(fromIndex).and(col(K).equalTo(col("final_k")));
    Column nearDup = functions.not(fromIndex).and(col(K).equalTo(col("rep_k"))).and(functions.not(kept));
    Dataset<Row> decisions = ctx.persist(d.select(col(K), col("doc_id"), col("source"),
        when(kept, lit(null).cast(DataTypes.StringType))
            .when(nearDup, lit(Reasons.NEAR_DUPLICATE)).otherwise(lit(Reasons.EXACT_DUPLICATE)).as(REASON),
        when(kept, lit(null).cast(DataTypes.StringType))
            .when(fromIndex, concat(lit("same normalized text as "), col("old_doc"), lit(", kept by an earlier run")))
            .when(nearDup, concat(lit("Jaccard >= " + cfg.threshold() + " with the cluster kept as "), col("final_doc"),
                when(col("final_k").lt(0), lit(", kept by an earlier run")).otherwise(lit(""))))
            .otherwise(concat(lit("same normalized text as "), col("rep_doc"))).as(DETAIL),
        when(kept, lit(null).cast(DataTypes.StringType)).otherwise(coalesce(col("old_doc"), col("final_doc"))).as(SURVIVOR),
        coalesce(col("old_doc"), col("final_doc")).as(CLUSTER),
        when(fromIndex, lit(true)).otherwise(col("final_k").lt(0)).as("_vs_index")));
    Map<String, Long> statuses = new TreeMap<>();
    long fromIndexCount = 0;
    for (Row r : decisions.groupBy(col(REASON), col("_vs_index")).count().collectAsList()) {
      String reason = r.isNullAt(0) ? "kept" : r.getString(0);
      statuses.merge(reason, r.getLong(2), Long::sum);
      if (!r.isNullAt(0) && r.getBoolean(1)) fromIndexCount += r.getLong(2);
    }
    phases.mark("survivors");

    // outputs
    Dataset<Row> joined = keyed.join(decisions.select(col(K), col(REASON), col(DETAIL), col(SURVIVOR)), K);
    Dataset<Row> keptRows = joined.filter(col(REASON).isNull()).drop(K, REASON, DETAIL, SURVIVOR);
    Dataset<Row> dropped = Drops.of(joined.filter(col(REASON).isNotNull()), col(REASON), col(DETAIL), col(SURVIVOR))
        .drop(K, REASON, DETAIL, SURVIVOR);
    Dataset<Row> clusters = decisions.select(col("doc_id"), col(CLUSTER).as("cluster_id"), col(REASON).isNull().as("survivor"));

    Map<String, Object> details = report(cfg, prep, decisions, phases, near, statuses, fromIndexCount, validRows);
    Map<String, Dataset<Row>> extras = new LinkedHashMap<>();
    extras.put(CLUSTERS, clusters);
    extras.put(REPORT, reportTable(ctx, details));
    extras.putAll(pairTables);
    if (cfg.index() && ctx.lake() != null) {
      Dataset<Row> keptKeys = decisions.filter(col(REASON).isNull()).select(col(K).as("_kept"));
      extras.put(cfg.indexTable(), prep.join(keptKeys, col(K).equalTo(col("_kept")), "left_semi").select(
          col("doc_id"), cfg.exact() ? col("exact") : lit(null).cast(DataTypes.StringType).as("exact"), col("sig"), col("shingles"),
          lit(cfg.indexParams()).as("params"), lit(ctx.runId()).as("run_id")));
    }
    return new StageOutput(keptRows, dropped, quarantine, extras, -1, details);
  }

  /**
   * Near duplicates among this run's exact survivors (and the index): returns, for every node of a
   * non-trivial component, its component's survivor ({@code node, node_final_k, node_final_doc}).
   */
  private static Dataset<Row> nearDuplicates(StageContext ctx, DedupConfig cfg, Dataset<Row> prep, Dataset<Row> exactInfo,
      Dataset<Row> index, Phases phases, Map<String, Object> near, Map<String, Dataset<Row>> extras) {
    Dataset<Row> reps = exactInfo.filter(col(K).equalTo(col("rep_k")).and(col("old_doc").isNull())).select(col(K).as("_rep"));
    Dataset<Row> nearNew = prep.join(reps, col(K).equalTo(col("_rep")), "left_semi").filter(col("sig").isNotNull())
        .select(col(K), col("sig"), col("shingles"));
    Dataset<Row> nearOld = index == null ? null : index.filter(col("sig").isNotNull()).select(col(K), col("sig"), col("shingles"));
    Dataset<Row> signed = nearOld == null ? nearNew : nearNew.unionByName(nearOld);

    Dataset<Row> bands = signed.select(col(K), col("sig")).flatMap(new BandRows(cfg.lsh()), Encoders.row(BandRows.SCHEMA));
    Dataset<Row> buckets = bands.groupBy(col("band"), col("key")).agg(collect_list(col(K)).as("m")).filter(size(col("m")).gt(1));
    Dataset<Row> pairs = ctx.persist(buckets.select(col("m")).flatMap(new BucketPairs(cfg.bucketWindow()), Encoders.row(BucketPairs.SCHEMA))
        .distinct());
    long candidatePairs = pairs.count();
    phases.mark("candidates");

    Dataset<Row> edges;
    if (cfg.verify() == DedupConfig.Verify.NONE) {
      edges = pairs.select(col("a").as("src"), col("b").as("dst"), lit(null).cast(DataTypes.DoubleType).as("similarity"));
    } else {
      String v = cfg.verify() == DedupConfig.Verify.EXACT ? "shingles" : "sig";
      Dataset<Row> values = signed.select(col(K), col(v).as("v"));
      Dataset<Row> va = values.select(col(K).as("a"), col("v").as("va"));
      Dataset<Row> vb = values.select(col(K).as("b"), col("v").as("vb"));
      edges = pairs.join(va, "a").join(vb, "b").select(col("a"), col("b"), col("va"), col("vb"))
          .map(new PairSimilarity(cfg.verify() == DedupConfig.Verify.EXACT), Encoders.row(PairSimilarity.SCHEMA))
          .filter(col("similarity").geq(cfg.threshold()));
    }
    edges = ctx.persist(edges);
    long verifiedPairs = edges.count();
    phases.mark("verify");

    if (cfg.writePairs()) {
      Dataset<Row> ids = prep.select(col(K), col("doc_id"));
      if (index != null) ids = ids.union(index.select(col(K), col("doc_id")));
      Dataset<Row> ia = ids.select(col(K).as("src"), col("doc_id").as("doc_a"));
      Dataset<Row> ib = ids.select(col(K).as("dst"), col("doc_id").as("doc_b"));
      extras.put(PAIRS, edges.join(ia, "src").join(ib, "dst").select(col("doc_a"), col("doc_b"), col("similarity"),
          col("src").lt(0).or(col("dst").lt(0)).as("with_earlier_run")));
    }
    ConnectedComponents.Result cc = ConnectedComponents.of(edges.select(col("src"), col("dst")), cfg.maxIterations());
    Dataset<Row> assignments = ctx.persist(cc.assignments());
    assignments.count();
    phases.mark("components");

    Dataset<Row> members = assignments.select(col("node"), col("root"))
        .union(assignments.select(col("root").as("node"), col("root")).distinct());
    Dataset<Row> ranks = prep.select(col(K).as("node"), col("rank"));
    if (index != null) {
      ranks = ranks.union(index.select(col(K).as("node"), struct(lit(Double.NEGATIVE_INFINITY).as("p"), lit(0.0).as("q"),
          col("doc_id").as("d"), col(K).as("k")).as("rank")));
    }
    Dataset<Row> best = members.join(ranks, "node").groupBy(col("root")).agg(min(col("rank")).as("best"));
    Dataset<Row> nodeFinal = members.filter(col("node").geq(0)).join(best, "root")
        .select(col("node"), col("best.k").as("node_final_k"), col("best.d").as("node_final_doc"));

    near.put("bands", cfg.lsh().bands());
    near.put("rows", cfg.lsh().rows());
    near.put("bands_rows_derived", cfg.lshDerived());
    near.put("candidate_pairs", candidatePairs);
    near.put("verified_pairs", verifiedPairs);
    near.put("component_rounds", cc.rounds());
    return nodeFinal;
  }

  /** Index entries of every earlier committed run, with negative node ids; null when there are none. */
  private static Dataset<Row> readIndex(StageContext ctx, DedupConfig cfg) {
    Lake lake = ctx.lake();
    if (!cfg.index() || lake == null) return null;
    List<String> runs = new ArrayList<>(lake.committedRuns(cfg.indexTable()));
    runs.remove(ctx.runId());
    if (runs.isEmpty()) return null;
    String[] paths = runs.stream().map(r -> lake.tablePath(cfg.indexTable(), r)).toArray(String[]::new);
    Dataset<Row> index = ctx.spark().read().schema(INDEX_SCHEMA).parquet(paths);
    for (Row r : index.select(col("params")).distinct().collectAsList()) {
      if (!cfg.indexParams().equals(r.getString(0))) {
        throw new ConfigError("feedline.dedup.index.table", cfg.indexTable(),
            "an index built with the current shingle, normalize and MinHash settings; it holds entries made with ["
                + r.getString(0) + "] but this run uses [" + cfg.indexParams() + "]: restore those settings or name a new index table");
      }
    }
    return index.withColumn(K, lit(-1L).minus(xxhash64(col("doc_id")).bitwiseAND(lit(0x3FFFFFFFFFFFFFFFL))));
  }

  private Map<String, Object> report(DedupConfig cfg, Dataset<Row> prep, Dataset<Row> decisions, Phases phases,
      Map<String, Object> near, Map<String, Long> statuses, long fromIndex, long validRows) {
    Map<String, Object> details = new LinkedHashMap<>();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("rows", validRows);
    counts.put("kept", statuses.getOrDefault("kept", 0L));
    counts.put(Reasons.EXACT_DUPLICATE, statuses.getOrDefault(Reasons.EXACT_DUPLICATE, 0L));
    counts.put(Reasons.NEAR_DUPLICATE, statuses.getOrDefault(Reasons.NEAR_DUPLICATE, 0L));
    counts.put("duplicates_of_earlier_runs", fromIndex);
    Map<String, Long> kinds = new TreeMap<>();
    long shortTexts = 0;
    long capped = 0;
    for (Row r : prep.groupBy(col("kind")).agg(count(lit(1)), sum(col("short_text").cast(DataTypes.LongType)),
        sum(col("capped").cast(DataTypes.LongType))).collectAsList()) {
      kinds.put(r.getString(0), r.getLong(1));
      shortTexts += r.isNullAt(2) ? 0 : r.getLong(2);
      capped += r.isNullAt(3) ? 0 : r.getLong(3);
    }
    counts.put("empty_texts", kinds.getOrDefault("empty", 0L));
    counts.put("char_shingled", kinds.getOrDefault("char", 0L));
    counts.put("word_shingled", kinds.getOrDefault("word", 0L));
    counts.put("short_texts", shortTexts);
    counts.put("capped_texts", capped);
    details.put("counts", counts);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("threshold", cfg.threshold());
    params.put("permutations", cfg.permutations());
    params.put("shingle", cfg.shingle().name().toLowerCase(java.util.Locale.ROOT));
    params.put("verify", cfg.verify().name().toLowerCase(java.util.Locale.ROOT));
    params.put("survivor_policy", cfg.policy().name().toLowerCase(java.util.Locale.ROOT));
    details.put("params", params);
    if (!near.isEmpty()) details.put("near", near);

    Map<String, Long> sizes = new TreeMap<>(java.util.Comparator.comparingLong(Long::parseLong));
    for (Row r : decisions.groupBy(col(CLUSTER)).count().groupBy(col("count")).count().collectAsList()) {
      sizes.put(String.valueOf(r.getLong(0)), r.getLong(1));
    }
    details.put("cluster_sizes", sizes);
    Map<String, Object> rates = new TreeMap<>();
    for (Row r : decisions.groupBy(coalesce(col("source"), lit("(none)"))).agg(count(lit(1)),
        sum(when(col(REASON).isNotNull(), 1L).otherwise(0L))).collectAsList()) {
      long n = r.getLong(1);
      rates.put(r.getString(0), n == 0 ? 0.0 : (double) r.getLong(2) / n);
    }
    details.put("dup_rate_by_source", rates);
    phases.mark("report");
    details.put("phase_seconds", phases.seconds());
    return details;
  }

  /** The details as rows (section, key, value): numbers only, nested one level. */
  @SuppressWarnings("unchecked")
  private static Dataset<Row> reportTable(StageContext ctx, Map<String, Object> details) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Object> section : details.entrySet()) {
      if (!(section.getValue() instanceof Map)) continue;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) section.getValue()).entrySet()) {
        Object v = e.getValue();
        double num;
        if (v instanceof Number n) {
          num = n.doubleValue();
        } else if (v instanceof Boolean b) {
          num = b ? 1 : 0;
        } else {
          continue;
        }
        rows.add(RowFactory.create(section.getKey(), e.getKey(), num));
      }
    }
    return ctx.spark().createDataFrame(rows, REPORT_SCHEMA).coalesce(1);
  }

  /** Epoch milliseconds of the time column (timestamp, date, number of ms, or ISO-8601 text); null when absent. */
  static Column epochMillis(Dataset<Row> input, String column) {
    if (!Arrays.asList(input.columns()).contains(column)) return lit(null).cast(DataTypes.LongType);
    DataType t = input.schema().apply(column).dataType();
    Column c = col("`" + column + "`");
    if (t instanceof TimestampType || t instanceof TimestampNTZType || t instanceof DateType) {
      return org.apache.spark.sql.functions.unix_millis(c.cast(DataTypes.TimestampType));
    }
    if (t instanceof NumericType) return c.cast(DataTypes.LongType);
    if (t instanceof StringType) return org.apache.spark.sql.functions.unix_millis(org.apache.spark.sql.functions.try_to_timestamp(c));
    return lit(null).cast(DataTypes.LongType);
  }

  /** The quality score as a double (null when absent or not a number). */
  static Column score(Dataset<Row> input, String column) {
    if (!Arrays.asList(input.columns()).contains(column)) return lit(null).cast(DataTypes.DoubleType);
    return expr("try_cast(`" + column.replace("`", "``") + "` as double)");
  }

  /** Wall time per phase, in order. */
  static final class Phases {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void mark(String phase) {
      long now = System.nanoTime();
      seconds.merge(phase, (now - last) / 1e9, Double::sum);
      last = now;
    }

    Map<String, Double> seconds() {
      return seconds;
    }
  }
}
