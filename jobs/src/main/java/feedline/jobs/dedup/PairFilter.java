package feedline.jobs.dedup;

import feedline.common.dedup.Jaccard;
import feedline.common.dedup.MinHasher;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Row;

/**
 * Keeps a candidate pair {@code (a, b, va, vb)} whose similarity reaches the threshold: the exact
 * Jaccard of the two shingle sets, or the MinHash estimate of the two signatures.
 */
final class PairFilter implements FilterFunction<Row> {
  private static final long serialVersionUID = 1L;

  private final double threshold;
  private final boolean exact;

  PairFilter(double threshold, boolean exact) {
    this.threshold = threshold;
    this.exact = exact;
  }

  @Override
  public boolean call(Row r) {
    byte[] va = (byte[]) r.get(2);
    byte[] vb = (byte[]) r.get(3);
    double s = exact ? Jaccard.similarity(Packed.longs(va), Packed.longs(vb)) : MinHasher.estimate(Packed.ints(va), Packed.ints(vb));
    return s >= threshold;
  }
}
