package feedline.common.select;

import java.util.Locale;

/** Uncertainty of a predictive distribution; for every strategy a higher value means less sure. */
public enum Uncertainty {
  /** Predictive entropy {@code -sum p log p} in nats (0 .. ln K). */
  ENTROPY,
  /** {@code 1 - max p}. */
  LEAST_CONFIDENCE,
  /** {@code 1 - (p_top1 - p_top2)}: a small margin between the two best labels is uncertain. */
  MARGIN;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public double of(double[] p) {
    switch (this) {
      case ENTROPY:
        return entropy(p);
      case LEAST_CONFIDENCE:
        return 1 - max(p);
      case MARGIN:
      default:
        return 1 - margin(p);
    }
  }

  public static double entropy(double[] p) {
    double h = 0;
    for (double x : p) {
      if (x > 0) h -= x * Math.log(x);
    }
    return h;
  }

  static double max(double[] p) {
    double m = 0;
    for (double x : p) m = Math.max(m, x);
    return m;
  }

  /** Top-1 minus top-2 probability (top-1 when there is one label). */
  public static double margin(double[] p) {
    double a = 0;
    double b = 0;
    for (double x : p) {
      if (x > a) {
        b = a;
        a = x;
      } else if (x > b) {
        b = x;
      }
    }
    return a - b;
  }

  /** Index of the most probable label (the first on ties). */
  public static int argmax(double[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) best = i;
    }
    return best;
  }
}
