package feedline.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples from Wikipedia's "Cohen's kappa" and "Fleiss' kappa" articles. */
class KappaTest {

  @Test
  void cohenKappaOfTheGrantProposalExampleIsPointFour() {
    // Cohen's kappa, "Simple example": 50 proposals; both yes 20, A yes B no 5, A no B yes 10, both no 15;
    // p_o = 0.7, p_e = 0.5, kappa = 0.4
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    add(a, b, "yes", "yes", 20);
    add(a, b, "yes", "no", 5);
    add(a, b, "no", "yes", 10);
    add(a, b, "no", "no", 15);
    assertThat(Kappa.cohen(a, b)).isCloseTo(0.4, within(1e-12));
    assertThat(Kappa.cohen(b, a)).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void cohenKappaIsOneForPerfectAgreementAndUndefinedForOneCategory() {
    assertThat(Kappa.cohen(List.of("x", "y", "x"), List.of("x", "y", "x"))).isEqualTo(1.0);
    assertThat(Kappa.cohen(List.of("x", "x"), List.of("x", "x"))).isNaN();
  }

  /** Fleiss' kappa, "Worked example": 10 subjects, 14 raters, 5 categories. */
  static final long[][] FLEISS = {
      {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
      {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};

  @Test
  void fleissKappaOfTheWorkedExampleIsPoint210() {
    Kappa.FleissParts p = Kappa.parts(FLEISS);
    assertThat(p.pj()).containsExactly(new double[] {0.143, 0.200, 0.279, 0.150, 0.229}, within(5e-4));
    assertThat(p.pBar()).isCloseTo(0.378, within(5e-4));
    assertThat(p.pe()).isCloseTo(0.213, within(5e-4));
    assertThat(Kappa.fleiss(FLEISS)).isCloseTo(0.210, within(5e-4));
  }

  @Test
  void fleissWithTwoRatersAgreesWithScottsPiAndPerCategoryKappaIsBounded() {
    // with two raters Fleiss' kappa is Scott's pi: p_o = 0.7, pooled shares yes 0.55 / no 0.45,
    // p_e = 0.55^2 + 0.45^2 = 0.505, pi = (0.7 - 0.505) / 0.495
    long[][] counts = new long[50][2];
    int i = 0;
    for (; i < 20; i++) counts[i] = new long[] {2, 0};
    for (; i < 35; i++) counts[i] = new long[] {1, 1};
    for (; i < 50; i++) counts[i] = new long[] {0, 2};
    assertThat(Kappa.fleiss(counts)).isCloseTo((0.7 - 0.505) / 0.495, within(1e-12));
    // with two categories both per-category kappas equal the overall kappa
    double[] per = Kappa.fleissPerCategory(counts);
    assertThat(per[0]).isCloseTo(Kappa.fleiss(counts), within(1e-12));
    assertThat(per[1]).isCloseTo(Kappa.fleiss(counts), within(1e-12));
  }

  private static void add(List<String> a, List<String> b, String x, String y, int n) {
    for (int i = 0; i < n; i++) {
      a.add(x);
      b.add(y);
    }
  }
}
