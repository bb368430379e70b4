package feedline.jobs.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import feedline.common.model.Reasons;
import feedline.jobs.stage.Quarantine;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/** Single-file inputs and outputs for file-to-file stage runs: jsonl or parquet, chosen by extension. */
public final class TableFiles {
  private static final String CORRUPT = "_corrupt_record";

  private TableFiles() {}

  /** Rows read, and the lines that could not be parsed (quarantine shape), or null when none can occur. */
  public record Read(Dataset<Row> rows, Dataset<Row> quarantined) {}

  public enum Kind { JSONL, PARQUET }

  public static Kind kindOf(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".jsonl") || p.endsWith(".json") || p.endsWith(".ndjson")) return Kind.JSONL;
    if (p.endsWith(".parquet") || p.endsWith(".pq")) return Kind.PARQUET;
    throw new IllegalArgumentException("cannot tell the format of " + path + ": use a .jsonl or .parquet name");
  }

  public static Read read(SparkSession spark, String path, String stage, String runId) {
    if (kindOf(path) == Kind.PARQUET) return new Read(spark.read().parquet(path), null);
    Dataset<Row> raw = spark.read().option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
        .option("dropFieldIfAllNull", false).json(path);
    if (!Arrays.asList(raw.columns()).contains(CORRUPT)) {
      return new Read(castText(raw), null);
    }
    raw = raw.cache();
    Dataset<Row> good = raw.filter(col(CORRUPT).isNull()).drop(CORRUPT);
    Dataset<Row> bad = raw.filter(col(CORRUPT).isNotNull()).select(
        lit(stage).as("stage"), lit(path).as("source_uri"), lit(null).cast(DataTypes.StringType).as("doc_id"),
        lit(null).cast(DataTypes.StringType).as("record_key"), lit(Reasons.BAD_RECORD).as("reason"),
        lit("line is not a valid JSON object").as("detail"), col(CORRUPT).as("payload"), lit(runId).as("run_id"));
    return new Read(castText(good), bad.select(Quarantine.columnsOf()));
  }

  private static Dataset<Row> castText(Dataset<Row> rows) {
    if (Arrays.asList(rows.columns()).contains("text")) {
      return rows.withColumn("text", col("text").cast(DataTypes.StringType));
    }
    return rows;
  }

  /** Writes rows as exactly one file at {@code dst} (any Hadoop path), replacing it. */
  public static void writeSingle(Dataset<Row> rows, String dst) {
    Kind kind = kindOf(dst);
    String tmp = dst + ".tmp-" + UUID.randomUUID();
    var writer = rows.coalesce(1).write().mode(SaveMode.Overwrite);
    if (kind == Kind.JSONL) writer.option("ignoreNullFields", false).json(tmp); else writer.parquet(tmp);
    try {
      org.apache.hadoop.fs.Path tmpPath = new org.apache.hadoop.fs.Path(tmp);
      org.apache.hadoop.fs.Path dstPath = new org.apache.hadoop.fs.Path(dst);
      FileSystem fs = tmpPath.getFileSystem(rows.sparkSession().sparkContext().hadoopConfiguration());
      FileStatus part = Arrays.stream(fs.listStatus(tmpPath))
          .filter(s -> s.getPath().getName().startsWith("part-")).findFirst().orElse(null);
      if (fs.exists(dstPath)) fs.delete(dstPath, true);
      if (dstPath.getParent() != null) fs.mkdirs(dstPath.getParent());
      if (part == null) {
        try (OutputStream out = fs.create(dstPath, true)) {
          out.write(new byte[0]);
        }
      } else if (!fs.rename(part.getPath(), dstPath)) {
        throw new IOException("rename to " + dst + " failed");
      }
      fs.delete(tmpPath, true);
      if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) {
        fs.delete(local.getChecksumFile(dstPath), false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dst + ": " + e.getMessage(), e);
    }
  }

  /** Moves a written folder to {@code dst} (any Hadoop path), replacing what is there. */
  public static void moveFolder(SparkSession spark, String src, String dst) {
    try {
      org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
      org.apache.hadoop.fs.Path s = new org.apache.hadoop.fs.Path(src);
      org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(dst);
      FileSystem sfs = s.getFileSystem(conf);
      FileSystem dfs = d.getFileSystem(conf);
      if (dfs.exists(d)) dfs.delete(d, true);
      if (d.getParent() != null) dfs.mkdirs(d.getParent());
      boolean moved = sfs.getUri().equals(dfs.getUri()) && sfs.rename(s, d);
      if (!moved && !org.apache.hadoop.fs.FileUtil.copy(sfs, s, dfs, d, true, conf)) {
        throw new IOException("copy to " + dst + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + src + " to " + dst + ": " + e.getMessage(), e);
    }
  }

  public static String localTmp(String runId, String stage) {
    File dir = new File(System.getProperty("java.io.tmpdir"), "feedline-" + runId + "-" + stage + "-" + UUID.randomUUID());
    return dir.toURI().toString();
  }

  public static void deleteLocal(String uri) {
    Path p = Path.of(java.net.URI.create(uri));
    if (!Files.exists(p)) return;
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
