package feedline.common.sft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Token length distribution: counts per power-of-two bucket ({@code [lo, hi)}) and summary figures.
 */
public record LengthHistogram(List<Bucket> buckets, long count, long min, long max, double mean, long p50, long p95) {

  public record Bucket(long lo, long hi, long count) {}

  /** From a map of length to number of examples with that length. */
  public static LengthHistogram of(Map<Integer, Long> byLength) {
    TreeMap<Integer, Long> sorted = new TreeMap<>(byLength);
    long count = sorted.values().stream().mapToLong(Long::longValue).sum();
    if (count == 0) return new LengthHistogram(List.of(), 0, 0, 0, 0, 0, 0);
    long total = 0;
    for (var e : sorted.entrySet()) total += (long) e.getKey() * e.getValue();
    List<Bucket> buckets = new ArrayList<>();
    long lo = 0;
    long hi = 16;
    int max = sorted.lastKey();
    while (lo <= max) {
      long c = 0;
      for (var e : sorted.subMap((int) lo, true, (int) Math.min(Integer.MAX_VALUE, hi - 1), true).entrySet()) c += e.getValue();
      buckets.add(new Bucket(lo, hi, c));
      lo = hi;
      hi *= 2;
    }
    return new LengthHistogram(buckets, count, sorted.firstKey(), max, (double) total / count,
        quantile(sorted, count, 0.5), quantile(sorted, count, 0.95));
  }

  private static long quantile(TreeMap<Integer, Long> sorted, long count, double q) {
    long rank = (long) Math.ceil(q * count);
    long seen = 0;
    for (var e : sorted.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) return e.getKey();
    }
    return sorted.lastKey();
  }
}
