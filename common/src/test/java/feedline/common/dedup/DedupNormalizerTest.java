package feedline.common.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedupNormalizerTest {

  @Test
  void allStepsFoldCaseWidthPunctuationAndWhitespace() {
    DedupNormalizer n = new DedupNormalizer(DedupNormalizer.Options.all());
    assertThat(n.normalize("  Hello,\tWORLD!!  ")).isEqualTo("hello world");
    assertThat(n.normalize("ＡＢＣ\u3000１２３")).isEqualTo("abc 123");
    assertThat(n.normalize("你好，世界。")).isEqualTo("你好 世界");
    assertThat(n.normalize("ｶﾀｶﾅ")).isEqualTo("カタカナ");
  }

  @Test
  void eachStepCanBeSwitchedOff() {
    assertThat(new DedupNormalizer(new DedupNormalizer.Options(false, true, true, true)).normalize("Ａb, C"))
        .isEqualTo("Ab C");
    assertThat(new DedupNormalizer(new DedupNormalizer.Options(true, false, true, true)).normalize("Ａb"))
        .isEqualTo("ａb");
    assertThat(new DedupNormalizer(new DedupNormalizer.Options(true, true, false, true)).normalize("a,  b"))
        .isEqualTo("a, b");
    assertThat(new DedupNormalizer(new DedupNormalizer.Options(true, true, true, false)).normalize(" a  b "))
        .isEqualTo(" a  b ");
    assertThat(new DedupNormalizer(DedupNormalizer.Options.none()).normalize(" A,ｂ ")).isEqualTo(" A,ｂ ");
  }

  @Test
  void nullAndBlankBecomeEmpty() {
    DedupNormalizer n = new DedupNormalizer(DedupNormalizer.Options.all());
    assertThat(n.normalize(null)).isEmpty();
    assertThat(n.normalize(" \n\t ")).isEmpty();
    assertThat(n.normalize("...!!")).isEmpty();
  }
}
