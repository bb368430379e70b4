package feedline.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartitionIteratorsTest {
  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  private static <T> List<T> drain(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void mapIsLazyAndKeepsOrder() {
    AtomicInteger calls = new AtomicInteger();
    Iterator<String> it = PartitionIterators.map(range(5).iterator(), i -> {
      calls.incrementAndGet();
      return "r" + i;
    });
    assertThat(calls).hasValue(0);
    assertThat(it.next()).isEqualTo("r0");
    assertThat(calls).hasValue(1);
    assertThat(drain(it)).containsExactly("r1", "r2", "r3", "r4");
  }

  @Test
  void batchedCutsBatchesOfTheGivenSizeAndReadsNoFurtherThanNeeded() {
    List<List<Integer>> seen = new ArrayList<>();
    Iterator<Integer> it = PartitionIterators.batched(range(7).iterator(), 3, b -> {
      seen.add(List.copyOf(b));
      return b.stream().map(i -> i * 10).toList();
    });
    assertThat(it.next()).isZero();
    assertThat(seen).containsExactly(List.of(0, 1, 2));
    assertThat(drain(it)).containsExactly(10, 20, 30, 40, 50, 60);
    assertThat(seen).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6));
  }

  @Test
  void batchedSkipsBatchesThatGiveNothingAndExpandsOthers() {
    Iterator<Integer> it = PartitionIterators.batched(range(6).iterator(), 2,
        b -> b.get(0) == 2 ? List.of() : List.of(b.get(0), b.get(0), b.get(1)));
    assertThat(drain(it)).containsExactly(0, 0, 1, 4, 4, 5);
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void emptyInputAndBadBatchSize() {
    assertThat(PartitionIterators.batched(List.<Integer>of().iterator(), 4, b -> b).hasNext()).isFalse();
    assertThatThrownBy(() -> PartitionIterators.batched(range(1).iterator(), 0, b -> b))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }
}
