package feedline.jobs.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;

import feedline.common.config.ConfigError;
import feedline.jobs.SparkTestBase;
import feedline.jobs.stage.StageResult;
import feedline.trainer.io.ByteLevelTokenizerFiles;
import feedline.trainer.io.DType;
import feedline.trainer.model.InitModel;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.model.RopeScaling;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * augment with the trainer's model-backed parts on local[2]: the local-model translator and the
 * embedding bound of the consistency check, both on a tiny random checkpoint written here. A random
 * model's translations are arbitrary tokens, so the test checks the plumbing (the engine is found
 * from config, runs on the executors, its failures and drifts are accounted for), not their quality.
 */
class AugmentModelPluginsTest extends SparkTestBase {
  @TempDir static Path shared;
  static Path model;

  @BeforeAll
  static void model() {
    model = shared.resolve("model");
    ModelConfig c = new ModelConfig(ModelConfig.Family.LLAMA, ByteLevelTokenizerFiles.VOCAB_SIZE, 32, 64, 2, 4, 2, 8, 1e-6, 10000,
        RopeScaling.NONE, 512, false, false, false, ByteLevelTokenizerFiles.BOS, ByteLevelTokenizerFiles.EOS);
    InitModel.write(model, c, 3, 0.2, DType.F32, 0);
  }

  private Dataset<Row> rows() {
    StructType schema = new StructType().add("doc_id", DataTypes.StringType, true).add("source", DataTypes.StringType, true)
        .add("lang", DataTypes.StringType, true).add("text", DataTypes.StringType, true);
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("en1", "forum", "en", "My router keeps dropping the connection every evening and the light blinks."));
    rows.add(RowFactory.create("en2", "forum", "en", "The delivery was late and the box was damaged when it arrived."));
    rows.add(RowFactory.create("en3", "forum", "en", "Please help me reset the password of my account quickly."));
    return spark.createDataFrame(rows, schema).repartition(2);
  }

  private StageResult augment(String... overrides) {
    return runStage(new AugmentStage(), rows(), "test-run", overrides);
  }

  @Test
  void theLocalModelEngineIsFoundFromConfigAndItsVariantsAreAccounted() {
    StageResult r = augment("feedline.augment.methods=[back_translation]", "feedline.augment.back-translation.engine=local-model",
        "feedline.augment.back-translation.local-model.model-dir=\"" + model + "\"",
        "feedline.augment.back-translation.local-model.max-new-tokens=12");
    assertThat(r.balanced()).isTrue();
    assertThat((String) r.details().get("translator_engine")).isEqualTo("local-model");
    @SuppressWarnings("unchecked")
    Map<String, Object> tr = (Map<String, Object>) r.details().get("translator");
    assertThat((Long) tr.get("calls")).isPositive();
    // every back-translation either passed the check or was dropped with a reason and its parent
    long kept = output(r, "augmented").filter(col("method").equalTo("back_translation")).count();
    Dataset<Row> drops = output(r, "drops");
    assertThat(kept + drops.count()).isEqualTo(3);
    assertThat(drops.collectAsList()).allSatisfy(d -> assertThat(d.<String>getAs("drop_reason"))
        .isIn("drifted", "too_similar", "placeholder_lost", "translator_error"));
    assertThat(drops.filter(col("parent_id").isNull()).count()).isZero();
  }

  @Test
  void theEmbeddingBoundDropsVariantsBelowIt() {
    String[] base = {"feedline.augment.methods=[synonym]", "feedline.augment.variants.synonym=2"};
    StageResult without = augment(base);
    long plain = output(without, "augmented").filter(col("method").equalTo("synonym")).count();
    assertThat(plain).isPositive();
    // repeats of a kept variant are dropped as too_similar; under a bound they drift like the first
    long repeats = output(without, "drops").filter(col("drop_detail").startsWith("same as an earlier")).count();

    String emb = "feedline.augment.consistency.embedding.model-dir=\"" + model + "\"";
    // a bound no different text reaches: every synonym variant drifts on its embedding
    StageResult strict = augment(base[0], base[1], emb, "feedline.augment.consistency.synonym.min-embedding-similarity=1.0");
    assertThat(strict.balanced()).isTrue();
    assertThat(output(strict, "augmented").filter(col("method").equalTo("synonym")).count()).isZero();
    assertThat(output(strict, "drops").filter(col("drop_reason").equalTo("drifted")
        .and(col("drop_detail").startsWith("embedding similarity"))).count()).isEqualTo(plain + repeats);
    // a bound every text reaches keeps what the other bounds keep
    StageResult loose = augment(base[0], base[1], emb, "feedline.augment.consistency.synonym.min-embedding-similarity=-1");
    assertThat(output(loose, "augmented").filter(col("method").equalTo("synonym")).count()).isEqualTo(plain);
  }

  @Test
  void aMissingModelDirectoryIsAConfigError() {
    assertThatThrownBy(() -> augment("feedline.augment.back-translation.engine=local-model",
        "feedline.augment.back-translation.local-model.model-dir=\"" + shared.resolve("absent") + "\""))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.back-translation.local-model.model-dir")
        .hasMessageContaining("no such directory");
    assertThatThrownBy(() -> augment("feedline.augment.back-translation.engine=local-model"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("local-model.model-dir");
    assertThatThrownBy(() -> augment("feedline.augment.consistency.embedding.model-dir=\"" + shared.resolve("absent") + "\""))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.consistency.embedding.model-dir");
  }
}
