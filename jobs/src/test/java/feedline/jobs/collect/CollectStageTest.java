package feedline.jobs.collect;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import feedline.jobs.SparkTestBase;
import feedline.jobs.stage.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CollectStageTest extends SparkTestBase {

  private StageResult collect(Path input, String runId, String... more) {
    String[] args = new String[more.length + 3];
    args[0] = "collect.input.paths=[\"" + input.toUri() + "\"]";
    args[1] = "collect.max-file-bytes=4k";
    args[2] = "collect.source=fixtures";
    System.arraycopy(more, 0, args, 3, more.length);
    return runStage(new CollectStage(), null, runId, args);
  }

  @Test
  void collectsEveryFormatAndDecodesLegacyEncodings() throws Exception {
    Path in = tmp.resolve("in");
    CorpusFixtures.writeGood(in);
    StageResult r = collect(in, "run-1");

    assertThat(r.balanced()).isTrue();
    assertThat(r.quarantineReasons()).containsOnlyKeys("bad_record");
    Dataset<Row> docs = output(r, "documents");
    Map<String, Long> byFormat = docs.groupBy("format").count().collectAsList().stream()
        .collect(Collectors.toMap(x -> x.getString(0), x -> x.getLong(1)));
    assertThat(byFormat).containsEntry("csv", 2L).containsEntry("jsonl", 2L).containsEntry("chat", 2L)
        .containsEntry("html", 1L).containsEntry("pdf", 1L).containsEntry("docx", 1L).containsEntry("md", 1L)
        .containsEntry("txt", 3L);

    Row qa = docs.filter(col("format").equalTo("csv").and(col("text").contains("高血压"))).first();
    assertThat(qa.<String>getAs("charset")).isEqualTo("GB18030");
    String nfkcQuestion = java.text.Normalizer.normalize(CorpusFixtures.GBK_QUESTION, java.text.Normalizer.Form.NFKC);
    assertThat(nfkcQuestion).endsWith("?");
    assertThat(qa.<String>getAs("text")).startsWith(nfkcQuestion);
    Map<String, String> fields = scala.jdk.javaapi.CollectionConverters.asJava(qa.<scala.collection.Map<String, String>>getAs("fields"));
    assertThat(fields).containsEntry("question", nfkcQuestion);

    Row big5 = docs.filter(col("uri").endsWith("big5.txt")).first();
    assertThat(big5.<String>getAs("charset")).isEqualTo("Big5");
    assertThat(big5.<String>getAs("text")).contains("資料清洗");

    Row note = docs.filter(col("uri").endsWith("note.txt")).first();
    assertThat(note.<String>getAs("text")).doesNotContain("\r").doesNotContain("\u0000").contains("\nMachine");
    assertThat(note.<Integer>getAs("control_chars_removed")).isEqualTo(1);

    assertThat(docs.filter(col("uri").endsWith("utf16.txt")).first().<String>getAs("text")).isEqualTo("UTF-16 text with a byte order mark.");
    Row html = docs.filter(col("format").equalTo("html")).first();
    assertThat(html.<String>getAs("text")).contains("Visible paragraph & entity.").doesNotContain("secret").doesNotContain("color:red");
    assertThat(docs.filter(col("format").equalTo("pdf")).first().<String>getAs("text")).contains("Portable document text");
    assertThat(docs.filter(col("format").equalTo("docx")).first().<String>getAs("text")).contains("Word document paragraph");

    Row conv = docs.filter(col("format").equalTo("chat").and(col("record_key").equalTo("conv-c1"))).first();
    assertThat(conv.<String>getAs("text")).isEqualTo("user: 我的订单还没到。\nassistant: 请提供订单号。");

    assertThat(docs.select("doc_id").distinct().count()).isEqualTo(docs.count());
    assertThat(docs.filter(col("source").notEqual("fixtures")).count()).isZero();
    Row bad = output(r, "quarantine").first();
    assertThat(bad.<String>getAs("payload")).isEqualTo("{not json at all");
  }

  @Test
  void quarantinesEachKindOfBadInputAndGoesOn() throws Exception {
    Path in = tmp.resolve("in");
    CorpusFixtures.writeBad(in);
    Files.writeString(in.resolve("fine.txt"), "one good file among bad ones");
    StageResult r = collect(in, "run-bad");

    assertThat(r.balanced()).isTrue();
    assertThat(r.out()).isEqualTo(1);
    assertThat(r.quarantineReasons()).containsOnly(Map.entry("empty_file", 1L), Map.entry("binary_content", 1L),
        Map.entry("corrupt_file", 1L), Map.entry("too_large", 1L), Map.entry("unsupported_format", 1L));
    List<Row> q = output(r, "quarantine").collectAsList();
    assertThat(q).allSatisfy(row -> {
      assertThat(row.<String>getAs("stage")).isEqualTo("collect");
      assertThat(row.<String>getAs("detail")).isNotBlank();
      assertThat(row.<String>getAs("run_id")).isEqualTo("run-bad");
    });
  }

  @Test
  void rerunIsIdenticalAndIncrementalSkipsWhatItHas() throws Exception {
    Path in = tmp.resolve("in");
    CorpusFixtures.writeGood(in);
    StageResult first = collect(in, "night-1", "collect.incremental=false");
    StageResult again = collect(in, "night-1b", "collect.incremental=false");
    assertThat(rows(output(again, "documents"))).isEqualTo(rows(output(first, "documents")));

    Files.writeString(in.resolve("new.txt"), "a file that arrived on the second night");
    StageResult second = collect(in, "night-2");
    assertThat(second.balanced()).isTrue();
    assertThat(second.out()).isEqualTo(1);
    assertThat(second.dropReasons()).containsOnlyKeys("already_collected");
    assertThat(second.dropped()).isEqualTo(Files.list(in).count() - 1);
    assertThat(output(second, "documents").first().<String>getAs("uri")).endsWith("new.txt");
  }

  private static List<String> rows(Dataset<Row> docs) {
    return docs.drop("run_id", "collected_at").orderBy("doc_id").toJSON().collectAsList();
  }
}
