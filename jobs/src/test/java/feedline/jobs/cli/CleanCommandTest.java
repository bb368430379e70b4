package feedline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.jobs.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CleanCommandTest extends SparkTestBase {
  static final String GOOD_EN = "Data cleaning removes boilerplate, fixes broken encodings and filters low quality text "
      + "before fine-tuning. Near duplicate detection keeps a single copy of documents that differ only slightly.";
  static final String GOOD_ZH = "数据清洗是训练大模型之前最重要的步骤之一。它决定了模型最终的效果，也影响训练所需的时间。";

  @Test
  void commandLineCleansJsonlToParquetWithDropsAndReport() throws Exception {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"text\":\"" + GOOD_EN + "\"}\n{\"id\":\"b\",\"text\":\"" + GOOD_ZH
        + "\"}\n{\"id\":\"c\",\"text\":\"short\"}\n");
    Path out = tmp.resolve("out/clean.parquet");
    Path dropsPath = tmp.resolve("out/drops.jsonl");
    Path reportPath = tmp.resolve("out/report.jsonl");
    int code = Main.run(new String[] {"clean", "--input", in.toString(), "--output", out.toString(), "--drops",
        dropsPath.toString(), "--report", reportPath.toString(), "spark.master=local[2]"});
    assertThat(code).isZero();
    List<Row> rows = feedline.jobs.SharedSpark.get().read().parquet(out.toString()).collectAsList();
    assertThat(rows).extracting(x -> x.<String>getAs("id")).containsExactlyInAnyOrder("a", "b");
    assertThat(Files.readString(dropsPath)).contains("\"id\":\"c\"").contains("\"drop_reason\":\"too_short\"");
    assertThat(Files.readString(reportPath)).contains("\"section\":\"lang_all\"").contains("\"key\":\"too_short\"");
  }

}
