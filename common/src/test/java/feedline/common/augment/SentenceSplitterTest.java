package feedline.common.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  @Test
  void splitsEnglishButNotAtAbbreviationsInitialsOrDecimals() {
    String t = "Dr. Smith saw J. Doe at 3.5 pm. He said: take it easy! Was it e.g. the flu? Yes.";
    List<String> s = SentenceSplitter.split(t);
    assertThat(s).containsExactly("Dr. Smith saw J. Doe at 3.5 pm. ", "He said: take it easy! ",
        "Was it e.g. the flu? ", "Yes.");
    assertThat(String.join("", s)).isEqualTo(t);
  }

  @Test
  void splitsChinesePunctuationWithClosingQuotes() {
    String t = "他说：“明天再来。”我同意了！真的吗？是的；就这样……好";
    List<String> s = SentenceSplitter.split(t);
    assertThat(s).containsExactly("他说：“明天再来。”", "我同意了！", "真的吗？", "是的；", "就这样……", "好");
    assertThat(String.join("", s)).isEqualTo(t);
  }

  @Test
  void newlinesEndSentencesAndNumberedItemsStayWhole() {
    String t = "Steps:\n1. Open the lid.\n2. Pour water.\n";
    List<String> s = SentenceSplitter.split(t);
    assertThat(s).containsExactly("Steps:\n", "1. Open the lid.\n", "2. Pour water.\n");
  }

  @Test
  void mixedChineseAndEnglish() {
    List<String> s = SentenceSplitter.split("请重启路由器。Then try again. 还不行就打电话。");
    assertThat(s).containsExactly("请重启路由器。", "Then try again. ", "还不行就打电话。");
  }
}
