package feedline.jobs.clean;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import feedline.jobs.SparkTestBase;
import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import feedline.jobs.pipeline.Pipeline;
import feedline.jobs.stage.StageResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CleanStageTest extends SparkTestBase {
  static final String GOOD_EN = "Data cleaning removes boilerplate, fixes broken encodings and filters low quality text "
      + "before fine-tuning. Near duplicate detection keeps a single copy of documents that differ only slightly.";
  static final String GOOD_ZH = "数据清洗是训练大模型之前最重要的步骤之一。它决定了模型最终的效果，也影响训练所需的时间。";

  private static String mojibake(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), java.nio.charset.Charset.forName("windows-1252"));
  }

  @Test
  void cleansFiltersAndAccountsForEveryRow() {
    StringBuilder huge = new StringBuilder();
    while (huge.length() < 200_000) huge.append("one very long line without any break ");
    String garbage = new String(new byte[] {0, 1, 2, 3, (byte) 0xFF, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17}, StandardCharsets.ISO_8859_1);
    Dataset<Row> in = texts(
        "en", "<p>" + GOOD_EN + "</p>   &amp; more   text\u200B here.",
        "zh", GOOD_ZH,
        "moji", mojibake("Café owners say the déjà vu feeling comes from the smell of fresh coffee every morning."),
        "trad", "資料清洗是訓練大型模型之前最重要的步驟之一，它決定了模型最終的效果。",
        "null", null,
        "short", "Too short.",
        "de", "Das ist ein ganz normaler deutscher Satz über das Wetter heute in Berlin und München.",
        "thai", "ภาษาไทยเป็นภาษาที่สวยงามมากและมีประวัติศาสตร์ยาวนาน",
        "rep", "This is the best product ever, this is the best product ever, this is the best product ever, "
            + "this is the best product ever, this is the best product ever.",
        "huge", huge.toString(),
        "bin", garbage);
    StageResult r = runStage(new CleanStage(), in, "clean-1", new String[] {"clean.correct.traditional-to-simplified=true",
        "clean.filters.max-length.max-input-chars=100000"});

    assertThat(r.balanced()).isTrue();
    assertThat(r.in()).isEqualTo(11);
    assertThat(r.out()).isEqualTo(4);
    assertThat(r.dropReasons()).containsOnly(Map.entry("empty_text", 1L), Map.entry("too_short", 1L),
        Map.entry("lang_not_kept", 2L), Map.entry("top_ngram_repetition", 1L), Map.entry("too_long", 1L),
        Map.entry("binary_garbage", 1L));

    Map<String, Row> kept = output(r, "documents_clean").collectAsList().stream()
        .collect(Collectors.toMap(x -> x.getAs("doc_id"), x -> x));
    assertThat(kept).containsOnlyKeys("en", "zh", "moji", "trad");
    Row en = kept.get("en");
    assertThat(en.<String>getAs("text")).isEqualTo(GOOD_EN + "\n& more text here.");
    assertThat(en.<String>getAs("lang")).isEqualTo("en");
    assertThat(javaMap(en.getAs("clean_edits"))).containsKeys("markup", "html_entities", "invisible", "whitespace");
    assertThat(javaMap(en.getAs("quality"))).containsKeys("symbol_ratio", "top_2gram_fraction", "mean_word_length");
    assertThat(en.<Double>getAs("quality_score")).isBetween(0.5, 1.0);
    assertThat(kept.get("moji").<String>getAs("text")).startsWith("Café owners say the déjà vu");
    assertThat(kept.get("trad").<String>getAs("text")).isEqualTo("资料清洗是训练大型模型之前最重要的步骤之一，它决定了模型最终的效果。");
    assertThat(kept.get("zh").<String>getAs("lang")).isEqualTo("zh");
    assertThat(javaMap(kept.get("zh").getAs("scripts"))).containsEntry("han", 1.0);

    Map<String, Row> drops = output(r, "drops").collectAsList().stream()
        .collect(Collectors.toMap(x -> x.getAs("doc_id"), x -> x));
    assertThat(drops.get("de").<String>getAs("drop_detail")).contains("lang=de");
    assertThat(drops.get("thai").<String>getAs("drop_reason")).isEqualTo("lang_not_kept");
    assertThat(drops.get("thai").<String>getAs("lang")).isEqualTo("th");
    assertThat(drops.get("huge").<String>getAs("drop_detail")).contains("max-input-chars");
    assertThat(drops.get("huge").<String>getAs("text")).hasSize(huge.length());

    Dataset<Row> report = output(r, CleanStage.REPORT);
    Row lang = report.filter(col("section").equalTo("drop_rule").and(col("key").equalTo("lang_not_kept"))).first();
    assertThat(lang.getLong(lang.fieldIndex("docs"))).isEqualTo(2);
    assertThat(lang.<String>getList(lang.fieldIndex("example_ids"))).containsExactly("de", "thai");
    Row t2s = report.filter(col("section").equalTo("edit_step").and(col("key").equalTo("traditional_to_simplified"))).first();
    assertThat(t2s.<String>getList(t2s.fieldIndex("example_ids"))).containsExactly("trad");
    assertThat(r.details()).containsKeys("drop_rule", "edit_step", "lang_kept", "lang_all");
    @SuppressWarnings("unchecked")
    Map<String, Object> langKept = (Map<String, Object>) r.details().get("lang_kept");
    assertThat(langKept).containsOnlyKeys("en", "zh");
  }

  @Test
  void runsAfterCollectInThePipeline() throws Exception {
    Path dir = tmp.resolve("raw");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("a.txt"), GOOD_EN);
    Files.writeString(dir.resolve("b.txt"), "tiny");
    Pipeline.Result res = new Pipeline(spark, config("collect.input.paths=[\"" + dir.toUri() + "\"]",
        "pipeline.stages=[collect, clean]", "run.id=p1")).run();
    assertThat(res.stages()).extracting(StageResult::stage).containsExactly("collect", "clean");
    StageResult clean = res.stages().get(1);
    assertThat(clean.balanced()).isTrue();
    assertThat(clean.out()).isEqualTo(1);
    assertThat(clean.dropReasons()).containsOnly(Map.entry("too_short", 1L));
    Lake lake = res.lake();
    assertThat(lake.isCommitted("documents_clean", "p1")).isTrue();
    assertThat(Manifest.load(lake, "p1").orElseThrow().json()).contains("clean_report");
  }

  private static <V> Map<String, V> javaMap(scala.collection.Map<String, V> m) {
    return scala.jdk.javaapi.CollectionConverters.asJava(m);
  }
}
