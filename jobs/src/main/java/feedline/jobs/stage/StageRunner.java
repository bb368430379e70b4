package feedline.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import feedline.jobs.io.TableFiles;
import feedline.jobs.lake.Lake;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a stage: reads its input, writes every output to a temporary folder, reads the row counts
 * back from what was written, checks {@code in = out + dropped + quarantined} and only then commits
 * (renames) the outputs into place. A stage whose rows do not balance fails loudly and commits nothing.
 */
public final class StageRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

  public static final String KEPT = "kept";
  public static final String DROPS = "drops";
  public static final String QUARANTINE = "quarantine";

  private final boolean strict;

  public StageRunner(boolean strict) {
    this.strict = strict;
  }

  /** Runs a stage inside the lake, reading its input table from the same run. */
  public StageResult runInLake(Stage stage, StageContext ctx) {
    Lake lake = ctx.lake();
    Map<String, String> inputs = new LinkedHashMap<>();
    Dataset<Row> input = null;
    if (stage.inputTable() != null) {
      if (!lake.isCommitted(stage.inputTable(), ctx.runId())) {
        throw new IllegalStateException("stage " + stage.name() + " needs table " + stage.inputTable()
            + " of run " + ctx.runId() + ", which is not committed; run the stage that writes it first");
      }
      String path = lake.tablePath(stage.inputTable(), ctx.runId());
      inputs.put(stage.inputTable(), path);
      input = ctx.spark().read().parquet(path);
    }
    Map<String, String> finals = new LinkedHashMap<>();
    finals.put(KEPT, lake.tablePath(stage.outputTable(), ctx.runId()));
    finals.put(DROPS, lake.tablePath("drops/" + stage.name(), ctx.runId()));
    finals.put(QUARANTINE, lake.tablePath("quarantine/" + stage.name(), ctx.runId()));
    String tmpRoot = lake.tmpPath(ctx.runId(), stage.name() + "-" + UUID.randomUUID());
    return execute(stage, ctx, input, inputs, tmpRoot, new Committer() {
      @Override
      public String commit(String name, String tmp) {
        String dst = finals.containsKey(name) ? finals.get(name) : lake.tablePath(name, ctx.runId());
        lake.commit(tmp, dst);
        return dst;
      }

      @Override
      public String commitFolder(String name, String tmp) {
        return commit(name, tmp);
      }

      @Override
      public void cleanup(String tmpRootPath) {
        lake.delete(tmpRootPath);
      }
    });
  }

  /**
   * Runs a stage file to file: {@code input} and the targets are jsonl or parquet by extension. An
   * input {@code id} column is seen by the stage as {@code doc_id} and written back as {@code id}.
   *
   * @param targets output name ({@link #KEPT}, {@link #DROPS}, {@link #QUARANTINE} or an extra table) to path
   */
  public StageResult runFiles(Stage stage, StageContext ctx, String inputPath, Map<String, String> targets) {
    return runFiles(stage, ctx, inputPath, targets, java.util.Set.of());
  }

  /** As above; outputs named in {@code skipIfEmpty} are not written when they hold no rows. */
  public StageResult runFiles(Stage stage, StageContext ctx, String inputPath, Map<String, String> targets,
      java.util.Set<String> skipIfEmpty) {
    SparkSession spark = ctx.spark();
    Map<String, String> inputs = new LinkedHashMap<>();
    Dataset<Row> input = null;
    Dataset<Row> unreadable = null;
    boolean renamedId = false;
    if (inputPath != null) {
      inputs.put("input", inputPath);
      TableFiles.Read read = TableFiles.read(spark, inputPath, stage.name(), ctx.runId());
      input = read.rows();
      unreadable = read.quarantined();
      if (Arrays.asList(input.columns()).contains("id") && !Arrays.asList(input.columns()).contains("doc_id")) {
        input = input.withColumn("id", col("id").cast(DataTypes.StringType)).withColumnRenamed("id", "doc_id");
        renamedId = true;
      }
    }
    final boolean mapBack = renamedId;
    final Dataset<Row> badLines = unreadable;
    String tmpRoot = TableFiles.localTmp(ctx.runId(), stage.name());
    return execute(stage, ctx, input, inputs, tmpRoot, new Committer() {
      @Override
      public String commit(String name, String tmp) {
        String dst = targets.get(name);
        if (dst == null) return null;
        Dataset<Row> rows = spark.read().parquet(tmp);
        if (skipIfEmpty.contains(name) && rows.isEmpty()) return null;
        if (mapBack && Arrays.asList(rows.columns()).contains("doc_id") && !name.equals(QUARANTINE)) {
          rows = rows.withColumnRenamed("doc_id", "id");
        }
        TableFiles.writeSingle(rows, dst);
        return dst;
      }

      @Override
      public String commitFolder(String name, String tmp) {
        String dst = targets.get(name);
        if (dst == null) return null;
        TableFiles.moveFolder(spark, tmp, dst);
        return dst;
      }

      @Override
      public void cleanup(String tmpRootPath) {
        TableFiles.deleteLocal(tmpRootPath);
      }
    }, badLines);
  }

  interface Committer {
    /** Moves one written output into place; returns its final location or null when not kept. */
    String commit(String name, String tmp);

    /** Moves a written folder into place as a folder (a {@link KeptLayout} output). */
    String commitFolder(String name, String tmp);

    void cleanup(String tmpRoot);
  }

  private StageResult execute(Stage stage, StageContext ctx, Dataset<Row> input, Map<String, String> inputs,
      String tmpRoot, Committer committer) {
    return execute(stage, ctx, input, inputs, tmpRoot, committer, null);
  }

  private StageResult execute(Stage stage, StageContext ctx, Dataset<Row> input, Map<String, String> inputs,
      String tmpRoot, Committer committer, Dataset<Row> preQuarantined) {
    long t0 = System.nanoTime();
    SparkSession spark = ctx.spark();
    if (input != null) {
      List<String> cols = Arrays.asList(input.columns());
      for (String c : stage.requiredColumns()) {
        if (!cols.contains(c)) {
          throw new IllegalArgumentException("stage " + stage.name() + " needs column '" + c + "' in its input; found " + cols);
        }
      }
    }
    spark.sparkContext().setJobGroup("feedline-" + stage.name(), "feedline stage " + stage.name(), false);
    try {
      StageOutput out = stage.run(ctx, input);
      long in = out.inCount() >= 0 ? out.inCount() : input.count();
      Dataset<Row> quarantine = out.quarantined() == null ? Quarantine.empty(spark) : out.quarantined();
      if (preQuarantined != null) {
        in += preQuarantined.count();
        quarantine = quarantine.select(Quarantine.columnsOf()).unionByName(preQuarantined.select(Quarantine.columnsOf()));
      }
      Map<String, Dataset<Row>> writes = new LinkedHashMap<>();
      writes.put(KEPT, out.kept());
      writes.put(DROPS, out.dropped() == null ? Drops.none(out.kept()) : out.dropped());
      writes.put(QUARANTINE, quarantine.select(Quarantine.columnsOf()));
      writes.putAll(out.extraTables());

      KeptLayout layout = out.layout();
      Map<String, String> tmps = new LinkedHashMap<>();
      Map<String, org.apache.spark.sql.types.StructType> schemas = new LinkedHashMap<>();
      for (Map.Entry<String, Dataset<Row>> w : writes.entrySet()) {
        String tmp = tmpRoot + "/" + w.getKey().replace('/', '_');
        var writer = w.getValue().write().mode(SaveMode.Overwrite);
        if (layout != null && w.getKey().equals(KEPT)) {
          writer = writer.options(layout.writeOptions());
          if (!layout.partitionBy().isEmpty()) writer = writer.partitionBy(layout.partitionBy().toArray(new String[0]));
        }
        writer.parquet(tmp);
        tmps.put(w.getKey(), tmp);
        schemas.put(w.getKey(), w.getValue().schema());
      }
      // read back with the written schema: an empty partitioned output has no file to infer one from
      Dataset<Row> keptWritten = spark.read().schema(schemas.get(KEPT)).parquet(tmps.get(KEPT));
      long kept = layout == null || layout.inputIdsColumn() == null ? keptWritten.count()
          : keptWritten.select(org.apache.spark.sql.functions.explode(col(layout.inputIdsColumn()))).distinct().count();
      Dataset<Row> dropsWritten = spark.read().schema(schemas.get(DROPS)).parquet(tmps.get(DROPS));
      Dataset<Row> quarantineWritten = spark.read().schema(schemas.get(QUARANTINE)).parquet(tmps.get(QUARANTINE));
      long dropped = dropsWritten.count();
      long quarantined = quarantineWritten.count();
      Map<String, Long> dropReasons = tally(dropsWritten, Drops.REASON);
      Map<String, Long> quarantineReasons = tally(quarantineWritten, "reason");

      if (in != kept + dropped + quarantined) {
        String msg = String.format("stage %s does not account for its rows: in=%d but out=%d + dropped=%d + quarantined=%d = %d",
            stage.name(), in, kept, dropped, quarantined, kept + dropped + quarantined);
        if (strict) {
          committer.cleanup(tmpRoot);
          throw new AccountingException(msg);
        }
        LOG.warn(msg);
      }
      if (layout != null && layout.beforeCommit() != null) layout.beforeCommit().accept(tmps.get(KEPT));
      Map<String, String> outputs = new LinkedHashMap<>();
      for (Map.Entry<String, String> t : tmps.entrySet()) {
        String dst = layout != null && t.getKey().equals(KEPT) ? committer.commitFolder(t.getKey(), t.getValue())
            : committer.commit(t.getKey(), t.getValue());
        if (dst != null) outputs.put(t.getKey().equals(KEPT) ? stage.outputTable() : t.getKey(), dst);
      }
      committer.cleanup(tmpRoot);
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new StageResult(stage.name(), in, kept, dropped, quarantined, dropReasons, quarantineReasons,
          outputs, inputs, seconds, out.details(), false);
    } finally {
      ctx.releasePersisted();
      spark.sparkContext().clearJobGroup();
    }
  }

  private static Map<String, Long> tally(Dataset<Row> rows, String column) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (!Arrays.asList(rows.columns()).contains(column)) return out;
    List<Row> counts = new ArrayList<>(rows.groupBy(col(column)).count().orderBy(col("count").desc()).collectAsList());
    for (Row r : counts) out.put(r.isNullAt(0) ? "(none)" : r.getString(0), r.getLong(1));
    return out;
  }

  /** Literal helper kept for stages that build quarantine rows by hand. */
  public static org.apache.spark.sql.Column str(String s) {
    return lit(s).cast(DataTypes.StringType);
  }
}
