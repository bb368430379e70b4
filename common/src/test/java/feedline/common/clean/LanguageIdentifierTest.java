package feedline.common.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private static LanguageIdentifier id;

  @BeforeAll
  static void load() {
    id = new LanguageIdentifier(0.5, 10_000);
  }

  private static LanguageIdentifier.Guess guess(String s) {
    return id.identify(s, Scripts.count(s, 100_000));
  }

  @Test
  void shortTextsInManyLanguages() {
    assertThat(guess("Hello, how are you doing today?").lang()).isEqualTo("en");
    assertThat(guess("你好").lang()).isEqualTo("zh");
    assertThat(guess("資料清洗").lang()).isEqualTo("zh");
    assertThat(guess("Das ist ein kurzer deutscher Satz über das Wetter.").lang()).isEqualTo("de");
    assertThat(guess("これは日本語の文章です。").lang()).isEqualTo("ja");
    assertThat(guess("한국어 문장을 인식할 수 있습니다").lang()).isEqualTo("ko");
    assertThat(guess("Это короткое предложение на русском языке.").lang()).isEqualTo("ru");
  }

  @Test
  void mixedChineseAndEnglishGoesByTheMajorityOfUnits() {
    LanguageIdentifier.Guess zh = guess("我在用Spark处理data，效果很好。");
    assertThat(zh.lang()).isEqualTo("zh");
    assertThat(zh.confidence()).isBetween(0.5, 0.99);
    assertThat(guess("The word 数据 means data in Chinese and it is used very often in papers.").lang()).isEqualTo("en");
  }

  @Test
  void noLettersIsUndeterminedAndResultsRepeat() {
    assertThat(guess("12345 678 !!!").lang()).isEqualTo(LanguageIdentifier.UNDETERMINED);
    String text = "Near duplicate detection with MinHash keeps a single copy of each document.";
    assertThat(guess(text)).isEqualTo(guess(text));
  }

  @Test
  void scriptSharesAreCountedPerScript() {
    Scripts.Counts c = Scripts.count("我在用Spark处理data", 1000);
    assertThat(c.shares()).containsEntry("han", 0.3571).containsEntry("latin", 0.6429);
    assertThat(c.shape()).isEqualTo(Scripts.Shape.CJK);
    assertThat(Scripts.count("ภาษาไทยเป็นภาษาที่สวยงามมาก", 1000).shape()).isEqualTo(Scripts.Shape.UNSEGMENTED);
    assertThat(Scripts.count("12 + 34", 1000).shape()).isEqualTo(Scripts.Shape.NONE);
  }
}
