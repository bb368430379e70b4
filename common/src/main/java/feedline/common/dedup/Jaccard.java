package feedline.common.dedup;

/** Exact Jaccard similarity of two sets given as ascending arrays of distinct longs. */
public final class Jaccard {
  private Jaccard() {}

  /** |a ∩ b| / |a ∪ b|; two empty sets are 0 (nothing to compare). */
  public static double similarity(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) return 0.0;
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }
}
