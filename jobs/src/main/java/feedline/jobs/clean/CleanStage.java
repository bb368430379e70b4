package feedline.jobs.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import feedline.common.clean.CleanOptions;
import feedline.common.config.Settings;
import feedline.jobs.stage.Drops;
import feedline.jobs.stage.Quarantine;
import feedline.jobs.stage.Stage;
import feedline.jobs.stage.StageContext;
import feedline.jobs.stage.StageOutput;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * clean: {@code documents} into {@code documents_clean}. Executors normalize and correct each text,
 * identify its language and apply the filters (see {@link feedline.common.clean.DocumentCleaner});
 * dropped rows go to drops with the rule's reason code and the measured value, rows the cleaner
 * fails on go to quarantine ({@code clean_error}). The {@code clean_report} table (and the stage
 * details) hold per-rule drop counts, per-step change counts, per-language counts and example ids.
 */
public final class CleanStage implements Stage {
  public static final String NAME = "clean";
  public static final String REPORT = "clean_report";
  /** Quarantine reason for a row the cleaner failed on. */
  public static final String CLEAN_ERROR = "clean_error";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String inputTable() {
    return "documents";
  }

  @Override
  public String outputTable() {
    return "documents_clean";
  }

  @Override
  public Map<String, String> cliOutputs() {
    return Map.of("report", REPORT);
  }

  @Override
  public StageOutput run(StageContext ctx, Dataset<Row> input) {
    Settings s = ctx.settings(NAME);
    CleanOptions options = CleanOptions.from(s);
    int examples = s.integer("report.examples", 0, 100);
    Dataset<Row> in = input;
    if (!in.schema().apply("text").dataType().equals(DataTypes.StringType)) {
      in = in.withColumn("text", col("text").cast(DataTypes.StringType));
    }
    CleanColumns columns = new CleanColumns(in.schema(), options.urlColumns());
    Dataset<Row> cleaned = ctx.persist(in.mapPartitions(new CleanPartition(options, columns), Encoders.row(columns.schema())));

    String[] internal = {CleanColumns.KIND, CleanColumns.REASON, CleanColumns.DETAIL};
    Dataset<Row> kept = cleaned.filter(col(CleanColumns.KIND).equalTo(CleanColumns.KEPT)).drop(internal);
    Dataset<Row> dropped = Drops.of(cleaned.filter(col(CleanColumns.KIND).equalTo(CleanColumns.DROPPED)),
        col(CleanColumns.REASON), col(CleanColumns.DETAIL)).drop(internal);
    boolean hasUri = Arrays.asList(in.columns()).contains("uri");
    Dataset<Row> quarantined = cleaned.filter(col(CleanColumns.KIND).equalTo(CleanColumns.QUARANTINED)).select(
        lit(NAME).as("stage"), (hasUri ? col("uri").cast(DataTypes.StringType) : lit(null).cast(DataTypes.StringType)).as("source_uri"),
        col("doc_id").cast(DataTypes.StringType).as("doc_id"), lit(null).cast(DataTypes.StringType).as("record_key"),
        col(CleanColumns.REASON).as("reason"), col(CleanColumns.DETAIL).as("detail"),
        org.apache.spark.sql.functions.substring(col("text"), 1, Quarantine.MAX_PAYLOAD_CHARS).as("payload"), lit(ctx.runId()).as("run_id")).select(Quarantine.columnsOf());

    CleanReport report = CleanReport.of(cleaned, examples);
    Map<String, Object> details = new LinkedHashMap<>(report.details());
    Map<String, Dataset<Row>> extras = new LinkedHashMap<>();
    extras.put(REPORT, report.table(ctx.spark()));
    return new StageOutput(kept, dropped, quarantined, extras, -1, details);
  }
}
