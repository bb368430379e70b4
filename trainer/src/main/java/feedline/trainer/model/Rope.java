package feedline.trainer.model;

/** Rotary position tables: inverse frequencies from rope_theta, with linear or dynamic (NTK) scaling. */
public final class Rope {
  private Rope() {}

  /** Inverse frequencies for positions up to {@code seqLen} (dynamic scaling depends on it). */
  public static double[] inverseFrequencies(ModelConfig c, int seqLen) {
    int d = c.headDim();
    double base = c.ropeTheta();
    RopeScaling s = c.ropeScaling();
    if (s.kind() == RopeScaling.Kind.DYNAMIC && seqLen > c.maxPositions()) {
      base = base * Math.pow(s.factor() * seqLen / c.maxPositions() - (s.factor() - 1), d / (double) (d - 2));
    }
    double[] inv = new double[d / 2];
    for (int j = 0; j < d / 2; j++) {
      // float32 as Hugging Face computes it
      inv[j] = (float) (1.0 / Math.pow(base, (2.0 * j) / d));
      if (s.kind() == RopeScaling.Kind.LINEAR) inv[j] = (float) (inv[j] / s.factor());
    }
    return inv;
  }

  /** cos and sin tables {@code [positions, headDim]} (the half-table repeated twice), row-major. */
  public static float[][] tables(ModelConfig c, int positions, int seqLen) {
    double[] inv = inverseFrequencies(c, seqLen);
    int d = c.headDim();
    float[] cos = new float[positions * d];
    float[] sin = new float[positions * d];
    for (int p = 0; p < positions; p++) {
      for (int j = 0; j < d / 2; j++) {
        float angle = (float) p * (float) inv[j];
        float cv = (float) Math.cos(angle);
        float sv = (float) Math.sin(angle);
        cos[p * d + j] = cv;
        cos[p * d + j + d / 2] = cv;
        sin[p * d + j] = sv;
        sin[p * d + j + d / 2] = sv;
      }
    }
    return new float[][] {cos, sin};
  }
}
