package feedline.common.sft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitAssignerTest {
  @Test
  void ratiosAreMetAndTheSameKeyAlwaysLandsInTheSameSplit() {
    SplitAssigner s = new SplitAssigner(0.8, 0.1, 0.1, "seed-1");
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 20_000; i++) counts.merge(s.assign("doc-" + i), 1, Integer::sum);
    assertThat(counts.get("train") / 20_000.0).isBetween(0.78, 0.82);
    assertThat(counts.get("validation") / 20_000.0).isBetween(0.09, 0.11);
    assertThat(counts.get("test") / 20_000.0).isBetween(0.09, 0.11);
    SplitAssigner again = new SplitAssigner(0.8, 0.1, 0.1, "seed-1");
    for (int i = 0; i < 1000; i++) assertThat(again.assign("doc-" + i)).isEqualTo(s.assign("doc-" + i));
  }

  @Test
  void theSeedChangesTheDraw() {
    SplitAssigner a = new SplitAssigner(0.5, 0.25, 0.25, "a");
    SplitAssigner b = new SplitAssigner(0.5, 0.25, 0.25, "b");
    int differ = 0;
    for (int i = 0; i < 1000; i++) if (!a.assign("k" + i).equals(b.assign("k" + i))) differ++;
    assertThat(differ).isGreaterThan(300);
  }

  @Test
  void ratiosMustSumToOne() {
    assertThatThrownBy(() -> new SplitAssigner(0.8, 0.2, 0.1, "x")).hasMessageContaining("build.split")
        .hasMessageContaining("sum to 1");
  }
}
