package feedline.common.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectedSpansTest {

  private static List<String> found(ProtectedSpans p, String text, Lang lang) {
    return p.find(text, lang).stream().map(s -> s.kind() + ":" + s.of(text)).toList();
  }

  @Test
  void findsPlaceholdersNumbersTermsAndNamesButNotSentenceStarts() {
    ProtectedSpans p = new ProtectedSpans(List.of("blood pressure", "FeedPump"));
    String t = "Call <PHONE_1> or write to [EMAIL]. Ask Maria about the blood pressure reading of 120/80 on the feedpump. NASA agrees.";
    assertThat(found(p, t, Lang.EN)).containsExactly("PLACEHOLDER:<PHONE_1>", "PLACEHOLDER:[EMAIL]", "ENTITY:Maria",
        "TERM:blood pressure", "NUMBER:120/80", "TERM:feedpump", "ENTITY:NASA");
  }

  @Test
  void linksAndMailAddressesAreOneSpanEach() {
    ProtectedSpans p = new ProtectedSpans(List.of());
    String t = "see https://fsf.org/licenses/ or mail help@example.co.uk today";
    assertThat(found(p, t, Lang.EN)).containsExactly("LINK:https://fsf.org/licenses/", "LINK:help@example.co.uk");
  }

  @Test
  void termsMatchWholeWordsOnlyInLatinTextAndAnywhereInChinese() {
    ProtectedSpans p = new ProtectedSpans(List.of("cat", "血压"));
    assertThat(found(p, "the category of cat", Lang.EN)).containsExactly("TERM:cat");
    assertThat(found(p, "测量血压两次", Lang.ZH)).containsExactly("TERM:血压");
  }

  @Test
  void placeholderOnlyTextsAndNumberLists() {
    assertThat(ProtectedSpans.onlyPlaceholders("<PHONE_1>, [EMAIL]")).isTrue();
    assertThat(ProtectedSpans.onlyPlaceholders("<PHONE_1> please")).isFalse();
    assertThat(ProtectedSpans.numbers("<ID_2> has 3 items at 10:30")).containsExactly("3", "10:30");
    assertThat(ProtectedSpans.placeholders("<A_1> and <A_1> and {{NAME}}")).containsExactly("<A_1>", "<A_1>", "{{NAME}}");
    // redact's hash mode
    assertThat(ProtectedSpans.placeholders("call <PHONE:3f9a2c1b7d0e> now")).containsExactly("<PHONE:3f9a2c1b7d0e>");
    assertThat(ProtectedSpans.numbers("call <PHONE:3f9a2c1b7d0e> now")).isEmpty();
  }
}
