package feedline.common.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LshParamsTest {

  /** The (bands, rows) datasketch's MinHashLSH picks for these settings (scipy quad integration). */
  @ParameterizedTest
  @CsvSource({
      "0.5, 128, 0.5, 0.5, 25, 5",
      "0.8, 128, 0.5, 0.5, 9, 13",
      "0.9, 128, 0.5, 0.5, 5, 25",
      "0.7, 256, 0.5, 0.5, 25, 10",
      "0.75, 256, 0.5, 0.5, 21, 12",
      "0.75, 256, 0.1, 0.9, 28, 9",
      "0.85, 256, 0.5, 0.5, 13, 19",
      "0.3, 64, 0.5, 0.5, 21, 3",
      "0.8, 64, 0.5, 0.5, 5, 11"})
  void optimalMatchesDatasketch(double threshold, int perms, double fpw, double fnw, int bands, int rows) {
    assertThat(LshParams.optimal(threshold, perms, fpw, fnw)).isEqualTo(new LshParams(bands, rows));
  }

  @Test
  void areasAreThoseOfTheCandidateCurve() {
    // b = 1, r = 1: P(s) = s; FP area over [0, t] = t^2 / 2, FN area over [t, 1] = 0
    assertThat(LshParams.falsePositiveArea(0.6, 1, 1)).isCloseTo(0.18, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(LshParams.falseNegativeArea(0.6, 1, 1)).isCloseTo(0.08, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void bandKeysAgreeExactlyOnEqualBands() {
    LshParams p = new LshParams(4, 2);
    int[] s1 = {1, 2, 3, 4, 5, 6, 7, 8, 99};
    int[] s2 = {1, 2, 0, 4, 5, 6, 9, 9, 42};
    long[] k1 = p.bandKeys(s1);
    long[] k2 = p.bandKeys(s2);
    assertThat(k1).hasSize(4);
    assertThat(k1[0]).isEqualTo(k2[0]);
    assertThat(k1[1]).isNotEqualTo(k2[1]);
    assertThat(k1[2]).isEqualTo(k2[2]);
    assertThat(k1[3]).isNotEqualTo(k2[3]);
    // the same values in different bands do not collide
    assertThat(new LshParams(2, 1).bandKeys(new int[] {7, 7})[0]).isNotEqualTo(new LshParams(2, 1).bandKeys(new int[] {7, 7})[1]);
  }
}
