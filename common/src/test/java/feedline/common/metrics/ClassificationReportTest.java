package feedline.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
  // gold a: 4 items (3 right, 1 -> b); gold b: 2 (1 right, 1 -> c); gold c: 4 (3 right, 1 -> a)
  static final List<String> GOLD = List.of("a", "a", "a", "b", "b", "c", "c", "c", "c", "a");
  static final List<String> PRED = List.of("a", "b", "a", "b", "c", "c", "c", "a", "c", "a");

  @Test
  void perClassMacroMicroAndConfusion() {
    ClassificationReport r = ClassificationReport.of(GOLD, PRED, List.of("a", "b", "c"));
    assertThat(r.accuracy()).isCloseTo(0.7, within(1e-12));
    assertThat(r.confusion()).isEqualTo(new long[][] {{3, 1, 0}, {0, 1, 1}, {1, 0, 3}});
    ClassScores a = r.perClass().get(0);
    ClassScores b = r.perClass().get(1);
    assertThat(a.precision()).isCloseTo(0.75, within(1e-12)); // 3 of 4 predicted a
    assertThat(a.recall()).isCloseTo(0.75, within(1e-12));
    assertThat(b.precision()).isCloseTo(0.5, within(1e-12));
    assertThat(b.recall()).isCloseTo(0.5, within(1e-12));
    assertThat(r.macroF1()).isCloseTo((0.75 + 0.5 + 0.75) / 3, within(1e-12));
    assertThat(r.microF1()).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void macroAndMicroDifferWhenClassesAreImbalanced() {
    // 8 x a all right, 2 x b both predicted a: a P=0.8 R=1 F=8/9; b P=0 (no prediction) R=0 F=0
    List<String> gold = List.of("a", "a", "a", "a", "a", "a", "a", "a", "b", "b");
    List<String> pred = List.of("a", "a", "a", "a", "a", "a", "a", "a", "a", "a");
    ClassificationReport r = ClassificationReport.of(gold, pred, null);
    assertThat(r.microF1()).isCloseTo(0.8, within(1e-12));
    assertThat(r.macroF1()).isCloseTo((8.0 / 9) / 2, within(1e-12));
    assertThat(r.perClass().get(1).predicted()).isZero();
  }

  @Test
  void predictionsOutsideTheLabelSetCountAsWrong() {
    ClassificationReport r = ClassificationReport.of(List.of("a", "b"), List.of("a", "zzz"), List.of("a", "b"));
    assertThat(r.unknownPredictions()).isEqualTo(1);
    assertThat(r.accuracy()).isCloseTo(0.5, within(1e-12));
    assertThat(r.perClass().get(1).recall()).isZero();
    assertThat(r.microRecall()).isCloseTo(0.5, within(1e-12));
    assertThat(r.microPrecision()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void exactMatchAndPerplexity() {
    assertThat(ExactMatch.score(List.of(" Paris ", "berlin"), List.of("Paris", "Berlin"), false)).isCloseTo(0.5, within(1e-12));
    assertThat(ExactMatch.score(List.of(" Paris ", "berlin"), List.of("Paris", "Berlin"), true)).isCloseTo(1.0, within(1e-12));
    // a uniform model over 50 tokens has loss ln 50 and perplexity 50
    assertThat(Perplexity.fromMeanLoss(Math.log(50))).isCloseTo(50, within(1e-9));
    assertThat(Perplexity.fromTotals(3 * Math.log(8), 3)).isCloseTo(8, within(1e-9));
    assertThat(Perplexity.bitsPerToken(Math.log(8))).isCloseTo(3, within(1e-12));
  }
}
