package feedline.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.common.config.ConfigError;
import feedline.common.model.Reasons;
import feedline.jobs.SparkTestBase;
import feedline.jobs.lake.Lake;
import feedline.jobs.stage.StageResult;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DedupStageTest extends SparkTestBase {

  private static Map<String, Row> byId(Dataset<Row> rows) {
    Map<String, Row> m = new HashMap<>();
    for (Row r : rows.collectAsList()) m.put(r.getAs("doc_id"), r);
    return m;
  }

  @Test
  void plantedDuplicatesAreFoundUnrelatedTextsKeptAndBadInputHandled() {
    TestTexts t = new TestTexts(1);
    List<String> rows = new ArrayList<>();
    String en = t.english(120);
    String zh = t.chinese(300);
    add(rows, "en", en);
    add(rows, "en-near", t.replaceWords(en, 1));           // J ~ 0.9 on 5-word shingles
    add(rows, "en-exact", en.toUpperCase() + " !!!!!!!!!!!!!!!!!!!!!!!!");  // same normalized text, longest
    add(rows, "zh", zh);
    add(rows, "zh-near", t.replaceChars(zh, 2));           // J ~ 0.94 on 5-char shingles
    add(rows, "zh-width", zh.replace('，', ','));           // punctuation change only
    add(rows, "en-far", t.replaceWords(en, 30));           // J well below 0.8: a different text
    for (int i = 0; i < 8; i++) add(rows, "u" + i, i % 2 == 0 ? t.english(100) : t.chinese(250));
    add(rows, "blank1", "   ");
    add(rows, "blank2", "\n\t");
    add(rows, "one-word", "Hello");
    add(rows, "one-word-2", "hello!");
    add(rows, "no-text", null);
    add(rows, null, "an id-less row");

    StageResult r = runStage(new DedupStage(), rowsOf(rows), "run-1", new String[0]);

    assertThat(r.balanced()).isTrue();
    assertThat(r.in()).isEqualTo(rows.size() / 2);
    assertThat(r.quarantineReasons()).containsEntry(Reasons.NO_TEXT, 1L).containsEntry(Reasons.BAD_RECORD, 1L);
    Map<String, Row> drops = byId(output(r, "drops"));
    assertThat(drops.keySet()).containsExactlyInAnyOrder("en-near", "en", "zh-near", "zh-width", "blank2", "one-word");
    // longest survives: the upper-cased copy with trailing punctuation; equal lengths fall to the smaller id
    assertDrop(drops, "en-near", Reasons.NEAR_DUPLICATE, "en-exact");
    assertDrop(drops, "en", Reasons.EXACT_DUPLICATE, "en-exact");
    assertDrop(drops, "zh-near", Reasons.NEAR_DUPLICATE, "zh");
    assertDrop(drops, "zh-width", Reasons.EXACT_DUPLICATE, "zh");
    assertDrop(drops, "blank2", Reasons.EXACT_DUPLICATE, "blank1");
    assertDrop(drops, "one-word", Reasons.EXACT_DUPLICATE, "one-word-2");
    assertThat(drops.get("en").<String>getAs("text")).isEqualTo(en);

    Map<String, Row> kept = byId(output(r, "documents_dedup"));
    assertThat(kept.keySet()).containsExactlyInAnyOrder("en-exact", "zh", "en-far", "u0", "u1", "u2", "u3", "u4", "u5", "u6",
        "u7", "blank1", "one-word-2");

    Map<String, Row> clusters = byId(output(r, DedupStage.CLUSTERS));
    assertThat(clusters).hasSize(rows.size() / 2 - 2);
    String enCluster = clusters.get("en").getAs("cluster_id");
    assertThat(enCluster).isEqualTo("en-exact");
    assertThat(clusters.get("en-near").<String>getAs("cluster_id")).isEqualTo(enCluster);
    assertThat(clusters.get("en-exact").<String>getAs("cluster_id")).isEqualTo(enCluster);
    assertThat(clusters.get("en-far").<String>getAs("cluster_id")).isEqualTo("en-far");
    assertThat(clusters.values().stream().filter(x -> x.<Boolean>getAs("survivor")).count()).isEqualTo(kept.size());
    @SuppressWarnings("unchecked")
    Map<String, Object> counts = (Map<String, Object>) r.details().get("counts");
    assertThat(counts).containsEntry("empty_texts", 2L).containsEntry(Reasons.NEAR_DUPLICATE, 2L)
        .containsEntry(Reasons.EXACT_DUPLICATE, 4L);
    assertThat((Long) counts.get("short_texts")).isEqualTo(2L);
    assertThat(r.details()).containsKeys("cluster_sizes", "dup_rate_by_source", "phase_seconds");
    List<Row> report = output(r, DedupStage.REPORT).collectAsList();
    assertThat(report).anySatisfy(x -> {
      assertThat(x.getString(0)).isEqualTo("near");
      assertThat(x.getString(1)).isEqualTo("bands");
      assertThat(x.getDouble(2)).isEqualTo(16.0);
    });
  }

  @Test
  void nightlyRunFindsDuplicatesOfEarlierKeptDocumentsWithoutTheirText() throws Exception {
    TestTexts t = new TestTexts(2);
    String a = t.english(100);
    String b = t.chinese(200);
    String c = t.english(100);
    StageResult first = runStage(new DedupStage(), texts("a", a, "b", b), "run-1", new String[0]);
    assertThat(first.out()).isEqualTo(2);
    // the old text is gone: only the signature index of run-1 remains
    Lake lake = new Lake(lakeRoot(), spark.sparkContext().hadoopConfiguration());
    lake.delete(lake.tablePath("documents_clean", "run-1"));
    lake.delete(lake.tablePath("documents_dedup", "run-1"));
    assertThat(lake.isCommitted("dedup_index", "run-1")).isTrue();

    StageResult second = runStage(new DedupStage(),
        texts("a-near", t.replaceWords(a, 1), "b-copy", " " + b + " ", "c", c, "c-copy", c), "run-2", new String[0]);
    assertThat(second.balanced()).isTrue();
    Map<String, Row> drops = byId(output(second, "drops"));
    assertThat(drops.keySet()).containsExactlyInAnyOrder("a-near", "b-copy", "c-copy");
    assertThat(drops.get("a-near").<String>getAs("drop_reason")).isEqualTo(Reasons.NEAR_DUPLICATE);
    assertThat(drops.get("a-near").<String>getAs("survivor_id")).isEqualTo("a");
    assertThat(drops.get("a-near").<String>getAs("drop_detail")).contains("earlier run");
    assertThat(drops.get("b-copy").<String>getAs("drop_reason")).isEqualTo(Reasons.EXACT_DUPLICATE);
    assertThat(drops.get("b-copy").<String>getAs("survivor_id")).isEqualTo("b");
    assertThat(drops.get("c-copy").<String>getAs("survivor_id")).isEqualTo("c");
    // run-2 adds only what it kept to the index
    List<String> indexed = spark.read().parquet(lake.tablePath("dedup_index", "run-2")).select(col("doc_id")).as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(indexed).containsExactly("c");

    // an index made with other shingle settings is refused with the key to change
    assertThatThrownBy(() -> runStage(new DedupStage(), texts("d", t.english(50)), "run-3", new String[] {"dedup.near.word-n=3"}))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.dedup.index.table");
  }

  @Test
  void oldestPolicyKeepsTheEarliestCopyOfEveryCluster() {
    TestTexts t = new TestTexts(3);
    String a = t.english(100);
    StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("source", DataTypes.StringType)
        .add("text", DataTypes.StringType).add("collected_at", DataTypes.TimestampType);
    List<Row> rows = List.of(
        RowFactory.create("new-long", "web", a + " extra words here", new Timestamp(3_000_000L)),
        RowFactory.create("old-short", "web", a, new Timestamp(1_000_000L)),
        RowFactory.create("mid-copy", "forum", a.toUpperCase(), new Timestamp(2_000_000L)),
        RowFactory.create("no-time", "forum", a + " ", null));
    StageResult r = runStage(new DedupStage(), spark.createDataFrame(rows, schema), "run-1",
        new String[] {"dedup.survivor.policy=oldest"});
    assertThat(r.out()).isEqualTo(1);
    Map<String, Row> drops = byId(output(r, "drops"));
    assertThat(drops.values().stream().map(x -> x.<String>getAs("survivor_id")).collect(Collectors.toSet()))
        .containsExactly("old-short");
    assertThat(drops.get("new-long").<String>getAs("drop_reason")).isEqualTo(Reasons.NEAR_DUPLICATE);
    assertThat(drops.get("mid-copy").<String>getAs("drop_reason")).isEqualTo(Reasons.EXACT_DUPLICATE);
  }

  @Test
  void badSettingsNameTheKey() {
    assertThatThrownBy(() -> settings("dedup.near.bands=40", "dedup.near.rows=4"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.dedup.near.bands").hasMessageContaining("128");
    assertThatThrownBy(() -> settings("dedup.near.bands=4"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.dedup.near.rows");
    assertThatThrownBy(() -> settings("dedup.near.verify=maybe"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.dedup.near.verify").hasMessageContaining("signature");
    assertThatThrownBy(() -> settings("dedup.survivor.policy=random"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.dedup.survivor.policy").hasMessageContaining("quality");
    DedupConfig fixed = settings("dedup.near.bands=20", "dedup.near.rows=6");
    assertThat(fixed.lsh()).isEqualTo(new feedline.common.dedup.LshParams(20, 6));
    assertThat(fixed.lshDerived()).isFalse();
    assertThat(settings().lsh()).isEqualTo(new feedline.common.dedup.LshParams(16, 8));
  }

  private DedupConfig settings(String... overrides) {
    return DedupConfig.from(new feedline.common.config.Settings(config(overrides), "feedline.dedup"));
  }

  private static void assertDrop(Map<String, Row> drops, String id, String reason, String survivor) {
    assertThat(drops.get(id).<String>getAs("drop_reason")).as(id).isEqualTo(reason);
    assertThat(drops.get(id).<String>getAs("survivor_id")).as(id).isEqualTo(survivor);
  }

  /** Rows with nullable doc_id and text, source "test". */
  private Dataset<Row> rowsOf(List<String> idThenText) {
    StructType schema = new StructType().add("doc_id", DataTypes.StringType, true)
        .add("source", DataTypes.StringType, true).add("text", DataTypes.StringType, true);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i + 1 < idThenText.size(); i += 2) out.add(RowFactory.create(idThenText.get(i), "test", idThenText.get(i + 1)));
    return spark.createDataFrame(out, schema);
  }

  private static void add(List<String> rows, String id, String text) {
    rows.add(id);
    rows.add(text);
  }
}
