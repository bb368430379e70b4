package feedline.common.sft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationRulesTest {
  private final ConversationRules rules = new ConversationRules(true, 1000);

  private static SftInput chat(Turn... t) {
    return new SftInput.Chat(List.of(t));
  }

  @Test
  void repairsEmptyTurnsRoleOrderAndControlCharacters() {
    var out = rules.apply(chat(Turn.assistant("stray"), Turn.user("a\u0007b"), Turn.user("more"), Turn.assistant("  "),
        Turn.system("late system"), Turn.assistant("answer"), Turn.user("unanswered")));
    assertThat(out.dropped()).isFalse();
    assertThat(((SftInput.Chat) out.input()).turns()).containsExactly(Turn.system("late system"), Turn.user("ab\n\nmore"),
        Turn.assistant("answer"));
    assertThat(out.fixes()).containsExactlyInAnyOrder(SftReasons.FIX_LEADING_ASSISTANT_REMOVED, SftReasons.FIX_CONTROL_CHARS_REMOVED,
        SftReasons.FIX_CONSECUTIVE_MERGED, SftReasons.FIX_EMPTY_TURN_REMOVED, SftReasons.FIX_SYSTEM_MOVED_FIRST,
        SftReasons.FIX_TRAILING_USER_REMOVED);
  }

  @Test
  void dropsRowsWithoutAnAssistantTurnOrContent() {
    assertThat(rules.apply(chat(Turn.user("q"))).dropReason()).isEqualTo(SftReasons.NO_ASSISTANT_TURN);
    assertThat(rules.apply(chat(Turn.user(" "), Turn.assistant(""))).dropReason()).isEqualTo(SftReasons.EMPTY_CONTENT);
    assertThat(rules.apply(new SftInput.Text("\u0001 ")).dropReason()).isEqualTo(SftReasons.EMPTY_CONTENT);
  }

  @Test
  void strictRoleOrderDropsInsteadOfMerging() {
    var strict = new ConversationRules(false, 1000);
    var out = strict.apply(chat(Turn.user("a"), Turn.user("b"), Turn.assistant("c")));
    assertThat(out.dropReason()).isEqualTo(SftReasons.ROLE_ORDER);
    assertThat(out.dropDetail()).contains("merge-consecutive");
  }

  @Test
  void dropsTextsLongerThanTheCharacterLimit() {
    var small = new ConversationRules(true, 10);
    assertThat(small.apply(chat(Turn.user("12345"), Turn.assistant("123456"))).dropReason()).isEqualTo(SftReasons.TOO_LONG_CHARS);
    assertThat(small.apply(chat(Turn.user("12345"), Turn.assistant("12345"))).dropped()).isFalse();
  }
}
