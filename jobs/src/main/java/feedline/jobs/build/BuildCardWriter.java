package feedline.jobs.build;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.sum;

import feedline.common.sft.ChatTemplate;
import feedline.common.sft.DatasetCard;
import feedline.common.sft.ShardLayout;
import feedline.common.sft.TokenizerFiles;
import feedline.common.text.Hashing;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Writes dataset_card.json and dataset_card.md into the written (not yet committed) shard folder. */
final class BuildCardWriter {
  private BuildCardWriter() {}

  /** Writes the card; returns the per-split figures for the stage report. */
  static Map<String, Object> write(SparkSession spark, String folder, String runId, BuildSettings bs, Path modelDir,
      TokenizerFiles files, ChatTemplate template, BuildReport report) {
    Map<String, DatasetCard.SplitFigures> splits = new LinkedHashMap<>();
    long rows = 0;
    long tokens = 0;
    long examples = 0;
    Map<String, Row> bySplit = new LinkedHashMap<>();
    if (hasSplitFolders(spark, folder)) { // an empty output (nothing new tonight) has no split folder to read
      for (Row r : spark.read().parquet(folder).groupBy(col("split")).agg(count("*"), sum(col("num_tokens")),
          sum(expr("size(filter(labels, x -> x != -100))"))).collectAsList()) {
        bySplit.put(r.getString(0), r);
      }
    }
    for (String s : ShardLayout.SPLITS) {
      Row r = bySplit.get(s);
      long[] eg = report.examplesAndGroupsPerSplit().getOrDefault(s, new long[] {0, 0});
      DatasetCard.SplitFigures f = r == null ? new DatasetCard.SplitFigures(0, 0, 0, 0, 0)
          : new DatasetCard.SplitFigures(r.getLong(1), eg[0], r.getLong(2), r.getLong(3), eg[1]);
      splits.put(s, f);
      rows += f.rows();
      tokens += f.tokens();
      examples += f.examples();
    }
    int max = bs.encode().maxTokens();
    double fill = rows == 0 ? 0 : tokens / ((double) rows * max);
    DatasetCard card = new DatasetCard(runId,
        new DatasetCard.TokenizerInfo(modelDir.toString(), files.tokenizerSha256(), files.configSha256(), files.tokenizerClass()),
        new DatasetCard.TemplateInfo(template.name(), Hashing.sha256(template.source()), template.source()),
        bs.cardOptions(), report.counts(), splits,
        new DatasetCard.TruncationFigures(bs.encode().truncation().name().toLowerCase(Locale.ROOT), max, report.truncated(),
            report.splitInputs(), report.piecesFromSplits(), report.droppedTooLong()),
        new DatasetCard.PackingFigures(bs.packing(), rows, examples, rows == 0 ? 0 : examples / (double) rows, fill),
        report.lengths());
    put(spark, folder + "/" + ShardLayout.CARD_JSON, card.toJson());
    put(spark, folder + "/" + ShardLayout.CARD_MD, card.toMarkdown());
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Long> rowsPerSplit = new LinkedHashMap<>();
    splits.forEach((k, v) -> rowsPerSplit.put(k, v.rows()));
    out.put("rows_per_split", rowsPerSplit);
    out.put("tokens", tokens);
    out.put("fill_ratio", Math.round(fill * 10000) / 10000.0);
    out.put("tokenizer_sha256", files.tokenizerSha256());
    out.put("template", template.name());
    return out;
  }

  private static void put(SparkSession spark, String path, String content) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(p, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasSplitFolders(SparkSession spark, String folder) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(folder);
      org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(p)) {
        if (st.isDirectory() && st.getPath().getName().startsWith("split=")) return true;
      }
      return false;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + folder, e);
    }
  }
}
