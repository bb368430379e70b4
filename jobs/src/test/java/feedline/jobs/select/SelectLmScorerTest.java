package feedline.jobs.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import feedline.common.select.Scorers;
import feedline.common.select.Uncertainty;
import feedline.common.select.UncertaintyScorer;
import feedline.common.sft.ShardWriter;
import feedline.common.sft.TokenizedExample;
import feedline.jobs.SparkTestBase;
import feedline.jobs.stage.StageResult;
import feedline.trainer.io.ByteLevelTokenizerFiles;
import feedline.trainer.io.DType;
import feedline.trainer.lm.LmRuntime;
import feedline.trainer.lm.LmRuntimes;
import feedline.trainer.model.InitModel;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.model.RopeScaling;
import feedline.trainer.train.TrainConfig;
import feedline.trainer.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * select with the trainer's {@code lm} scorer on local[2]: a tiny Llama is fine-tuned here so weather
 * texts read "yes", market texts "no", and a third kind is labeled both ways; the stage scores the
 * pool with that model on the executors and picks the ambiguous rows first.
 */
class SelectLmScorerTest extends SparkTestBase {
  @TempDir static Path shared;
  static Path model;

  static final List<String> YES = List.of("sunny skies and warm wind", "the sun is out today", "clear blue sky this morning",
      "a warm and sunny afternoon");
  static final List<String> NO = List.of("stock prices fell again", "the market lost ten points", "shares dropped after the report",
      "bond yields rose sharply");
  static final List<String> BOTH = List.of("the train leaves at noon", "my cat sleeps all day", "we painted the fence green",
      "the soup needs more salt");

  @BeforeAll
  static void trainModel() throws Exception {
    Path base = shared.resolve("base");
    ModelConfig c = new ModelConfig(ModelConfig.Family.LLAMA, ByteLevelTokenizerFiles.VOCAB_SIZE, 32, 64, 2, 4, 2, 8, 1e-6, 10000,
        RopeScaling.NONE, 256, false, false, false, ByteLevelTokenizerFiles.BOS, ByteLevelTokenizerFiles.EOS);
    InitModel.write(base, c, 7, 0.2, DType.F32, 0);
    LmRuntime rt = LmRuntimes.get(base.toString(), null, "cpu", "model-dir");
    List<TokenizedExample> rows = new ArrayList<>();
    for (int copy = 0; copy < 2; copy++) {
      for (String t : YES) rows.add(example(rt, rows.size(), t, "yes"));
      for (String t : NO) rows.add(example(rt, rows.size(), t, "no"));
      for (String t : BOTH) {
        rows.add(example(rt, rows.size(), t, "yes"));
        rows.add(example(rt, rows.size(), t, "no"));
      }
    }
    Path data = shared.resolve("data");
    ShardWriter.writeDataset(data, rows, 100);
    Path run = shared.resolve("run");
    List<String> o = new ArrayList<>();
    for (String kv : List.of("model-dir=" + base, "data-dir=" + data, "output-dir=" + run, "log-every-steps=1000", "method=full",
        "optimizer.lr=0.01", "schedule.warmup-steps=3", "max-steps=60", "batch-size=8", "eval.every-steps=0",
        "checkpoint.every-steps=0")) {
      o.add("feedline.trainer." + kv);
    }
    new Trainer(TrainConfig.from(new Settings(ConfigLoader.load(null, o), "feedline.trainer")), System.err, null).run();
    model = run.resolve("final");
  }

  static TokenizedExample example(LmRuntime rt, int n, String text, String label) {
    int[] prompt = rt.encode(text + "\nLabel:");
    int[] answer = rt.encode(" " + label);
    int[] ids = new int[prompt.length + answer.length];
    int[] labels = new int[ids.length];
    System.arraycopy(prompt, 0, ids, 0, prompt.length);
    System.arraycopy(answer, 0, ids, prompt.length, answer.length);
    Arrays.fill(labels, 0, prompt.length, TokenizedExample.IGNORE);
    System.arraycopy(answer, 0, labels, prompt.length, answer.length);
    return TokenizedExample.single("r" + n, "g" + n, "test", "train", ids, labels);
  }

  Dataset<Row> pool() {
    StructType schema = new StructType().add("doc_id", DataTypes.StringType, false).add("source", DataTypes.StringType, true)
        .add("text", DataTypes.StringType, true);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < YES.size(); i++) rows.add(RowFactory.create("y" + i, "web", YES.get(i)));
    for (int i = 0; i < NO.size(); i++) rows.add(RowFactory.create("n" + i, "web", NO.get(i)));
    for (int i = 0; i < BOTH.size(); i++) rows.add(RowFactory.create("b" + i, "web", BOTH.get(i)));
    rows.add(RowFactory.create("blank", "web", " "));
    return spark.createDataFrame(rows, schema).repartition(2);
  }

  @Test
  void theStagePicksTheRowsTheTrainedModelIsLeastSureAbout() throws Exception {
    StageResult r = runStage(new SelectStage(), pool(), new String[] {"select.budget=4", "select.batch-size=3", "select.scorer.name=lm",
        "select.scorer.options.model-dir=\"" + model + "\"", "select.scorer.options.labels=\"yes,no\"",
        "select.scorer.options.batch-size=2"});
    assertThat(r.balanced()).isTrue();
    List<Row> picked = output(r, "to_annotate").orderBy(col("select_rank")).collectAsList();
    assertThat(picked.stream().map(x -> x.<String>getAs("doc_id")).toList()).containsExactlyInAnyOrder("b0", "b1", "b2", "b3");
    assertThat(picked).isSortedAccordingTo(Comparator.comparingDouble((Row x) -> x.<Double>getAs("uncertainty")).reversed());

    // the executors' distributions are the scorer's own, computed here in one call
    Map<String, String> opts = new HashMap<>(Map.of("model-dir", model.toString(), "labels", "yes,no"));
    UncertaintyScorer direct = Scorers.create("lm", opts);
    ObjectMapper json = new ObjectMapper();
    for (Row x : picked) {
      double[] p = direct.predict(List.of(x.<String>getAs("text"))).get(0);
      JsonNode probs = json.readTree(x.<String>getAs("label_probs"));
      assertThat(probs.get("yes").asDouble()).isCloseTo(p[0], org.assertj.core.api.Assertions.within(1e-4));
      assertThat(x.<Double>getAs("entropy")).isCloseTo(Uncertainty.ENTROPY.of(p), org.assertj.core.api.Assertions.within(1e-4));
    }
    // the learned kinds are confident and right: dropped as not_selected with their predictions
    List<Row> drops = output(r, "drops").collectAsList();
    assertThat(drops).hasSize(8).allSatisfy(d -> assertThat(d.<String>getAs("drop_reason")).isEqualTo("not_selected"));
    for (Row d : drops) {
      String id = d.getAs("doc_id");
      assertThat(d.<String>getAs("predicted_label")).as(id).isEqualTo(id.startsWith("y") ? "yes" : "no");
      assertThat(d.<Double>getAs("predicted_prob")).as(id).isGreaterThan(0.9);
    }
    assertThat(output(r, "quarantine").count()).isEqualTo(1);
  }

  @Test
  void badScorerOptionsStopTheStageBeforeAnyTask() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runStage(new SelectStage(), pool(), new String[] {"select.scorer.name=lm",
        "select.scorer.options.model-dir=\"" + shared.resolve("absent") + "\"", "select.scorer.options.labels=\"yes,no\""}))
        .isInstanceOf(feedline.common.config.ConfigError.class).hasMessageContaining("feedline.select.scorer")
        .hasMessageContaining("model-dir").hasMessageContaining("no such directory");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runStage(new SelectStage(), pool(), new String[] {"select.scorer.name=lm",
        "select.scorer.options.model-dir=\"" + model + "\"", "select.scorer.options.labels=\"yes\""}))
        .isInstanceOf(feedline.common.config.ConfigError.class).hasMessageContaining("labels");
  }
}
