package feedline.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of an undirected graph given as an edge table {@code (src long, dst long)},
 * computed in Spark by alternating large-star and small-star rounds (Kiveris et al., "Connected
 * Components in MapReduce and Beyond", 2014) until a round changes nothing. Nothing is collected to
 * the driver: each round is a few joins and aggregations, and its result is checkpointed locally to
 * cut the lineage. Converges in O(log n) rounds; each component becomes a star around its smallest id.
 */
public final class ConnectedComponents {

  /** Each non-root node with the smallest node of its component ({@code node, root}), and the rounds taken. */
  public record Result(Dataset<Row> assignments, int rounds) {}

  private ConnectedComponents() {}

  /**
   * @param edges columns {@code src, dst} (long); self loops and repeated edges are allowed
   * @param maxRounds rounds after which an unconverged run is an error
   */
  public static Result of(Dataset<Row> edges, int maxRounds) {
    Dataset<Row> current = edges.filter(col("src").notEqual(col("dst")))
        .select(greatest(col("src"), col("dst")).as("src"), least(col("src"), col("dst")).as("dst"))
        .distinct().localCheckpoint();
    for (int round = 1; round <= maxRounds; round++) {
      current = smallStar(largeStar(current)).localCheckpoint();
      if (isStarForest(current)) {
        return new Result(current.select(col("src").as("node"), col("dst").as("root")), round);
      }
    }
    throw new IllegalStateException("connected components did not converge in " + maxRounds
        + " rounds; raise feedline.dedup.near.max-iterations");
  }

  /**
   * Whether edges {@code (src > dst)} form stars around their smallest nodes: no node is both a leaf
   * and a centre, and no leaf hangs from two centres. Then every leaf's {@code dst} is the smallest
   * node of its component and the iteration is done. One aggregation, nothing collected.
   */
  static boolean isStarForest(Dataset<Row> edges) {
    Dataset<Row> ends = edges.select(col("src").as("n"), lit(1).as("leaf"), lit(0).as("centre"))
        .union(edges.select(col("dst").as("n"), lit(0).as("leaf"), lit(1).as("centre")));
    return ends.groupBy(col("n")).agg(sum(col("leaf")).as("l"), sum(col("centre")).as("c"))
        .filter(col("l").gt(1).or(col("l").geq(1).and(col("c").geq(1)))).limit(1).count() == 0;
  }

  /** For every node u with neighbours N(u) and m = min(N(u) + u): edge (v, m) for each v in N(u) with v > u. */
  static Dataset<Row> largeStar(Dataset<Row> edges) {
    Dataset<Row> both = edges.select(col("src").as("u"), col("dst").as("v"))
        .union(edges.select(col("dst").as("u"), col("src").as("v")));
    Dataset<Row> mins = both.groupBy(col("u")).agg(min(col("v")).as("mv"));
    return both.join(mins, "u").filter(col("v").gt(col("u")))
        .select(col("v").as("src"), least(col("u"), col("mv")).as("dst")).distinct();
  }

  /**
   * Edges oriented from the larger to the smaller end; for every node u with smaller neighbours N(u)
   * and m = min(N(u)): edge (v, m) for each v in N(u) + u other than m.
   */
  static Dataset<Row> smallStar(Dataset<Row> edges) {
    Dataset<Row> oriented = edges.select(greatest(col("src"), col("dst")).as("u"), least(col("src"), col("dst")).as("v"))
        .filter(col("u").notEqual(col("v")));
    Dataset<Row> mins = oriented.groupBy(col("u")).agg(min(col("v")).as("m"));
    Dataset<Row> fromNeighbours = oriented.join(mins, "u").select(col("v").as("src"), col("m").as("dst"));
    Dataset<Row> fromSelf = mins.select(col("u").as("src"), col("m").as("dst"));
    return fromNeighbours.union(fromSelf).filter(col("src").notEqual(col("dst"))).distinct();
  }
}
