package feedline.jobs.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;

import feedline.common.config.ConfigError;
import feedline.common.select.CharNgramLogisticRegression;
import feedline.common.select.Uncertainty;
import feedline.jobs.SparkTestBase;
import feedline.jobs.stage.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** select on a model trained in the test from labeled rows: the most uncertain rows are picked first. */
class SelectStageTest extends SparkTestBase {
  static final List<String> COMPLAINTS = List.of(
      "the parcel arrived late and broken", "refund still not paid after two weeks", "terrible support, nobody answers",
      "late delivery again, very slow", "broken item and no refund", "the app crashes and support is useless",
      "快递太慢了，包裹还坏了", "退款一直没到账", "客服不回复，太差了", "slow shipping and a damaged box");
  static final List<String> PRAISE = List.of(
      "great service, thank you so much", "fast delivery and lovely packaging", "excellent quality, very happy",
      "thanks, the support team was wonderful", "love it, arrived early", "perfect product, great price",
      "非常满意，谢谢客服", "物流很快，质量很好", "太棒了，下次还买", "wonderful experience, thank you");

  // the unlabeled pool: clear cases and planted mixed ones (ids mix*)
  static final String[][] POOL = {
      {"c1", "forum", "late and broken, still no refund"}, {"c2", "forum", "terrible slow delivery"},
      {"c3", "shop", "退款太慢了"}, {"p1", "forum", "thank you, great quality"}, {"p2", "shop", "物流很快，谢谢"},
      {"p3", "shop", "excellent, fast and perfect"}, {"mix1", "forum", "thanks for the refund but the parcel was late"},
      {"mix2", "forum", "great price, slow support"}, {"mix3", "forum", "质量很好但是快递太慢"},
      {"blank", "shop", "   "}};

  Path labeled;

  @BeforeEach
  void labeledRows() throws Exception {
    StringBuilder b = new StringBuilder();
    COMPLAINTS.forEach(t -> b.append("{\"text\":\"").append(t).append("\",\"label\":\"complaint\"}\n"));
    PRAISE.forEach(t -> b.append("{\"text\":\"").append(t).append("\",\"label\":\"praise\"}\n"));
    labeled = Files.writeString(tmp.resolve("labeled.jsonl"), b.toString());
  }

  Dataset<Row> pool() {
    StructType schema = new StructType().add("doc_id", DataTypes.StringType, false).add("source", DataTypes.StringType, true)
        .add("text", DataTypes.StringType, true);
    List<Row> rows = new ArrayList<>();
    for (String[] r : POOL) rows.add(RowFactory.create(r[0], r[1], r[2]));
    return spark.createDataFrame(rows, schema);
  }

  String[] conf(String... more) {
    List<String> c = new ArrayList<>(List.of("select.scorer.options.train=\"" + labeled + "\"", "select.batch-size=2"));
    c.addAll(List.of(more));
    return c.toArray(String[]::new);
  }

  /** Entropy of every pool text under the same model, trained here from the same rows. */
  Map<String, Double> entropies() {
    List<String> texts = new ArrayList<>(COMPLAINTS);
    texts.addAll(PRAISE);
    List<String> labels = new ArrayList<>();
    COMPLAINTS.forEach(x -> labels.add("complaint"));
    PRAISE.forEach(x -> labels.add("praise"));
    CharNgramLogisticRegression m = CharNgramLogisticRegression.train(texts, labels, null, CharNgramLogisticRegression.Params.defaults());
    return IntStream.range(0, POOL.length - 1).boxed().collect(Collectors.toMap(i -> POOL[i][0],
        i -> Uncertainty.ENTROPY.of(m.predict(List.of(POOL[i][2])).get(0))));
  }

  @Test
  void mostUncertainRowsArePickedFirst() {
    StageResult r = runStage(new SelectStage(), pool(), conf("select.budget=3"));
    assertThat(r.balanced()).isTrue();
    List<Row> picked = output(r, "to_annotate").orderBy(col("select_rank")).collectAsList();
    List<String> ids = picked.stream().map(x -> x.<String>getAs("doc_id")).toList();
    Map<String, Double> h = entropies();
    List<String> expected = h.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(Map.Entry::getKey).limit(3).toList();
    assertThat(ids).containsExactlyElementsOf(expected);
    assertThat(ids).containsExactlyInAnyOrder("mix1", "mix2", "mix3");
    assertThat(picked).isSortedAccordingTo(Comparator.comparingDouble((Row x) -> x.<Double>getAs("uncertainty")).reversed());
    assertThat(picked.get(0).<Double>getAs("uncertainty")).isCloseTo(h.get(ids.get(0)), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(picked.get(0).<String>getAs("label_probs")).contains("complaint").contains("praise");
    assertThat(picked.get(0).<String>getAs("strategy")).isEqualTo("entropy");
    // accounting: 10 in = 3 picked + 6 not selected + 1 quarantined (blank text)
    Dataset<Row> drops = output(r, "drops");
    assertThat(drops.count()).isEqualTo(6);
    assertThat(drops.filter(col("drop_reason").equalTo("not_selected")).count()).isEqualTo(6);
    assertThat(output(r, "quarantine").collectAsList()).singleElement()
        .satisfies(q -> assertThat(q.<String>getAs("reason")).isEqualTo("no_text"));
  }

  @Test
  void oneCandidatePerSourceAndNoRepeatsAcrossRuns() {
    // max one pick per source: the shop's most uncertain row is picked although forum rows score higher
    StageResult r = runStage(new SelectStage(), pool(), "run-a", conf("select.budget=5", "select.diversity.mode=source"));
    List<Row> picked = output(r, "to_annotate").collectAsList();
    assertThat(picked).hasSize(2);
    Map<String, Double> h = entropies();
    String bestShop = List.of("c3", "p2", "p3").stream().max(Comparator.comparingDouble(h::get)).orElseThrow();
    String bestForum = List.of("c1", "c2", "p1", "mix1", "mix2", "mix3").stream().max(Comparator.comparingDouble(h::get)).orElseThrow();
    assertThat(bestForum).startsWith("mix");
    assertThat(h.get(bestShop)).isLessThan(h.get("mix1")).isLessThan(h.get("mix2")).isLessThan(h.get("mix3"));
    assertThat(picked.stream().map(x -> x.<String>getAs("doc_id")).toList()).containsExactlyInAnyOrder(bestForum, bestShop);

    // a later run of the same lake does not offer those two again
    StageResult r2 = runStage(new SelectStage(), pool(), "run-b", conf("select.budget=1"));
    assertThat(output(r2, "to_annotate").collectAsList()).singleElement()
        .satisfies(x -> assertThat(x.<String>getAs("doc_id")).isNotIn(bestForum, bestShop));
    assertThat(output(r2, "drops").filter(col("drop_reason").equalTo("already_selected")).count()).isEqualTo(2);
  }

  @Test
  void clusterModeNeedsClustersAndStrategyIsValidated() {
    assertThatThrownBy(() -> runStage(new SelectStage(), pool(), conf("select.diversity.mode=cluster")))
        .hasMessageContaining("feedline.select.diversity.mode").hasMessageContaining("cluster_id");
    assertThatThrownBy(() -> SelectConfig.from(new feedline.common.config.Settings(config(conf("select.strategy=random")), "feedline.select")))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.select.strategy").hasMessageContaining("least-confidence");
  }

  @Test
  void clusterColumnGivesOnePickPerCluster() {
    Dataset<Row> withClusters = pool().withColumn("cluster_id",
        org.apache.spark.sql.functions.when(col("doc_id").startsWith("mix"), org.apache.spark.sql.functions.lit("k-mix"))
            .otherwise(col("doc_id")));
    StageResult r = runStage(new SelectStage(), withClusters, conf("select.budget=3", "select.diversity.mode=cluster",
        "select.strategy=margin"));
    List<String> ids = output(r, "to_annotate").collectAsList().stream().map(x -> x.<String>getAs("doc_id")).toList();
    assertThat(ids).hasSize(3);
    assertThat(ids.stream().filter(x -> x.startsWith("mix")).count()).isEqualTo(1);
  }
}
