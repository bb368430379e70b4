package feedline.jobs.dedup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Candidate pairs {@code (a, b)}, {@code a < b}, from the members of one band bucket. Members of this
 * run have ids >= 0, documents of the signature index ids < 0; pairs of two index documents are
 * skipped (earlier runs settled them). A bucket of up to {@code window} members gives all its pairs;
 * a larger one pairs each member with the next {@code window} members in id order, which keeps the
 * pair count linear while still chaining the whole bucket into one component.
 */
final class BucketPairs implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final StructType SCHEMA = new StructType()
      .add("a", DataTypes.LongType, false)
      .add("b", DataTypes.LongType, false);

  private final int window;

  BucketPairs(int window) {
    this.window = window;
  }

  @Override
  public Iterator<Row> call(Row r) {
    List<Long> list = r.getList(0);
    long[] m = new long[list.size()];
    for (int i = 0; i < m.length; i++) m[i] = list.get(i);
    return pairs(m, window).iterator();
  }

  static List<Row> pairs(long[] members, int window) {
    long[] m = members.clone();
    java.util.Arrays.sort(m);
    List<Row> out = new ArrayList<>();
    int n = m.length;
    if (n < 2 || m[n - 1] < 0) return out;
    int reach = n <= window ? n : window;
    for (int i = 0; i < n; i++) {
      int last = Math.min(n - 1, i + reach);
      for (int j = i + 1; j <= last; j++) {
        if (m[i] == m[j]) continue;
        if (m[j] < 0) continue; // both from the index (m[i] <= m[j])
        out.add(RowFactory.create(m[i], m[j]));
      }
    }
    return out;
  }
}
