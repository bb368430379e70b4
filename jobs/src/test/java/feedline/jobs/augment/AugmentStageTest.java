package feedline.jobs.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;

import feedline.common.augment.ProtectedSpans;
import feedline.common.config.ConfigError;
import feedline.jobs.SparkTestBase;
import feedline.jobs.stage.StageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The augment stage in local Spark, back-translating through the real Apertium engine. */
class AugmentStageTest extends SparkTestBase {
  static final String EN1 = "The clinic opens at 9 on weekdays. Parking behind the building is free for patients. "
      + "Call <PHONE_1> to book a visit with the nurse.";
  static final String EN2 = "My router keeps dropping the connection every evening. The green light blinks quickly and the "
      + "internet stops working for a few minutes.";
  static final String ZH1 = "患者每天需要服用两片药。请明天到医院复查。如有不适请拨打<PHONE_1>。";
  static final String STEPS = "1. Unplug the router.\n2. Wait 30 seconds.\n3. Plug the router back in.";

  private Dataset<Row> rows() {
    StructType schema = new StructType().add("doc_id", DataTypes.StringType, true).add("source", DataTypes.StringType, true)
        .add("lang", DataTypes.StringType, true).add("text", DataTypes.StringType, true)
        .add("answer", DataTypes.StringType, true);
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("en1", "clinic", "en", EN1, STEPS));
    rows.add(RowFactory.create("en2", "forum", null, EN2, null));
    rows.add(RowFactory.create("zh1", "clinic", "zh", ZH1, null));
    rows.add(RowFactory.create("ph", "clinic", "en", "<PHONE_1> [EMAIL]", null));
    rows.add(RowFactory.create("empty", "clinic", "en", "  ", null));
    rows.add(RowFactory.create(null, "clinic", "en", "a row without id", null));
    return spark.createDataFrame(rows, schema).repartition(2);
  }

  private StageResult augment(String... overrides) {
    return runStage(new AugmentStage(), rows(), "test-run", overrides);
  }

  @Test
  void writesParentsAndKeptVariantsWithAccountingThatBalances() {
    StageResult r = augment("feedline.augment.fields=[text, answer]",
        "feedline.augment.order-free-fields=[text]");
    assertThat(r.balanced()).isTrue();
    Dataset<Row> out = output(r, "augmented");
    List<Row> parents = out.filter(col("method").equalTo("original")).collectAsList();
    assertThat(parents).extracting(p -> p.<String>getAs("doc_id")).containsExactlyInAnyOrder("en1", "en2", "zh1", "ph", "empty");
    List<Row> variants = out.filter(col("method").notEqual("original")).collectAsList();
    assertThat(variants).isNotEmpty();
    for (Row v : variants) {
      String parent = v.getAs("parent_id");
      String field = v.getAs("augmented_field");
      assertThat(parent).isIn("en1", "en2", "zh1");
      assertThat(v.<String>getAs("doc_id")).isNotIn("en1", "en2", "zh1").hasSize(32);
      String parentText = parents.stream().filter(p -> p.getAs("doc_id").equals(parent)).findFirst().orElseThrow()
          .getAs(field);
      String text = v.getAs(field);
      assertThat(text).isNotEqualTo(parentText);
      assertThat(ProtectedSpans.placeholders(text)).containsExactlyElementsOf(ProtectedSpans.placeholders(parentText));
      assertThat(ProtectedSpans.numbers(text)).containsExactlyInAnyOrderElementsOf(ProtectedSpans.numbers(parentText));
      assertThat(v.<Double>getAs("similarity")).isNotNull();
    }
    // every method shows up, English goes through Spanish and back for real
    assertThat(variants).extracting(v -> v.<String>getAs("method")).contains("synonym", "shuffle", "back_translation");
    assertThat(variants).filteredOn(v -> v.getAs("method").equals("back_translation"))
        .allSatisfy(v -> assertThat(v.<String>getAs("aug_note")).isEqualTo("pivot=es"))
        .allSatisfy(v -> assertThat(v.<String>getAs("parent_id")).startsWith("en"));
    // the numbered steps of the answer field are never reordered (it is not order-free, and it reads as steps)
    assertThat(variants).filteredOn(v -> "answer".equals(v.getAs("augmented_field")))
        .extracting(v -> v.<String>getAs("method")).doesNotContain("shuffle", "eda");
    // Chinese gets synonym variants from HanLP's dictionary
    assertThat(variants).filteredOn(v -> v.getAs("parent_id").equals("zh1")).extracting(v -> v.<String>getAs("method"))
        .contains("synonym");
    assertThat(r.quarantined()).isEqualTo(1);
    assertThat(r.quarantineReasons()).containsEntry("bad_record", 1L);
    @SuppressWarnings("unchecked")
    Map<String, Long> skipped = (Map<String, Long>) r.details().get("skipped_by_rule");
    assertThat(skipped).containsEntry("text:placeholders_only,answer:empty", 1L).containsEntry("text:empty,answer:empty", 1L);
    @SuppressWarnings("unchecked")
    Map<String, Object> tr = (Map<String, Object>) r.details().get("translator");
    assertThat((Long) tr.get("calls")).isPositive();
    // drops carry their reason and their parent
    Dataset<Row> drops = output(r, "drops");
    assertThat(drops.filter(col("drop_reason").isNull()).count()).isZero();
    assertThat(drops.filter(col("parent_id").isNull()).count()).isZero();
  }

  @Test
  void aTranslatorThatIsDownCostsOnlyItsVariants() {
    StageResult r = augment("feedline.augment.methods=[back_translation, synonym]",
        "feedline.augment.back-translation.apertium.binary=/nonexistent/apertium");
    assertThat(r.balanced()).isTrue();
    assertThat(r.dropReasons()).containsEntry("translator_error", 2L); // en1 and en2, one pivot each
    assertThat(output(r, "augmented").filter(col("method").equalTo("synonym")).count()).isPositive();
    assertThat(output(r, "drops").filter(col("drop_reason").equalTo("translator_error")).first()
        .<String>getAs("drop_detail")).contains("cannot start");
  }

  @Test
  void badConfigNamesTheKey() {
    assertThatThrownBy(() -> augment("feedline.augment.methods=[synonym, rewrite]"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.methods").hasMessageContaining("rewrite");
    assertThatThrownBy(() -> augment("feedline.augment.fields=[question]"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("question");
  }
}
