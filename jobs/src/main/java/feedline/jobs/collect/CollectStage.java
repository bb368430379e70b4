package feedline.jobs.collect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import feedline.common.collect.CollectOptions;
import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.common.text.DoorNormalizer;
import feedline.jobs.stage.Drops;
import feedline.jobs.stage.Quarantine;
import feedline.jobs.stage.Stage;
import feedline.jobs.stage.StageContext;
import feedline.jobs.stage.StageOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * collect: raw files (txt, md, html, pdf, docx, pptx, xlsx, csv/tsv, jsonl, chat logs, Parquet) into
 * the {@code documents} table. The driver only lists files; executors read and parse them. Files
 * already collected by an earlier run (same uri, size and sha256) are skipped in incremental mode.
 */
public final class CollectStage implements Stage {
  public static final String NAME = "collect";
  public static final String COLLECTED_FILES = "collected_files";

  private static final StructType LISTING = new StructType()
      .add("uri", DataTypes.StringType, false)
      .add("size", DataTypes.LongType, false)
      .add("modified_at", DataTypes.TimestampType, true)
      .add("source", DataTypes.StringType, false);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String inputTable() {
    return null;
  }

  @Override
  public String outputTable() {
    return "documents";
  }

  @Override
  public StageOutput run(StageContext ctx, Dataset<Row> ignored) {
    Settings s = ctx.settings(NAME);
    CollectConfig cfg = CollectConfig.from(s);
    SparkSession spark = ctx.spark();
    Configuration hconf = spark.sparkContext().hadoopConfiguration();

    List<Row> files = list(cfg, hconf);
    int parallelism = Math.max(1, spark.sparkContext().defaultParallelism());
    int partitions = cfg.partitions() > 0 ? cfg.partitions() : Math.max(1, Math.min(files.size(), parallelism * 4));
    Dataset<Row> listing = spark.createDataFrame(files, LISTING).repartition(partitions, col("uri"));

    Dataset<Row> known = null;
    if (cfg.incremental() && ctx.lake() != null) {
      List<String> runs = new ArrayList<>(ctx.lake().committedRuns(COLLECTED_FILES));
      runs.remove(ctx.runId());
      if (!runs.isEmpty()) {
        String[] paths = runs.stream().map(r -> ctx.lake().tablePath(COLLECTED_FILES, r)).toArray(String[]::new);
        known = spark.read().parquet(paths).groupBy(col("uri"), col("file_size").as("size"))
            .agg(collect_set(col("file_sha256")).as("known_sha256"));
      }
    }
    Dataset<Row> withKnown = known == null
        ? listing.withColumn("known_sha256", lit(null).cast(DataTypes.createArrayType(DataTypes.StringType)))
        : listing.join(known, listing.col("uri").equalTo(known.col("uri")).and(listing.col("size").equalTo(known.col("size"))), "left")
            .select(listing.col("uri"), listing.col("size"), listing.col("modified_at"), listing.col("source"), known.col("known_sha256"));

    Map<String, String> hadoopProps = new LinkedHashMap<>();
    hconf.forEach(e -> hadoopProps.put(e.getKey(), e.getValue()));
    long collectedAt = System.currentTimeMillis();
    Dataset<Row> outcomes = withKnown.select(col("uri"), col("size"), col("modified_at"), col("known_sha256"), col("source"))
        .flatMap(new CollectPartition(cfg.options(), cfg.maxFileBytes(), hadoopProps, ctx.runId(), collectedAt),
            Encoders.row(CollectPartition.OUTCOME));
    outcomes = ctx.persist(outcomes);

    // one pass for every figure the stage reports
    List<Row> tallies = outcomes.groupBy(col("kind"), col("format"), col("charset"))
        .agg(org.apache.spark.sql.functions.count(lit(1)).as("n"), countDistinct(col("uri")).as("files"),
            org.apache.spark.sql.functions.coalesce(org.apache.spark.sql.functions.sum("undecodable_bytes"), lit(0L)).as("bad"))
        .collectAsList();
    long filesSeen = outcomes.select(col("uri")).distinct().count();
    if (filesSeen != files.size()) {
      throw new IllegalStateException("collect lost files: listed " + files.size() + ", accounted for " + filesSeen);
    }
    long units = 0;
    long skippedCount = 0;
    long undecodableBytes = 0;
    Map<String, Long> byFormat = new java.util.TreeMap<>();
    Map<String, Long> byCharset = new java.util.TreeMap<>();
    for (Row t : tallies) {
      long n = t.getLong(3);
      units += n;
      String kind = t.getString(0);
      if (kind.equals(CollectPartition.SKIPPED)) skippedCount += n;
      if (kind.equals(CollectPartition.DOCUMENT)) {
        byFormat.merge(t.isNullAt(1) ? "(none)" : t.getString(1), n, Long::sum);
        byCharset.merge(t.isNullAt(2) ? "(none)" : t.getString(2), n, Long::sum);
        undecodableBytes += t.getLong(5);
      }
    }

    String[] docCols = DocumentsSchema.SCHEMA.fieldNames();
    Dataset<Row> documents = outcomes.filter(col("kind").equalTo(CollectPartition.DOCUMENT))
        .select(java.util.Arrays.stream(docCols).map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new));
    Dataset<Row> skipped = outcomes.filter(col("kind").equalTo(CollectPartition.SKIPPED));
    Dataset<Row> drops = Drops.of(
        skipped.select(col("uri"), col("source"), col("file_size"), col("file_sha256"), col("modified_at"), col("run_id"),
            col("q_reason"), col("q_detail")),
        col("q_reason"), col("q_detail")).drop("q_reason", "q_detail");
    Dataset<Row> quarantine = outcomes.filter(col("kind").equalTo(CollectPartition.QUARANTINED)).select(
        lit(NAME).as("stage"), col("uri").as("source_uri"), col("doc_id"), col("record_key"), col("q_reason").as("reason"),
        col("q_detail").as("detail"), col("q_payload").as("payload"), col("run_id")).select(Quarantine.columnsOf());
    Dataset<Row> collectedFiles = outcomes.filter(col("kind").equalTo(CollectPartition.DOCUMENT))
        .select(col("uri"), col("file_size"), col("file_sha256"), col("modified_at"), col("run_id")).distinct();

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("files_listed", files.size());
    details.put("input_paths", cfg.paths());
    details.put("documents_by_format", byFormat);
    details.put("documents_by_charset", byCharset);
    details.put("files_skipped", skippedCount);
    details.put("undecodable_bytes", undecodableBytes);

    Map<String, Dataset<Row>> extras = new LinkedHashMap<>();
    extras.put(COLLECTED_FILES, collectedFiles);
    return new StageOutput(documents, drops, quarantine, extras, units, details);
  }

  /** Lists input files on the driver (names starting with '.' or '_' are skipped). */
  static List<Row> list(CollectConfig cfg, Configuration hconf) {
    List<Row> rows = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String p : cfg.paths()) {
      try {
        Path path = new Path(p);
        FileSystem fs = path.getFileSystem(hconf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
          throw new ConfigError("feedline.collect.input.paths", p, "existing files, directories or glob patterns");
        }
        for (FileStatus m : matches) {
          if (m.isDirectory()) {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
            while (it.hasNext()) {
              LocatedFileStatus f = it.next();
              if (!hidden(m.getPath(), f.getPath())) add(rows, seen, cfg, f);
            }
          } else {
            add(rows, seen, cfg, m);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  private static void add(List<Row> rows, java.util.Set<String> seen, CollectConfig cfg, FileStatus f) {
    String uri = f.getPath().toString();
    if (seen.add(uri)) {
      rows.add(RowFactory.create(uri, f.getLen(), new Timestamp(f.getModificationTime()), cfg.sourceFor(uri)));
    }
  }

  private static boolean hidden(Path root, Path file) {
    String rel = file.toUri().getPath().substring(Math.min(file.toUri().getPath().length(), root.toUri().getPath().length()));
    for (String part : rel.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) return true;
    }
    return false;
  }

  /** Bound and validated {@code feedline.collect} settings. */
  record CollectConfig(List<String> paths, CollectOptions options, long maxFileBytes, boolean incremental,
      int partitions, Map<String, String> sources) {

    static CollectConfig from(Settings s) {
      List<String> paths = s.stringList("input.paths");
      if (paths.isEmpty()) throw new ConfigError(s.path("input.paths"), "[]", "at least one file, directory or glob");
      String source = s.string("source");
      String charset = s.string("charset");
      if (!charset.equalsIgnoreCase("auto") && !java.nio.charset.Charset.isSupported(charset)) {
        throw new ConfigError(s.path("charset"), charset, "auto or a charset name this JVM supports (UTF-8, GB18030, Big5, Shift_JIS ...)");
      }
      DoorNormalizer.Form form = s.enumValue("normalize.form", DoorNormalizer.Form.class);
      String delim = s.string("csv.delimiter");
      if (delim.length() != 1) throw new ConfigError(s.path("csv.delimiter"), delim, "a single character");
      CollectOptions o = new CollectOptions(source, charset, form, s.number("max-undecodable-ratio", 0, 1),
          s.stringList("csv.text-columns"), delim.charAt(0), s.stringList("jsonl.text-fields"),
          s.string("chat.conversation-key"), s.string("chat.role-field"), s.string("chat.content-field"),
          s.string("parquet.text-field"), s.integer("max-chars", 1, Integer.MAX_VALUE - 64));
      return new CollectConfig(paths, o, s.bytes("max-file-bytes", 1, Integer.MAX_VALUE - 64), s.bool("incremental"),
          s.integer("partitions", 0, 100_000), s.stringMap("sources"));
    }

    /** The source tag of a file: the first {@code sources} entry whose key occurs in its uri, else {@code source}. */
    String sourceFor(String uri) {
      for (Map.Entry<String, String> e : sources.entrySet()) {
        if (uri.contains(e.getKey())) return e.getValue();
      }
      return options.source();
    }
  }
}
