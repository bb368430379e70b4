package feedline.jobs.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.common.dedup.UnionFind;
import feedline.jobs.SparkTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest extends SparkTestBase {
  private static final StructType EDGES = new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);

  private Map<Long, Long> components(List<long[]> edges) {
    List<Row> rows = new ArrayList<>();
    for (long[] e : edges) rows.add(RowFactory.create(e[0], e[1]));
    Dataset<Row> df = spark.createDataFrame(rows, EDGES);
    ConnectedComponents.Result r = ConnectedComponents.of(df, 100);
    // large-star/small-star needs O(log n) rounds; these graphs have at most 64 nodes per component
    assertThat(r.rounds()).isLessThanOrEqualTo(12);
    Map<Long, Long> out = new HashMap<>();
    for (Row x : r.assignments().collectAsList()) {
      assertThat(out.put(x.getLong(0), x.getLong(1))).as("node %s assigned twice", x.getLong(0)).isNull();
    }
    return out;
  }

  private static Map<Long, Long> expected(List<long[]> edges) {
    UnionFind uf = new UnionFind();
    for (long[] e : edges) uf.union(e[0], e[1]);
    Map<Long, Long> out = new HashMap<>();
    // the Spark result lists non-root nodes only
    uf.components().forEach((node, root) -> {
      if (!node.equals(root)) out.put(node, root);
    });
    return out;
  }

  /** Compares without printing thousands of entries on failure. */
  private static void assertSame(Map<Long, Long> got, Map<Long, Long> want) {
    assertThat(got.size()).as("assigned nodes").isEqualTo(want.size());
    List<String> wrong = new ArrayList<>();
    want.forEach((n, r) -> {
      if (!r.equals(got.get(n))) wrong.add(n + "->" + got.get(n) + " (want " + r + ")");
    });
    assertThat(wrong.subList(0, Math.min(5, wrong.size()))).as("%d wrong of %d", wrong.size(), want.size()).isEmpty();
  }

  @Test
  void longChainsInEveryLabelOrderBecomeOneStar() {
    List<long[]> edges = new ArrayList<>();
    // ascending chain 0-1-2-...-199
    for (long i = 0; i < 63; i++) edges.add(new long[] {i, i + 1});
    // descending labels: 1199-1198-...-1000, edges written high to low
    for (long i = 1040; i > 1000; i--) edges.add(new long[] {i, i - 1});
    // a chain with shuffled labels
    List<Long> labels = new ArrayList<>();
    for (long i = 5000; i < 5050; i++) labels.add(i);
    java.util.Collections.shuffle(labels, new Random(3));
    for (int i = 0; i + 1 < labels.size(); i++) edges.add(new long[] {labels.get(i), labels.get(i + 1)});
    Map<Long, Long> got = components(edges);
    assertSame(got, expected(edges));
    assertThat(got.get(63L)).isZero();
    assertThat(got.get(1040L)).isEqualTo(1000L);
    assertThat(got.values().stream().distinct().count()).isEqualTo(3);
  }

  @Test
  void randomGraphWithNegativeIdsMatchesUnionFind() {
    Random rnd = new Random(11);
    List<long[]> edges = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      long a = rnd.nextInt(120) - 40;
      long b = rnd.nextInt(120) - 40;
      edges.add(new long[] {a, b});
    }
    edges.add(new long[] {7, 7});
    assertSame(components(edges), expected(edges));
  }

  @Test
  void noEdgesNoAssignments() {
    assertThat(components(List.of())).isEmpty();
    assertThat(components(List.<long[]>of(new long[] {4, 4}))).isEmpty();
  }
}
