package feedline.trainer.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import feedline.common.augment.ConsistencyCheck;
import feedline.common.augment.TextEmbedder;
import feedline.common.augment.TextEmbedderFactory;
import feedline.trainer.train.TrainFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mean-pooled hidden-state embeddings of a tiny random checkpoint, and the consistency check's embedding bound. */
class LmEmbedderTest {
  @TempDir static Path tmp;
  static TextEmbedder embedder;

  @BeforeAll
  static void model() {
    Path model = tmp.resolve("model");
    TrainFixtures.tinyLlama(model, 9);
    embedder = TextEmbedderFactory.find("lm").create(Map.of("model-dir", model.toString(), "batch-size", "3"));
  }

  @Test
  void identicalTextsScoreOneAndTheSimilarityIsSymmetric() {
    String a = "the parcel arrived late and broken";
    String b = "my order came two weeks after the promised date";
    assertThat(embedder.similarity(a, a)).isCloseTo(1.0, within(1e-6));
    assertThat(embedder.similarity(a, b)).isCloseTo(embedder.similarity(b, a), within(1e-6)).isLessThan(0.9999);
    // padding in a batch changes nothing: each vector equals the one computed alone
    List<float[]> batch = embedder.embed(List.of(a, "short", b, "", "退款一直没到账"));
    assertThat(batch).hasSize(5);
    assertThat(batch.get(0)).hasSize(32);
    assertThat(batch.get(3)).containsOnly(0f);
    assertThat(TextEmbedder.cosine(batch.get(1), embedder.embed(List.of("short")).get(0))).isCloseTo(1.0, within(1e-6));
    float[] alone = embedder.embed(List.of(b)).get(0);
    for (int i = 0; i < alone.length; i++) assertThat(batch.get(2)[i]).isCloseTo(alone[i], within(1e-4f));
  }

  @Test
  void theConsistencyCheckDropsAVariantBelowTheEmbeddingBound() {
    ConsistencyCheck.Bounds loose = new ConsistencyCheck.Bounds(0.0, 0.99, 0.2, 5.0);
    ConsistencyCheck base = new ConsistencyCheck(Map.of(), loose, 3, 2);
    String parent = "the delivery was late and the box was damaged";
    String variant = "delivery was late and the box was broken";
    double e = embedder.similarity(parent, variant);
    ConsistencyCheck strict = base.withEmbedding(embedder, -1, Map.of("synonym", Math.min(1, e + 0.01)));
    ConsistencyCheck.Verdict v = strict.check("synonym", parent, variant);
    assertThat(v.kept()).isFalse();
    assertThat(v.reason()).isEqualTo("drifted");
    assertThat(v.detail()).startsWith("embedding similarity");
    // the same bound just below the score keeps it; other methods use the fallback
    assertThat(base.withEmbedding(embedder, -1, Map.of("synonym", e - 0.01)).check("synonym", parent, variant).kept()).isTrue();
    assertThat(strict.check("eda", parent, variant).kept()).isTrue();
    assertThat(strict.minEmbeddingSimilarity("eda")).isEqualTo(-1);
    assertThat(base.minEmbeddingSimilarity("eda")).isNaN();
    assertThatThrownBy(() -> TextEmbedderFactory.find("lm").create(Map.of("model-dir", tmp.resolve("nope").toString())))
        .hasMessageContaining("lm embedder option model-dir").hasMessageContaining("no such directory");
  }
}
