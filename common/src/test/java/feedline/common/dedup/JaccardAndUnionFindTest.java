package feedline.common.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JaccardAndUnionFindTest {

  @Test
  void jaccardOfSortedSets() {
    assertThat(Jaccard.similarity(new long[] {1, 2, 3, 4}, new long[] {3, 4, 5, 6})).isEqualTo(2.0 / 6);
    assertThat(Jaccard.similarity(new long[] {-3, 1}, new long[] {-3, 1})).isEqualTo(1.0);
    assertThat(Jaccard.similarity(new long[] {1}, new long[] {2})).isZero();
    assertThat(Jaccard.similarity(new long[0], new long[0])).isZero();
  }

  @Test
  void unionFindNamesComponentsByTheirSmallestId() {
    UnionFind uf = new UnionFind();
    uf.union(5, 9);
    uf.union(9, 2);
    uf.union(7, 8);
    uf.add(100);
    Map<Long, Long> c = uf.components();
    assertThat(c).containsEntry(5L, 2L).containsEntry(9L, 2L).containsEntry(2L, 2L)
        .containsEntry(7L, 7L).containsEntry(8L, 7L).containsEntry(100L, 100L).hasSize(6);
  }

  @Test
  void longChainCollapsesToOneComponent() {
    UnionFind uf = new UnionFind();
    for (long i = 1000; i > 0; i--) uf.union(i, i - 1);
    for (long i = 0; i <= 1000; i++) assertThat(uf.componentMin(i)).isZero();
  }
}
