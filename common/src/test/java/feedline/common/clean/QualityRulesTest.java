package feedline.common.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule: a text that must pass and one that must drop with the rule's reason, through the whole cleaner. */
class QualityRulesTest {
  static final String GOOD_EN = "Data cleaning removes boilerplate, fixes broken encodings and filters low quality text "
      + "before fine-tuning. Near duplicate detection with MinHash keeps a single copy of documents that differ only "
      + "slightly. Tokenizers split text into subword units, and the chat template decides how turns are rendered.";
  static final String GOOD_ZH = "数据清洗是训练大模型之前最重要的步骤之一。它决定了模型最终的效果，也影响训练所需的时间。"
      + "我们需要去除重复内容、修复编码错误，并过滤掉质量很低的文本。";

  /** Cleaner with every language kept, so only the rule under test decides. */
  private static DocumentCleaner cleaner(String... overrides) {
    String[] all = new String[overrides.length + 1];
    all[0] = "lang.keep = []";
    System.arraycopy(overrides, 0, all, 1, overrides.length);
    return new DocumentCleaner(CleanFixtures.options(all));
  }

  private static final DocumentCleaner DEFAULT = cleaner();
  /** Ratio rules judge texts of any length here, so that short fixtures can show them. */
  private static final DocumentCleaner RATIOS = cleaner("filters.ratio-min-units = 0");

  private static void passes(DocumentCleaner c, String text) {
    CleanResult r = c.clean(text, List.of());
    assertThat(r.verdict()).as(text).isNull();
  }

  private static void drops(DocumentCleaner c, String text, CleanRule rule) {
    CleanResult r = c.clean(text, List.of());
    assertThat(r.verdict()).as(text).isNotNull();
    assertThat(r.verdict().rule()).as(r.verdict().detail()).isEqualTo(rule);
  }

  @Test
  void goodEnglishAndChineseTextsPassAndKeepTheirSignals() {
    CleanResult en = DEFAULT.clean(GOOD_EN, List.of());
    assertThat(en.kept()).isTrue();
    assertThat(en.lang()).isEqualTo("en");
    assertThat(en.quality()).containsKeys(QualityMeter.SYMBOL_RATIO, QualityMeter.MEAN_WORD_LENGTH, QualityMeter.topNgram(2),
        QualityMeter.dupNgram(10));
    CleanResult zh = DEFAULT.clean(GOOD_ZH, List.of());
    assertThat(zh.kept()).isTrue();
    assertThat(zh.lang()).isEqualTo("zh");
    assertThat(zh.scripts()).containsEntry("han", 1.0);
    assertThat(zh.quality()).doesNotContainKey(QualityMeter.MEAN_WORD_LENGTH);
  }

  @Test
  void qualityScoreRanksRepetitiveTextBelowCleanText() {
    String somewhatRepetitive = "Buy our coffee today. Buy our coffee now. We roast beans every morning and ship them "
        + "fresh to your door. Buy our coffee today, you will like the taste of fresh beans.";
    CleanResult clean = cleaner("filters.top-ngram.enabled = false", "filters.duplicate-ngrams.enabled = false").clean(GOOD_EN, List.of());
    CleanResult repetitive = cleaner("filters.top-ngram.enabled = false", "filters.duplicate-ngrams.enabled = false")
        .clean(somewhatRepetitive, List.of());
    assertThat(clean.kept()).isTrue();
    assertThat(repetitive.kept()).isTrue();
    assertThat(clean.qualityScore()).isBetween(0.9, 1.0);
    assertThat(repetitive.qualityScore()).isLessThan(clean.qualityScore());
    assertThat(DEFAULT.clean(GOOD_ZH, List.of()).qualityScore()).isBetween(0.9, 1.0);
    assertThat(DEFAULT.clean(null, List.of()).qualityScore()).isNull();
  }

  @Test
  void emptyAndBlankTexts() {
    drops(DEFAULT, null, CleanRule.EMPTY_TEXT);
    drops(DEFAULT, "  \n\t ", CleanRule.EMPTY_TEXT);
    drops(DEFAULT, "<p></p>\u200B", CleanRule.EMPTY_TEXT);
  }

  @Test
  void garbage() {
    drops(DEFAULT, "ab\uFFFD\uFFFD\uE000\uE001 \u0001\u0002 text of bytes", CleanRule.GARBAGE);
    passes(DEFAULT, GOOD_EN + " \uFFFD");
    // UTF-8 read as Latin-1 is full of C1 controls: repaired first, so it is not taken for garbage
    String misread = new String(GOOD_ZH.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(QualityMeter.garbageRatio(misread, Integer.MAX_VALUE)).isGreaterThan(0.1);
    CleanResult repaired = DEFAULT.clean(misread, List.of());
    assertThat(repaired.kept()).isTrue();
    assertThat(repaired.text()).isEqualTo(GOOD_ZH);
  }

  @Test
  void lengthInWordsAndInCjkCharacters() {
    drops(DEFAULT, "Too short text.", CleanRule.MIN_LENGTH);
    passes(DEFAULT, "This sentence has exactly seven words.");
    drops(DEFAULT, "你好。", CleanRule.MIN_LENGTH);
    passes(DEFAULT, "数据清洗非常重要。");
    DocumentCleaner small = cleaner("filters.max-length.max-words = 20", "filters.max-length.max-cjk-chars = 20");
    drops(small, GOOD_EN, CleanRule.MAX_LENGTH);
    drops(small, GOOD_ZH, CleanRule.MAX_LENGTH);
    passes(small, "This sentence has exactly seven words.");
    CleanResult huge = cleaner("filters.max-length.max-input-chars = 100").clean(GOOD_EN, List.of());
    assertThat(huge.verdict().rule()).isEqualTo(CleanRule.MAX_LENGTH);
    assertThat(huge.verdict().detail()).contains("max-input-chars");
    assertThat(huge.text()).isEqualTo(GOOD_EN);
    passes(cleaner("filters.max-length.enabled = false", "filters.max-length.max-input-chars = 100"), GOOD_EN);
  }

  @Test
  void symbolAndDigitRatios() {
    drops(RATIOS, "# Title # with # many # hash # signs # here # and # more # and", CleanRule.SYMBOL_RATIO);
    drops(RATIOS, "Order 12345678 shipped 98765432 arrived 11223344 today 55667788 ok now", CleanRule.DIGIT_RATIO);
    passes(RATIOS, "Order 1234 shipped on Monday and arrived on Friday at the depot.");
    // a phone number or a card number is one unit among the Chinese characters around it
    passes(RATIOS, "张伟的银行卡号是 6222021043321819608，请不要在论坛公开，订单号 20231125001234 已发货。");
  }

  @Test
  void ratioRulesWaitForEnoughUnits() {
    String contact = "Contact Alice Johnson at alice.johnson@example.com or +1 415-555-0132; the server is at 192.168.10.24.";
    passes(DEFAULT, contact);
    drops(RATIOS, contact, CleanRule.ALPHA_WORDS);
    String longer = String.join(" ", java.util.Collections.nCopies(4, "# Title # with # many # hash # signs"));
    drops(DEFAULT, longer, CleanRule.SYMBOL_RATIO);
  }

  @Test
  void alphabeticWordsAndTheirCjkVariant() {
    drops(RATIOS, "the cat -- sat -- on -- the -- mat -- today -- now -- then", CleanRule.ALPHA_WORDS);
    drops(RATIOS, "好，好。学；习：天！天？向、上，“”（）【】《》", CleanRule.ALPHA_WORDS);
    passes(DEFAULT, GOOD_ZH);
  }

  @Test
  void meanWordLengthForSpaceDelimitedTextOnly() {
    drops(RATIOS, "a b c d e f g h i j k l m n o p.", CleanRule.MEAN_WORD_LENGTH);
    drops(RATIOS, "Supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopic "
        + "hippopotomonstrosesquippedaliophobia floccinaucinihilipilification.", CleanRule.MEAN_WORD_LENGTH);
    passes(RATIOS, "한국어 문장을 인식할 수 있습니다 그리고 더 많은 문장이 있습니다.");
  }

  @Test
  void lineRules() {
    drops(DEFAULT, "First line of a list without a stop\nSecond line here with no ending mark\n"
        + "Third entry that also lacks a period\nFourth item still without any mark", CleanRule.LINE_PUNCTUATION);
    drops(DEFAULT, "- apples are red and sweet.\n- bananas are yellow and long.\n- grapes are purple and small.\n"
        + "- lemons are sour and bright.", CleanRule.BULLET_LINES);
    drops(DEFAULT, "He said that everything was fine with the old house...\nThen she left the room without another word...\n"
        + "Nobody in the village knew where they should go next...\nThe end came soon after the long winter.", CleanRule.ELLIPSIS_LINES);
    passes(DEFAULT, "Shopping list for the week:\n- apples are red and sweet.\n- bananas are yellow and long.\n"
        + "Remember to buy bread as well.");
  }

  @Test
  void duplicateLinesAndParagraphs() {
    String dupLines = "Click here to subscribe to our newsletter today.\nWe write about data cleaning every week.\n"
        + "Click here to subscribe to our newsletter today.\nOur team builds training pipelines for models.\n"
        + "Click here to subscribe to our newsletter today.";
    drops(DEFAULT, dupLines, CleanRule.DUPLICATE_LINES);
    String dupParas = "The first paragraph talks about cleaning.\nIt has two lines of text.\n\n"
        + "The second paragraph is about deduplication of documents.\n\n"
        + "The first paragraph talks about cleaning.\nIt has two lines of text.";
    drops(cleaner("filters.duplicate-lines.enabled = false"), dupParas, CleanRule.DUPLICATE_PARAGRAPHS);
    passes(DEFAULT, GOOD_EN + "\n\n" + "A second paragraph adds different words to the document.");
  }

  @Test
  void ngramRepetitionInWordsAndInChineseCharacters() {
    drops(DEFAULT, "machine learning is great and machine learning is fun, machine learning helps us, "
        + "we like machine learning, machine learning rocks.", CleanRule.TOP_NGRAM);
    String phrase = "the quick brown fox jumps over the lazy dog near river";
    drops(DEFAULT, "Once upon a time " + phrase + " and then later that evening, when the market had closed and the "
        + "farmers were walking back along the old stone road towards their villages, " + phrase
        + " while everybody else was sleeping soundly in their warm beds at home after a long day.", CleanRule.DUPLICATE_NGRAMS);
    drops(DEFAULT, "我爱你我爱你我爱你我爱你我爱你我爱你我爱你我爱你。", CleanRule.TOP_NGRAM);
    String zhPhrase = "模型训练需要大量高质量的数据";
    drops(DEFAULT, "首先" + zhPhrase + "，其次还要考虑计算资源，再次需要准备好评测集合和基准测试，同时也必须检查标注的一致性与覆盖范围，"
        + "这些工作都很耗时。团队还要搭建流水线，记录每一次实验的配置和结果，方便以后复现与比较不同方案的优劣，最后" + zhPhrase + "。", CleanRule.DUPLICATE_NGRAMS);
    passes(DEFAULT, GOOD_ZH);
    passes(DEFAULT, GOOD_EN);
  }

  @Test
  void badWordsMatchWholeWordsAndChinesePhrases() {
    DocumentCleaner c = cleaner("filters.bad-words.words = [badword, \"two words\", 坏词]");
    drops(c, GOOD_EN + " This has a BadWord in it.", CleanRule.BAD_WORDS);
    drops(c, GOOD_EN + " It had two words too many.", CleanRule.BAD_WORDS);
    drops(c, GOOD_ZH + "这里有坏词出现。", CleanRule.BAD_WORDS);
    passes(c, GOOD_EN + " Several badwords do not match a whole word.");
    passes(cleaner("filters.bad-words.words = [badword]", "filters.bad-words.max-hits = 1"), GOOD_EN + " One badword is allowed.");
    assertThat(c.clean(GOOD_EN, List.of()).quality()).containsEntry(QualityMeter.BAD_WORDS, 0.0);
  }

  @Test
  void blockedDomainsInUrlColumnsAndInText() {
    DocumentCleaner c = cleaner("filters.url-domains.domains = [spam.example]");
    CleanResult byColumn = c.clean(GOOD_EN, List.of("https://www.spam.example/page"));
    assertThat(byColumn.verdict().rule()).isEqualTo(CleanRule.URL_DOMAINS);
    drops(c, GOOD_EN + " See http://sub.spam.example/offer for more.", CleanRule.URL_DOMAINS);
    passes(c, GOOD_EN + " See http://notspam.example/offer for more.");
    assertThat(c.clean(GOOD_EN, List.of("https://good.example/x")).kept()).isTrue();
    passes(cleaner("filters.url-domains.domains = [spam.example]", "filters.url-domains.scan-text = false"),
        GOOD_EN + " See http://sub.spam.example/offer for more.");
  }

  @Test
  void languageKeepList() {
    DocumentCleaner en = cleaner("lang.keep = [en]");
    drops(en, GOOD_ZH, CleanRule.LANGUAGE);
    passes(en, GOOD_EN);
    CleanResult r = en.clean(GOOD_ZH, List.of());
    assertThat(r.lang()).isEqualTo("zh");
    assertThat(r.verdict().detail()).contains("lang=zh");
  }

  @Test
  void disabledRulesMeasureButDoNotDrop() {
    DocumentCleaner c = cleaner("filters.min-length.enabled = false");
    CleanResult r = c.clean("Too short text.", List.of());
    assertThat(r.kept()).isTrue();
    assertThat(r.quality()).containsEntry(QualityMeter.UNITS, 3.0);
  }

  @Test
  void textInAScriptWithoutRulesIsJudgedOnlyOnLengthAndSymbols() {
    CleanResult thai = DEFAULT.clean("ภาษาไทยเป็นภาษาที่สวยงามมากและมีประวัติศาสตร์ยาวนาน", List.of());
    assertThat(thai.kept()).isTrue();
    assertThat(thai.lang()).isEqualTo("th");
    drops(DEFAULT, "ภาษาไทย", CleanRule.MIN_LENGTH);
  }
}
