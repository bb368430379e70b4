package feedline.jobs.dedup;

import feedline.common.dedup.Jaccard;
import feedline.common.dedup.MinHasher;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The similarity of a candidate pair {@code (a, b, va, vb)}: the exact Jaccard of the two shingle
 * sets, or the MinHash estimate of the two signatures. Output {@code (src, dst, similarity)}.
 */
final class PairSimilarity implements MapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final StructType SCHEMA = new StructType()
      .add("src", DataTypes.LongType, false)
      .add("dst", DataTypes.LongType, false)
      .add("similarity", DataTypes.DoubleType, false);

  private final boolean exact;

  PairSimilarity(boolean exact) {
    this.exact = exact;
  }

  @Override
  public Row call(Row r) {
    byte[] va = (byte[]) r.get(2);
    byte[] vb = (byte[]) r.get(3);
    double s = exact ? Jaccard.similarity(Packed.longs(va), Packed.longs(vb)) : MinHasher.estimate(Packed.ints(va), Packed.ints(vb));
    return RowFactory.create(r.getLong(0), r.getLong(1), s);
  }
}
