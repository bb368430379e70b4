package feedline.jobs.select;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;

import feedline.common.config.ConfigError;
import feedline.common.model.Reasons;
import feedline.common.select.Scorers;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * select (active learning): scores the unlabeled pool with an {@link feedline.common.select.UncertaintyScorer}
 * (batched on executors, the model built once per JVM), ranks it by predictive entropy, least
 * confidence or margin, optionally spreads the picks over dedup clusters or sources (at most
 * {@code max-per-group} per group, groups interleaved), and writes the top {@code budget} rows to
 * {@code to_annotate} with their rank. Every other row goes to drops with its scores
 * ({@code not_selected}, or {@code already_selected} when an earlier run of the lake picked it);
 * rows without text are quarantined.
 */
public final class SelectStage implements Stage {
  public static final String NAME = "select";
  public static final String OUTPUT = "to_annotate";
  public static final String CLUSTERS = "dedup_clusters";
  public static final String NOT_SELECTED = "not_selected";
  public static final String ALREADY_SELECTED = "already_selected";
  static final String GROUP = "select_group";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String inputTable() {
    return "documents_redacted";
  }

  @Override
  public String outputTable() {
    return OUTPUT;
  }

  @Override
  public StageOutput run(StageContext ctx, Dataset<Row> input) {
    SelectConfig cfg = SelectConfig.from(ctx.settings(NAME));
    // the scorer's name and options fail here, before any task, with the key named
    try {
      Scorers.factory(cfg.scorerName()).check(cfg.scorerOptions());
    } catch (IllegalArgumentException e) {
      throw new ConfigError("feedline.select.scorer", e.getMessage());
    }
    String runId = ctx.runId();
    Dataset<Row> noText = input.filter(col("text").isNull().or(trim(col("text")).equalTo("")));
    Dataset<Row> pool = input.filter(col("text").isNotNull().and(trim(col("text")).notEqual("")));
    List<String> cols = Arrays.asList(input.columns());
    Dataset<Row> quarantine = noText.select(lit(NAME).as("stage"),
        cols.contains("uri") ? col("uri").cast(DataTypes.StringType).as("source_uri") : lit(null).cast(DataTypes.StringType).as("source_uri"),
        col("doc_id").cast(DataTypes.StringType).as("doc_id"), lit(null).cast(DataTypes.StringType).as("record_key"),
        lit(Reasons.NO_TEXT).as("reason"), lit("no text to score").as("detail"),
        lit(null).cast(DataTypes.StringType).as("payload"), lit(runId).as("run_id")).select(Quarantine.columnsOf());

    // the diversity group of each row
    Dataset<Row> grouped;
    switch (cfg.diversity()) {
      case SOURCE:
        grouped = pool.withColumn(GROUP, cols.contains("source") ? coalesce(col("source"), lit("(none)")) : lit("(none)"));
        break;
      case CLUSTER:
        if (cols.contains(cfg.groupColumn())) {
          grouped = pool.withColumn(GROUP, coalesce(col(cfg.groupColumn()).cast(DataTypes.StringType), col("doc_id")));
        } else if (ctx.lake() != null && ctx.lake().isCommitted(CLUSTERS, runId)) {
          Dataset<Row> clusters = ctx.spark().read().parquet(ctx.lake().tablePath(CLUSTERS, runId))
              .select(col("doc_id").as("_c_doc"), col("cluster_id").cast(DataTypes.StringType).as("_c_id"));
          grouped = pool.join(clusters, pool.col("doc_id").equalTo(clusters.col("_c_doc")), "left")
              .withColumn(GROUP, coalesce(col("_c_id"), col("doc_id"))).drop("_c_doc", "_c_id");
        } else {
          throw new ConfigError("feedline.select.diversity.mode", "cluster",
              "cluster only with a '" + cfg.groupColumn() + "' input column (feedline.select.diversity.cluster-column) or a "
                  + CLUSTERS + " table in the run; else none or source");
        }
        break;
      case NONE:
      default:
        grouped = pool.withColumn(GROUP, lit(null).cast(DataTypes.StringType));
        break;
    }

    // rows picked by earlier runs of this lake are not offered again
    Dataset<Row> earlier = null;
    if (cfg.excludePrevious() && ctx.lake() != null) {
      List<String> runs = new ArrayList<>(ctx.lake().committedRuns(OUTPUT));
      runs.remove(runId);
      if (!runs.isEmpty()) {
        earlier = ctx.spark().read().parquet(runs.stream().map(r -> ctx.lake().tablePath(OUTPUT, r)).toArray(String[]::new))
            .select(col("doc_id")).distinct();
      }
    }
    Dataset<Row> again = earlier == null ? grouped.limit(0) : grouped.join(broadcast(earlier), "doc_id").select(grouped.columns()[0],
        Arrays.copyOfRange(grouped.columns(), 1, grouped.columns().length));
    Dataset<Row> fresh = earlier == null ? grouped : grouped.join(broadcast(earlier), grouped.col("doc_id").equalTo(earlier.col("doc_id")), "left_anti");

    StructType scoredSchema = fresh.schema()
        .add("predicted_label", DataTypes.StringType, false)
        .add("predicted_prob", DataTypes.DoubleType, false)
        .add("uncertainty", DataTypes.DoubleType, false)
        .add("entropy", DataTypes.DoubleType, false)
        .add("least_confidence", DataTypes.DoubleType, false)
        .add("margin", DataTypes.DoubleType, false)
        .add("label_probs", DataTypes.StringType, false);
    int textIndex = Arrays.asList(fresh.columns()).indexOf("text");
    Dataset<Row> scored = ctx.persist(fresh.mapPartitions(
        new ScorePartition(cfg.scorerName(), cfg.scorerOptions(), textIndex, cfg.batchSize(), cfg.strategy()),
        Encoders.row(scoredSchema)));

    // picks: most uncertain first, at most max-per-group per group, groups interleaved
    Dataset<Row> ranked = cfg.diversity() == SelectConfig.Diversity.NONE
        ? scored.withColumn("group_rank", lit(1))
        : scored.withColumn("group_rank", row_number().over(Window.partitionBy(col(GROUP)).orderBy(col("uncertainty").desc(), col("doc_id").asc())));
    if (cfg.maxPerGroup() > 0 && cfg.diversity() != SelectConfig.Diversity.NONE) ranked = ranked.filter(col("group_rank").leq(cfg.maxPerGroup()));
    List<Row> picks = ranked.orderBy(col("group_rank").asc(), col("uncertainty").desc(), col("doc_id").asc())
        .select(col("doc_id"), col("uncertainty")).limit(cfg.budget()).collectAsList();
    List<Row> rankRows = new ArrayList<>();
    for (int i = 0; i < picks.size(); i++) rankRows.add(RowFactory.create(picks.get(i).getString(0), i + 1));
    Dataset<Row> ranks = ctx.spark().createDataFrame(rankRows,
        new StructType().add("_pick_doc", DataTypes.StringType, false).add("select_rank", DataTypes.IntegerType, false));

    Dataset<Row> kept = scored.join(broadcast(ranks), scored.col("doc_id").equalTo(ranks.col("_pick_doc")))
        .drop("_pick_doc").withColumn("strategy", lit(cfg.strategy().id())).withColumn("select_run_id", lit(runId))
        .orderBy(col("select_rank"));
    Dataset<Row> notPicked = scored.join(broadcast(ranks), scored.col("doc_id").equalTo(ranks.col("_pick_doc")), "left_anti");
    Dataset<Row> drops = Drops.of(notPicked, lit(NOT_SELECTED),
        concat(lit(cfg.strategy().id() + " "), format_number(col("uncertainty"), 4), lit(" below the top " + cfg.budget())));
    if (earlier != null) {
      Dataset<Row> againDrops = Drops.of(again, lit(ALREADY_SELECTED), lit("picked by an earlier run of this lake"));
      drops = drops.unionByName(againDrops, true);
    }

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("strategy", cfg.strategy().id());
    details.put("budget", cfg.budget());
    details.put("diversity", cfg.diversity().name().toLowerCase(java.util.Locale.ROOT));
    details.put("scorer", cfg.scorerName());
    details.put("selected", picks.size());
    Row stats = scored.agg(org.apache.spark.sql.functions.count(lit(1)), org.apache.spark.sql.functions.avg(col("uncertainty")))
        .first();
    details.put("scored", stats.getLong(0));
    details.put("pool_mean_uncertainty", stats.isNullAt(1) ? null : stats.getDouble(1));
    details.put("selected_mean_uncertainty", picks.isEmpty() ? null : picks.stream().mapToDouble(x -> x.getDouble(1)).average().orElse(0));
    return new StageOutput(kept, drops, quarantine, Map.of(), -1, details);
  }
}
