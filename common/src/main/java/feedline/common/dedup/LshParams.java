package feedline.common.dedup;

import java.io.Serializable;

/**
 * LSH banding: a signature of {@code bands * rows} values (leftover permutations unused) is cut into
 * {@code bands} bands of {@code rows} values; two documents become candidates when any band is equal.
 * The probability that a pair with Jaccard {@code s} becomes a candidate is {@code 1 - (1 - s^r)^b}.
 */
public record LshParams(int bands, int rows) implements Serializable {
  public LshParams {
    if (bands < 1 || rows < 1) throw new IllegalArgumentException("bands and rows must be at least 1");
  }

  /** Number of Simpson intervals over [0, 1]; the integrands are polynomials of degree at most numPerm. */
  static final int INTERVALS = 4096;

  /**
   * The bands and rows that minimize {@code fpWeight * FP + fnWeight * FN}, where FP is the area under
   * the candidate probability below the threshold and FN the area above it left uncovered: the choice
   * datasketch's {@code MinHashLSH} makes, integrated numerically (composite Simpson).
   */
  public static LshParams optimal(double threshold, int numPerm, double fpWeight, double fnWeight) {
    if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
    if (numPerm < 1) throw new IllegalArgumentException("numPerm must be at least 1");
    double minError = Double.POSITIVE_INFINITY;
    int bestB = 0;
    int bestR = 0;
    for (int b = 1; b <= numPerm; b++) {
      int maxR = numPerm / b;
      for (int r = 1; r <= maxR; r++) {
        double fp = falsePositiveArea(threshold, b, r);
        double fn = falseNegativeArea(threshold, b, r);
        double error = fp * fpWeight + fn * fnWeight;
        if (error < minError) {
          minError = error;
          bestB = b;
          bestR = r;
        }
      }
    }
    return new LshParams(bestB, bestR);
  }

  public static double candidateProbability(double s, int b, int r) {
    return 1 - Math.pow(1 - Math.pow(s, r), b);
  }

  static double falsePositiveArea(double threshold, int b, int r) {
    return simpson(s -> candidateProbability(s, b, r), 0, threshold);
  }

  static double falseNegativeArea(double threshold, int b, int r) {
    return simpson(s -> 1 - candidateProbability(s, b, r), threshold, 1);
  }

  private static double simpson(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
    int n = Math.max(2, (int) Math.ceil(INTERVALS * (hi - lo)));
    if (n % 2 == 1) n++;
    double h = (hi - lo) / n;
    double sum = f.applyAsDouble(lo) + f.applyAsDouble(hi);
    for (int i = 1; i < n; i++) sum += f.applyAsDouble(lo + i * h) * (i % 2 == 1 ? 4 : 2);
    return sum * h / 3;
  }

  /** One 64-bit key per band: the band's index and its {@code rows} signature values, hashed. */
  public long[] bandKeys(int[] signature) {
    if (signature.length < bands * rows) {
      throw new IllegalArgumentException("signature of " + signature.length + " values is shorter than " + bands + " x " + rows);
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = Hash64.mix(0xBA5EL + band);
      for (int j = band * rows; j < (band + 1) * rows; j++) h = Hash64.combine(h, signature[j] & 0xFFFFFFFFL);
      keys[band] = h;
    }
    return keys;
  }
}
