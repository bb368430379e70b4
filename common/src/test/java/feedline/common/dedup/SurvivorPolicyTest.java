package feedline.common.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.common.dedup.SurvivorPolicy.Candidate;
import feedline.common.dedup.SurvivorPolicy.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurvivorPolicyTest {
  private final Candidate shortOld = new Candidate("a", 10, 1000L, 0.9, "web");
  private final Candidate longNew = new Candidate("b", 50, 5000L, 0.2, "forum");
  private final Candidate midNoTime = new Candidate("c", 30, null, null, "clinic");
  private final List<Candidate> group = List.of(longNew, midNoTime, shortOld);

  @Test
  void eachPolicyPicksItsCandidate() {
    assertThat(new SurvivorPolicy(Kind.LONGEST, List.of()).survivor(group)).isEqualTo(longNew);
    assertThat(new SurvivorPolicy(Kind.OLDEST, List.of()).survivor(group)).isEqualTo(shortOld);
    assertThat(new SurvivorPolicy(Kind.NEWEST, List.of()).survivor(group)).isEqualTo(longNew);
    assertThat(new SurvivorPolicy(Kind.QUALITY, List.of()).survivor(group)).isEqualTo(shortOld);
    assertThat(new SurvivorPolicy(Kind.SOURCE, List.of("clinic", "web")).survivor(group)).isEqualTo(midNoTime);
    assertThat(new SurvivorPolicy(Kind.SOURCE, List.of("web")).survivor(group)).isEqualTo(shortOld);
  }

  @Test
  void missingValuesRankLastAndTiesFallBackToLengthThenId() {
    SurvivorPolicy oldest = new SurvivorPolicy(Kind.OLDEST, List.of());
    assertThat(oldest.survivor(List.of(midNoTime, longNew))).isEqualTo(longNew);
    Candidate x = new Candidate("x", 20, null, null, null);
    Candidate y = new Candidate("y", 25, null, null, null);
    Candidate z = new Candidate("z", 25, null, null, null);
    assertThat(new SurvivorPolicy(Kind.QUALITY, List.of()).survivor(List.of(x, z, y))).isEqualTo(y);
    assertThat(new SurvivorPolicy(Kind.SOURCE, List.of("web")).survivor(List.of(z, x, y))).isEqualTo(y);
  }
}
