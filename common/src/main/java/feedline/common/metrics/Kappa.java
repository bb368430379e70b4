package feedline.common.metrics;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Chance-corrected agreement. Cohen's kappa for two raters over the same items; Fleiss' kappa for
 * any number of raters from an items x categories count matrix (items may have different rater
 * counts; items with fewer than two ratings carry no agreement information and are skipped), plus
 * Fleiss' per-category kappa. When expected agreement is 1 (everyone used one category) kappa is
 * undefined and NaN is returned.
 */
public final class Kappa {
  private Kappa() {}

  public static double cohen(List<String> a, List<String> b) {
    if (a.size() != b.size()) throw new IllegalArgumentException("rater A has " + a.size() + " labels, rater B " + b.size());
    if (a.isEmpty()) return Double.NaN;
    LinkedHashSet<String> cats = new LinkedHashSet<>(a);
    cats.addAll(b);
    Map<String, Integer> idx = new LinkedHashMap<>();
    for (String c : cats) idx.put(c, idx.size());
    int k = cats.size();
    double[] pa = new double[k];
    double[] pb = new double[k];
    long agree = 0;
    for (int i = 0; i < a.size(); i++) {
      pa[idx.get(a.get(i))]++;
      pb[idx.get(b.get(i))]++;
      if (a.get(i).equals(b.get(i))) agree++;
    }
    double n = a.size();
    double po = agree / n;
    double pe = 0;
    for (int c = 0; c < k; c++) pe += (pa[c] / n) * (pb[c] / n);
    return pe >= 1.0 ? Double.NaN : (po - pe) / (1 - pe);
  }

  /** Fleiss' kappa; {@code counts[i][j]} = raters who put item i in category j. */
  public static double fleiss(long[][] counts) {
    FleissParts p = parts(counts);
    return p.pe >= 1.0 || p.items == 0 ? Double.NaN : (p.pBar - p.pe) / (1 - p.pe);
  }

  /**
   * Fleiss' kappa of each category taken alone (that category against all others), as in Fleiss
   * (1971): {@code 1 - sum_i n_ij (m_i - n_ij) / (sum_i m_i (m_i - 1) p_j (1 - p_j))}.
   */
  public static double[] fleissPerCategory(long[][] counts) {
    FleissParts p = parts(counts);
    int k = p.k;
    double[] out = new double[k];
    for (int j = 0; j < k; j++) {
      double num = 0;
      double den = 0;
      for (long[] row : counts) {
        long m = sum(row);
        if (m < 2) continue;
        num += (double) row[j] * (m - row[j]);
        den += (double) m * (m - 1);
      }
      double pj = p.pj[j];
      out[j] = pj <= 0 || pj >= 1 ? Double.NaN : 1 - num / (den * pj * (1 - pj));
    }
    return out;
  }

  /** The parts of Fleiss' kappa: mean observed agreement, expected agreement, category shares. */
  public record FleissParts(int items, int k, double pBar, double pe, double[] pj) {}

  public static FleissParts parts(long[][] counts) {
    int k = counts.length == 0 ? 0 : counts[0].length;
    double[] catTotals = new double[k];
    double ratings = 0;
    double sumPi = 0;
    int items = 0;
    for (long[] row : counts) {
      if (row.length != k) throw new IllegalArgumentException("every row of the count matrix needs " + k + " categories");
      long m = sum(row);
      if (m < 2) continue;
      items++;
      double agreeing = 0;
      for (int j = 0; j < k; j++) {
        agreeing += (double) row[j] * (row[j] - 1);
        catTotals[j] += row[j];
      }
      ratings += m;
      sumPi += agreeing / ((double) m * (m - 1));
    }
    double[] pj = new double[k];
    double pe = 0;
    for (int j = 0; j < k; j++) {
      pj[j] = ratings == 0 ? 0 : catTotals[j] / ratings;
      pe += pj[j] * pj[j];
    }
    return new FleissParts(items, k, items == 0 ? 0 : sumPi / items, pe, pj);
  }

  private static long sum(long[] row) {
    long s = 0;
    for (long v : row) s += v;
    return s;
  }
}
