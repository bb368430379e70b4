package feedline.common.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsistencyCheckTest {
  private final ConsistencyCheck check = new ConsistencyCheck(
      Map.of("shuffle", new ConsistencyCheck.Bounds(0.5, 1.0, 0.9, 1.1)),
      new ConsistencyCheck.Bounds(0.3, 0.95, 0.5, 2.0), 3, 2);

  @Test
  void keepsAParaphraseInsideBounds() {
    ConsistencyCheck.Verdict v = check.check("synonym", "The patient feels a sharp pain in the chest today.",
        "The patient feels an acute pain in the chest today.");
    assertThat(v.kept()).isTrue();
    assertThat(v.similarity()).isBetween(0.3, 0.95);
  }

  @Test
  void rejectsCopiesDriftAndLostPlaceholdersOrNumbers() {
    String parent = "Call <PHONE_1> before 10:30 to confirm the 3 tickets.";
    assertThat(check.check("synonym", parent, parent).reason()).isEqualTo("too_similar");
    assertThat(check.check("synonym", parent, "Call <PHONE_1> before 10:30 to confirm the 3 ticket.").reason())
        .isEqualTo("too_similar");
    assertThat(check.check("synonym", parent, "Ring the number before 10:30 to confirm the 3 tickets.").reason())
        .isEqualTo("placeholder_lost");
    assertThat(check.check("synonym", parent, "Call <PHONE_1> before 11:30 to confirm the 3 tickets.").detail())
        .isEqualTo("number 10:30");
    ConsistencyCheck.Verdict drift = check.check("synonym", parent, "Zebras graze (<PHONE_1>, 10:30, 3) by a wide lake.");
    assertThat(drift.reason()).as("similarity %s", drift.similarity()).isEqualTo("drifted");
    assertThat(check.check("synonym", "Short <A_1> 5.", "Short <A_1> 5. " + "but now very much longer indeed ".repeat(3))
        .detail()).startsWith("length ratio").doesNotContain("similarity");
  }

  @Test
  void perMethodBoundsAndChineseBigrams() {
    String a = "第一句。第二句话很长。";
    String b = "第二句话很长。第一句。";
    assertThat(check.check("shuffle", a, b).kept()).isTrue();
    assertThat(check.check("synonym", a, b).reason()).isEqualTo("too_similar");
    assertThat(check.similarity("今天天气很好", "今天天气不错")).isBetween(0.3, 0.8);
  }
}
