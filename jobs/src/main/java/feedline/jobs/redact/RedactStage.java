package feedline.jobs.redact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

import feedline.common.model.Reasons;
import feedline.common.pii.PiiType;
import feedline.common.pii.RedactOptions;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * redact: finds personal data in {@code text} and replaces it per type (mask, tag, hash, fake, keep).
 * Writes {@code documents_redacted} (redacted text, {@code spans} with offsets into the original
 * text, one {@code pii_<type>} count column per type and {@code pii_total}), the {@code pii_audit}
 * table (doc_id, type, start, end, recognizer, score: never the value) and {@code redact_report}
 * (counts per source and type). Rows without text and rows the recognizers fail on are quarantined
 * without their text.
 */
public final class RedactStage implements Stage {
  public static final String NAME = "redact";
  public static final String AUDIT = "pii_audit";
  public static final String REPORT = "redact_report";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String inputTable() {
    return "documents_dedup";
  }

  @Override
  public String outputTable() {
    return "documents_redacted";
  }

  @Override
  public Map<String, String> cliOutputs() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("audit", AUDIT);
    m.put("report", REPORT);
    return m;
  }

  @Override
  public StageOutput run(StageContext ctx, Dataset<Row> input) {
    RedactOptions options = RedactSettings.bind(ctx.settings(NAME));
    int partitions = ctx.settings(NAME).integer("partitions", 0, 100_000);
    Dataset<Row> in = partitions > 0 ? input.repartition(partitions) : input;
    StructType schema = in.schema();
    int textIndex = schema.fieldIndex("text");
    Dataset<Row> processed = in.mapPartitions(new RedactPartition(options, textIndex, schema.size(), RedactPartition.fieldsIndex(schema)),
        Encoders.row(RedactPartition.outputSchema(schema)));
    processed = ctx.persist(processed);

    List<String> inputCols = Arrays.asList(schema.fieldNames());
    boolean hasSource = inputCols.contains("source");
    Dataset<Row> ok = processed.filter(col(RedactPartition.STATUS).equalTo(RedactPartition.OK));

    List<Column> keptCols = new ArrayList<>();
    for (String c : schema.fieldNames()) keptCols.add(col(c));
    keptCols.add(transform(col(RedactPartition.AUDIT),
        s -> struct(s.getField("start").as("start"), s.getField("end").as("end"), s.getField("type").as("type"),
            s.getField("score").as("score"))).as("spans"));
    for (PiiType t : PiiType.values()) keptCols.add(col(RedactPartition.countColumn(t)));
    keptCols.add(col("pii_total"));
    Dataset<Row> kept = ok.select(keptCols.toArray(Column[]::new));

    Dataset<Row> audit = ok.select(col("doc_id"), explode(col(RedactPartition.AUDIT)).as("s")).select(col("doc_id"),
        col("s.type").as("type"), col("s.start").as("start"), col("s.end").as("end"), col("s.recognizer").as("recognizer"),
        col("s.score").as("score"));

    Column source = hasSource ? col("source").cast(DataTypes.StringType) : lit("(none)");
    Dataset<Row> report = ok.select(source.as("source"), explode(col(RedactPartition.AUDIT)).as("s"))
        .groupBy(col("source"), col("s.type").as("type")).count().withColumnRenamed("count", "spans");

    Column sourceUri = inputCols.contains("uri") ? col("uri") : inputCols.contains("source_uri") ? col("source_uri")
        : lit(null).cast(DataTypes.StringType);
    Column recordKey = inputCols.contains("record_key") ? col("record_key") : lit(null).cast(DataTypes.StringType);
    Dataset<Row> quarantine = processed.filter(col(RedactPartition.STATUS).notEqual(RedactPartition.OK)).select(
        lit(NAME).as("stage"), sourceUri.as("source_uri"), col("doc_id"), recordKey.as("record_key"),
        org.apache.spark.sql.functions.when(col(RedactPartition.STATUS).equalTo(RedactPartition.NO_TEXT), lit(Reasons.NO_TEXT))
            .otherwise(lit(Reasons.REDACT_FAILED)).as("reason"),
        org.apache.spark.sql.functions.when(col(RedactPartition.STATUS).equalTo(RedactPartition.NO_TEXT),
                lit("document has no text to redact"))
            .otherwise(org.apache.spark.sql.functions.concat(lit("recognizers failed: "), col(RedactPartition.ERROR)))
            .as("detail"),
        lit(null).cast(DataTypes.StringType).as("payload"), lit(ctx.runId()).as("run_id"))
        .select(Quarantine.columnsOf());

    // one pass for the report figures
    Map<String, Long> byType = new TreeMap<>();
    Map<String, Map<String, Long>> bySource = new TreeMap<>();
    for (Row r : report.collectAsList()) {
      String src = r.isNullAt(0) ? "(none)" : r.getString(0);
      byType.merge(r.getString(1), r.getLong(2), Long::sum);
      bySource.computeIfAbsent(src, k -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("types", options.types().stream().map(Enum::name).toList());
    details.put("default_mode", options.defaultMode().name().toLowerCase(java.util.Locale.ROOT));
    Map<String, String> modes = new TreeMap<>();
    for (PiiType t : options.types()) {
      modes.put(t.name(), options.modes().getOrDefault(t, options.defaultMode()).name().toLowerCase(java.util.Locale.ROOT));
    }
    details.put("modes", modes);
    details.put("spans_by_type", byType);
    details.put("spans_by_source", bySource);

    Map<String, Dataset<Row>> extras = new LinkedHashMap<>();
    extras.put(AUDIT, audit);
    extras.put(REPORT, report);
    return new StageOutput(kept, null, quarantine, extras, -1, details);
  }
}
