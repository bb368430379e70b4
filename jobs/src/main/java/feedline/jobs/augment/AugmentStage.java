package feedline.jobs.augment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import feedline.common.config.ConfigError;
import feedline.jobs.stage.Drops;
import feedline.jobs.stage.Quarantine;
import feedline.jobs.stage.Stage;
import feedline.jobs.stage.StageContext;
import feedline.jobs.stage.StageOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * augment: derives variants of redacted rows and writes the {@code augmented} table, parents
 * ({@code method = original}) and kept variants ({@code parent_id}, {@code method},
 * {@code augmented_field}, scores). Rejected variants are drops with their reason. Rows in are
 * counted as parents plus candidate variants, so {@code in = out + dropped + quarantined} holds.
 */
public final class AugmentStage implements Stage {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AugmentStage.class);
  public static final String NAME = "augment";

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
    return "augmented";
  }

  @Override
  public List<String> requiredColumns() {
    return List.of("doc_id");
  }

  @Override
  public StageOutput run(StageContext ctx, Dataset<Row> input) {
    AugmentConfig cfg = AugmentConfig.from(ctx.settings(NAME));
    List<String> columns = Arrays.asList(input.columns());
    for (String f : cfg.fields()) {
      boolean mapField = f.startsWith("fields.") && columns.contains("fields");
      if (!columns.contains(f) && !mapField) {
        throw new ConfigError("feedline.augment.fields", f, "columns of the input " + columns + " or fields.<key>");
      }
    }
    List<String> terms = new ArrayList<>(cfg.terms());
    if (cfg.termsFile() != null) terms.addAll(readTerms(ctx, cfg.termsFile()));

    LongAccumulator[] acc = new LongAccumulator[5];
    String[] accNames = {"calls", "texts", "cached", "failed", "nanos"};
    for (int i = 0; i < acc.length; i++) acc[i] = ctx.spark().sparkContext().longAccumulator("augment.translator." + accNames[i]);
    StructType schema = input.schema();
    StructType outSchema = AugmentPartition.outcomeSchema(schema);
    Dataset<Row> outcomes = ctx.persist(input.mapPartitions(new AugmentPartition(cfg, terms, schema, acc),
        Encoders.row(outSchema)));

    // one pass for every figure the stage reports (this also runs the augmenters once)
    List<Row> tallies = outcomes.groupBy(col(AugmentPartition.KIND), col("method"), col(AugmentPartition.REASON),
        col(AugmentPartition.SKIP)).agg(count(lit(1)).as("n")).collectAsList();
    long total = 0;
    Map<String, Map<String, Long>> byMethod = new TreeMap<>();
    Map<String, Long> skipped = new TreeMap<>();
    long parents = 0;
    for (Row t : tallies) {
      long n = t.getLong(4);
      total += n;
      String kind = t.getString(0);
      String method = t.getString(1);
      if (kind.equals(AugmentPartition.PARENT)) {
        parents += n;
        if (!t.isNullAt(3)) skipped.merge(t.getString(3), n, Long::sum);
        continue;
      }
      if (kind.equals(AugmentPartition.QUARANTINED)) continue;
      Map<String, Long> m = byMethod.computeIfAbsent(method, k -> new TreeMap<>());
      m.merge("candidates", n, Long::sum);
      m.merge(kind.equals(AugmentPartition.VARIANT) ? "kept" : "rejected_" + t.getString(2), n, Long::sum);
    }

    String[] keep = Arrays.stream(outSchema.fieldNames())
        .filter(c -> !c.startsWith("a_")).toArray(String[]::new);
    Column[] keepCols = Arrays.stream(keep).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> kept = outcomes.filter(col(AugmentPartition.KIND).isin(AugmentPartition.PARENT, AugmentPartition.VARIANT))
        .select(keepCols);
    Dataset<Row> rejected = outcomes.filter(col(AugmentPartition.KIND).equalTo(AugmentPartition.REJECTED));
    Dataset<Row> drops = Drops.of(rejected.select(concat(keepCols, col(AugmentPartition.REASON), col(AugmentPartition.DETAIL))),
        col(AugmentPartition.REASON), col(AugmentPartition.DETAIL), col("parent_id"))
        .drop(AugmentPartition.REASON, AugmentPartition.DETAIL);
    Dataset<Row> quarantine = outcomes.filter(col(AugmentPartition.KIND).equalTo(AugmentPartition.QUARANTINED)).select(
        lit(NAME).as("stage"), columns.contains("uri") ? col("uri").as("source_uri") : lit(null).cast("string").as("source_uri"),
        col("doc_id"), lit(null).cast("string").as("record_key"), col(AugmentPartition.REASON).as("reason"),
        col(AugmentPartition.DETAIL).as("detail"), org.apache.spark.sql.functions.to_json(
            org.apache.spark.sql.functions.struct(Arrays.stream(schema.fieldNames()).map(c -> col(c)).toArray(Column[]::new)))
            .as("payload"), lit(ctx.runId()).as("run_id"))
        .select(Quarantine.columnsOf());

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("parents", parents);
    details.put("methods", byMethod);
    details.put("skipped_by_rule", skipped);
    details.put("translator_engine", cfg.methods().contains("back_translation") ? cfg.translator().engine() : "none");
    long calls = acc[0].value();
    Map<String, Object> tr = new LinkedHashMap<>();
    tr.put("calls", calls);
    tr.put("texts", acc[1].value());
    tr.put("cached", acc[2].value());
    tr.put("failed", acc[3].value());
    tr.put("seconds_total", Math.round(acc[4].value() / 1e6) / 1e3);
    tr.put("ms_per_call", calls == 0 ? 0 : Math.round(acc[4].value() / 1e3 / calls) / 1e3);
    tr.put("ms_per_text", acc[1].value() == 0 ? 0 : Math.round(acc[4].value() / 1e3 / acc[1].value()) / 1e3);
    details.put("translator", tr);
    LOG.info("augment: parents={} methods={} skipped={} translator {}={}", parents, byMethod, skipped,
        details.get("translator_engine"), tr);
    return new StageOutput(kept, drops, quarantine, Map.of(), total, details);
  }

  private static Column[] concat(Column[] a, Column... b) {
    Column[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static List<String> readTerms(StageContext ctx, String file) {
    List<String> out = new ArrayList<>();
    Path p = new Path(file);
    try {
      FileSystem fs = p.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) throw new ConfigError("feedline.augment.protect.terms-file", file, "an existing file of terms, one per line");
      try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(p), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String t = line.strip();
          if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
        }
      }
    } catch (IOException e) {
      throw new ConfigError("feedline.augment.protect.terms-file", file, "a readable file (" + e.getMessage() + ")");
    }
    return out;
  }
}
