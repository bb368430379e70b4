package feedline.common.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizationStepsTest {
  @Test
  void invisibleCharactersGoButEmojiJoinersAndLineBreaksStay() {
    Edited e = InvisibleChars.strip("a\u200Bb\u00ADc\u202Ed\uFEFFe\r\nf\rg\u0007h\tend 👨\u200D👩");
    assertThat(e.text()).isEqualTo("abcde\nf\ngh\tend 👨\u200D👩");
    assertThat(e.changes()).isEqualTo(7);
    assertThat(InvisibleChars.strip("plain text\n").changes()).isZero();
  }

  @Test
  void entitiesAreDecodedAndRealMarkupRemovedButLookalikesKept() {
    Edited ent = MarkupCleaner.decodeEntities("AT&amp;T &lt;b&gt; &#20013;&#x6587; caf&eacute; R&D &bogus;");
    assertThat(ent.text()).isEqualTo("AT&T <b> 中文 café R&D &bogus;");
    assertThat(ent.changes()).isEqualTo(6);
    Edited tags = MarkupCleaner.stripTags("<p>Hello <b>world</b></p><script>var x = 1;</script><!-- c -->if a < b and List<String> x");
    assertThat(tags.text()).isEqualTo("\nHello world\nif a < b and List<String> x");
    assertThat(tags.changes()).isEqualTo(6);
    assertThat(MarkupCleaner.stripTags("a < b > c").changes()).isZero();
  }

  @Test
  void fullWidthLettersBecomeHalfWidthAndChinesePunctuationIsKeptOrRestored() {
    Edited zh = WidthNormalizer.normalize("我用ＡＰＩ１２３调用，好吗? 时间:10:30", true);
    assertThat(zh.text()).isEqualTo("我用API123调用，好吗？ 时间：10:30");
    assertThat(zh.changes()).isEqualTo(8);
    Edited en = WidthNormalizer.normalize("ＡＢＣ，ｄｅｆ！", false);
    assertThat(en.text()).isEqualTo("ABC,def!");
  }

  @Test
  void whitespaceRunsAndBlankLinesAreCollapsedIndentationKept() {
    Edited e = WhitespaceNormalizer.normalize("\n\n  indented   text\u00A0here  \n\n\n\nnext\u3000line\t\tend\n\n", 1);
    assertThat(e.text()).isEqualTo("  indented text here\n\nnext line end");
    assertThat(e.changes()).isPositive();
    assertThat(WhitespaceNormalizer.normalize("a b\n\nc", 1).changes()).isZero();
    assertThat(WhitespaceNormalizer.normalize("a\n\n\nb", 0).text()).isEqualTo("a\nb");
  }

  @Test
  void repeatedPunctuationIsShortened() {
    Edited e = PunctuationRuns.shorten("Wow!!!!!! 真的吗？？？？？ ok... fine------", 3);
    assertThat(e.text()).isEqualTo("Wow!!! 真的吗？？？ ok... fine---");
    assertThat(e.changes()).isEqualTo(3);
    assertThat(PunctuationRuns.shorten("a == b!!", 3).changes()).isZero();
  }

  @Test
  void wrappedLinesAreJoinedButListsChatAndShortLinesAreNot() {
    String wrapped = "Data cleaning removes boilerplate and fixes the\nencodings of documents before they are used for\ntraining. A new sentence starts here.";
    Edited e = LineWrapRepair.repair(wrapped, 40);
    assertThat(e.text()).isEqualTo("Data cleaning removes boilerplate and fixes the encodings of documents before they are used for training. A new sentence starts here.");
    assertThat(e.changes()).isEqualTo(2);
    String zh = "数据清洗是训练大模型之前最重要的步骤之一它决定\n了模型最终的效果。";
    assertThat(LineWrapRepair.repair(zh, 40).text()).isEqualTo("数据清洗是训练大模型之前最重要的步骤之一它决定了模型最终的效果。");
    String kept = "Things to check before the training run starts\n- tokenizer\n- chat template\nuser: the order has not arrived yet and it is late\nassistant: please send the order number";
    assertThat(LineWrapRepair.repair(kept, 40).changes()).isZero();
    assertThat(LineWrapRepair.repair("short line\ncontinues", 40).changes()).isZero();
  }

  @Test
  void traditionalChineseBecomesSimplifiedWithHanlpAndJapaneseIsSkipped() {
    String trad = "資料清洗是訓練模型之前最重要的步驟";
    Edited e = ChineseConverter.toSimplified(trad, Scripts.count(trad, 1000));
    assertThat(e.text()).isEqualTo("资料清洗是训练模型之前最重要的步骤");
    assertThat(e.changes()).isEqualTo(4);
    String ja = "東京の學校で日本語を勉強します";
    assertThat(ChineseConverter.toSimplified(ja, Scripts.count(ja, 1000)).changes()).isZero();
  }
}
