package feedline.common.sft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PackerTest {
  private static TokenizedExample ex(String id, int n, int base) {
    int[] ids = IntStream.range(0, n).map(i -> base + i).toArray();
    int[] labels = ids.clone();
    labels[0] = TokenizedExample.IGNORE;
    return TokenizedExample.single(id, "g" + id, "s", "train", ids, labels);
  }

  @Test
  void packedRowsKeepEachExamplesBoundaries() {
    TokenizedExample a = ex("a", 3, 100);
    TokenizedExample b = ex("b", 2, 200);
    TokenizedExample row = Packer.merge(List.of(a, b));
    assertThat(row.exampleId()).isEqualTo("a+1");
    assertThat(row.inputIds()).containsExactly(100, 101, 102, 200, 201);
    assertThat(row.positionIds()).containsExactly(0, 1, 2, 0, 1);
    assertThat(row.segmentIds()).containsExactly(0, 0, 0, 1, 1);
    // the first token of each segment has no predecessor in its segment: no loss there
    assertThat(row.labels()).containsExactly(-100, 101, 102, -100, 201);
    assertThat(row.attends(3, 2)).isFalse();
    assertThat(row.attends(4, 3)).isTrue();
  }

  @Test
  void planFitsEveryExampleOnceWithinTheLimitAndIsDeterministic() {
    Random rnd = new Random(5);
    int[] lengths = rnd.ints(200, 1, 120).toArray();
    List<int[]> plan = Packer.plan(lengths, 128);
    List<Integer> seen = new ArrayList<>();
    for (int[] bin : plan) {
      assertThat(Arrays.stream(bin).map(i -> lengths[i]).sum()).isLessThanOrEqualTo(128);
      Arrays.stream(bin).forEach(seen::add);
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 200).boxed().toList());
    int total = Arrays.stream(lengths).sum();
    // first fit decreasing stays close to the lower bound on rows
    assertThat(plan.size()).isLessThanOrEqualTo((int) Math.ceil(total / 128.0 * 1.1) + 1);
    List<int[]> again = Packer.plan(lengths, 128);
    assertThat(again).hasSize(plan.size());
    for (int i = 0; i < plan.size(); i++) assertThat(again.get(i)).containsExactly(plan.get(i));
  }
}
