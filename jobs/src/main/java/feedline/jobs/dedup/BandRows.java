package feedline.jobs.dedup;

import feedline.common.dedup.LshParams;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One row per LSH band of a signature: {@code (band, key, _k)}; input {@code (_k, sig)}. */
final class BandRows implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final StructType SCHEMA = new StructType()
      .add("band", DataTypes.IntegerType, false)
      .add("key", DataTypes.LongType, false)
      .add("_k", DataTypes.LongType, false);

  private final LshParams lsh;

  BandRows(LshParams lsh) {
    this.lsh = lsh;
  }

  @Override
  public Iterator<Row> call(Row r) {
    long k = r.getLong(0);
    long[] keys = lsh.bandKeys(Packed.ints((byte[]) r.get(1)));
    List<Row> out = new ArrayList<>(keys.length);
    for (int b = 0; b < keys.length; b++) out.add(RowFactory.create(b, keys[b], k));
    return out.iterator();
  }
}
