package feedline.common.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncertaintyTest {
  @TempDir
  Path tmp;

  @Test
  void strategiesOnKnownDistributions() {
    double[] uniform = {0.25, 0.25, 0.25, 0.25};
    double[] sure = {1, 0, 0, 0};
    double[] skew = {0.7, 0.2, 0.1};
    assertThat(Uncertainty.ENTROPY.of(uniform)).isCloseTo(Math.log(4), within(1e-12));
    assertThat(Uncertainty.ENTROPY.of(sure)).isZero();
    assertThat(Uncertainty.ENTROPY.of(skew)).isCloseTo(-(0.7 * Math.log(0.7) + 0.2 * Math.log(0.2) + 0.1 * Math.log(0.1)), within(1e-12));
    assertThat(Uncertainty.LEAST_CONFIDENCE.of(skew)).isCloseTo(0.3, within(1e-12));
    assertThat(Uncertainty.MARGIN.of(skew)).isCloseTo(1 - 0.5, within(1e-12));
    assertThat(Uncertainty.MARGIN.of(uniform)).isCloseTo(1.0, within(1e-12));
    // entropy and margin can disagree: a close top two with nothing else vs. a flat tail
    double[] twoWay = {0.5, 0.5, 0, 0};
    double[] flatTail = {0.55, 0.15, 0.15, 0.15};
    assertThat(Uncertainty.MARGIN.of(twoWay)).isGreaterThan(Uncertainty.MARGIN.of(flatTail));
    assertThat(Uncertainty.ENTROPY.of(twoWay)).isLessThan(Uncertainty.ENTROPY.of(flatTail));
  }

  @Test
  void logisticRegressionLearnsAndIsUnsureOnMixedTexts() {
    CharNgramLogisticRegression m = CharNgramLogisticRegression.train(SelectFixtures.texts(), SelectFixtures.labels(), null,
        CharNgramLogisticRegression.Params.defaults());
    assertThat(m.labels()).containsExactly("complaint", "praise");
    List<double[]> train = m.predict(SelectFixtures.texts());
    for (int i = 0; i < train.size(); i++) {
      assertThat(m.labels().get(Uncertainty.argmax(train.get(i)))).as(SelectFixtures.texts().get(i)).isEqualTo(SelectFixtures.labels().get(i));
    }
    List<double[]> p = m.predict(List.of("late and broken, no refund", "thank you, great and fast", "thanks for the refund but the parcel was late"));
    assertThat(p.get(0)[0]).isGreaterThan(0.5);
    assertThat(p.get(1)[1]).isGreaterThan(0.5);
    double mixed = Uncertainty.ENTROPY.of(p.get(2));
    assertThat(mixed).isGreaterThan(Uncertainty.ENTROPY.of(p.get(0))).isGreaterThan(Uncertainty.ENTROPY.of(p.get(1)));
    // the same rows give the same model
    CharNgramLogisticRegression again = CharNgramLogisticRegression.train(SelectFixtures.texts(), SelectFixtures.labels(), null,
        CharNgramLogisticRegression.Params.defaults());
    assertThat(again.predict(List.of("mixed: great but late")).get(0)).containsExactly(m.predict(List.of("mixed: great but late")).get(0));
  }

  @Test
  void factoryIsFoundByServiceLoaderAndByClassNameAndTrainsFromRows() throws Exception {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < SelectFixtures.texts().size(); i++) {
      rows.append("{\"text\":\"").append(SelectFixtures.texts().get(i)).append("\",\"label\":\"").append(SelectFixtures.labels().get(i)).append("\"}\n");
    }
    rows.append("{\"text\":\"no label here\"}\n");
    Path f = Files.writeString(tmp.resolve("labeled.jsonl"), rows.toString());
    assertThat(Scorers.factory("char-ngram-logreg")).isInstanceOf(CharNgramScorerFactory.class);
    assertThat(Scorers.factory(CharNgramScorerFactory.class.getName())).isInstanceOf(CharNgramScorerFactory.class);
    UncertaintyScorer s = Scorers.create("char-ngram-logreg", Map.of("train", f.toString(), "labels", "praise,complaint"));
    assertThat(s.labels()).containsExactly("praise", "complaint");
    assertThat(s.predict(List.of("great service, thank you")).get(0)[0]).isGreaterThan(0.5);
    assertThatThrownBy(() -> Scorers.factory("nope.NoSuchScorer")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("char-ngram-logreg");
    assertThatThrownBy(() -> Scorers.create("char-ngram-logreg", Map.of())).hasMessageContaining("train");
  }
}
