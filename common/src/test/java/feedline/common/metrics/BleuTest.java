package feedline.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parity with sacrebleu. Unless noted, the expected values are sacrebleu's own test cases
 * (mjpost/sacrebleu, test/test_bleu.py); the Chinese cases were computed with sacrebleu 2.6.0
 * ({@code corpus_bleu(hyps, refs, tokenize='zh'|'char')}) since its test suite has none.
 */
class BleuTest {
  static final double EPS = 1e-8;

  // test_bleu.py: _refs / _hyps (the README example)
  static final List<List<String>> REFS = List.of(
      List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
      List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."));
  static final List<String> HYPS = List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");

  /** raw_corpus_bleu: no tokenization, floor smoothing, effective order. */
  static Bleu raw(double floor) {
    return new Bleu(BleuTokenizer.NONE, false, Bleu.Smooth.FLOOR, floor, 4, true);
  }

  @Test
  void corpusBleuWithDefault13aTokenizationMatchesSacrebleu() {
    // test_corpus_bleu_cases: (_hyps, _refs, {}, 48.530827) and {'tokenize': '13a'}
    BleuScore s = Bleu.defaults().corpus(HYPS, REFS);
    assertThat(s.score()).isCloseTo(48.530827, within(1e-6));
    assertThat(s.sysLen()).isEqualTo(17);
    assertThat(s.refLen()).isEqualTo(18);
    assertThat(s.counts()).containsExactly(14L, 7L, 5L, 3L);
    assertThat(s.totals()).containsExactly(17L, 14L, 11L, 8L);
  }

  @Test
  void tokenizeNoneAndSmoothNoneMatchSacrebleu() {
    // {'tokenize': 'none'} -> 49.1919566 ; {'smooth_method': 'none'} -> 48.530827
    assertThat(Bleu.defaults().withTokenizer(BleuTokenizer.NONE).corpus(HYPS, REFS).score()).isCloseTo(49.1919566, within(1e-6));
    Bleu none = new Bleu(BleuTokenizer.V13A, false, Bleu.Smooth.NONE, Double.NaN, 4, false);
    assertThat(none.corpus(HYPS, REFS).score()).isCloseTo(48.530827, within(1e-6));
  }

  @Test
  void emptyHypothesesAreKeptAndScoreZero() {
    // (('', '', ''), _refs, {}, 0.0)
    BleuScore s = Bleu.defaults().corpus(List.of("", "", ""), REFS);
    assertThat(s.score()).isZero();
    assertThat(s.refLen()).isGreaterThan(0);
  }

  @Test
  void rawBleuCasesMatchSacrebleu() {
    // test_raw_bleu_cases (current sacrebleu returns 0.0 for the no-match case, #141)
    assertThat(raw(0.01).corpus(List.of("this is a test", "another test"), List.of(List.of("ref1", "ref2"))).score()).isZero();
    assertThat(raw(0.01).corpus(List.of("this is a test"), List.of(List.of("this is a test"))).score() / 100).isCloseTo(1.0, within(EPS));
    assertThat(raw(0.01).corpus(List.of("this is a fest"), List.of(List.of("this is a test"))).score() / 100)
        .isCloseTo(0.223606797749979, within(EPS));
  }

  @Test
  void effectiveOrderCasesMatchSacrebleu() {
    // test_case_effective_order
    assertThat(raw(0.01).corpus(List.of("test"), List.of(List.of("a test"))).score() / 100).isCloseTo(0.3678794411714425, within(EPS));
    assertThat(raw(0.01).corpus(List.of("a test"), List.of(List.of("a test"))).score() / 100).isCloseTo(1.0, within(EPS));
    assertThat(raw(0.01).corpus(List.of("a little test"), List.of(List.of("a test"))).score() / 100)
        .isCloseTo(0.03218297948685433, within(EPS));
  }

  @Test
  void statisticsAndFloorOffsetMatchSacrebleu() {
    // test_case_statistics and test_case_offset
    List<String> hyp = List.of("am I am a character sequence");
    List<List<String>> ref = List.of(List.of("I am a symbol string sequence a a"));
    BleuScore s = raw(Double.NaN).corpus(hyp, ref);
    assertThat(s.counts()).containsExactly(4L, 2L, 1L, 0L);
    assertThat(s.totals()).containsExactly(6L, 5L, 4L, 3L);
    assertThat(s.score() / 100).isCloseTo(0.1555722182, within(EPS));
    assertThat(raw(0.0).corpus(hyp, ref).score()).isZero();
  }

  @Test
  void scoringFromStatisticsAndDegenerateStatistics() {
    // test_case_scoring: ((Statistics([9, 7, 5, 3], [10, 8, 6, 4]), 11, 11), 0.8375922397)
    Bleu none = new Bleu(BleuTokenizer.NONE, false, Bleu.Smooth.NONE, Double.NaN, 4, false);
    assertThat(none.compute(new long[] {9, 7, 5, 3}, new long[] {10, 8, 6, 4}, 11, 11).score() / 100).isCloseTo(0.8375922397, within(EPS));
    // test_case_degenerate_stats (floor smoothing)
    Bleu floor0 = new Bleu(BleuTokenizer.NONE, false, Bleu.Smooth.FLOOR, 0.0, 4, false);
    assertThat(floor0.compute(new long[] {0, 0, 0, 0}, new long[] {4, 4, 2, 1}, 0, 1).score()).isZero();
    assertThat(floor0.compute(new long[] {0, 0, 0, 0}, new long[] {10, 11, 12, 0}, 14, 10).score()).isZero();
    assertThat(floor0.compute(new long[] {0, 0, 0, 0}, new long[] {0, 0, 0, 0}, 0, 0).score()).isZero();
    assertThat(floor0.compute(new long[] {6, 5, 4, 0}, new long[] {6, 5, 4, 3}, 6, 6).score()).isZero();
    Bleu floor01 = new Bleu(BleuTokenizer.NONE, false, Bleu.Smooth.FLOOR, 0.01, 4, false);
    assertThat(floor01.compute(new long[] {0, 0, 0, 0}, new long[] {0, 0, 0, 0}, 1, 5).score()).isZero();
  }

  static final List<String> ZH_HYPS = List.of("今天天气很好，我们去公园散步。", "他说：“这本书非常有趣！”", "模型在2024年训练了3.5个小时。");
  static final List<List<String>> ZH_REFS = List.of(List.of("今天天气不错，我们去公园走走。", "他说这本书很有意思。", "模型在2024年训练了三个半小时。"));

  @Test
  void zhTokenizerMatchesSacrebleu() {
    // sacrebleu 2.6.0: corpus_bleu(ZH_HYPS, ZH_REFS, tokenize='zh') -> 45.23798639808128,
    // counts [29, 20, 14, 9], totals [41, 38, 35, 32], sys_len 41, ref_len 39
    BleuScore s = Bleu.defaults().withTokenizer(BleuTokenizer.ZH).corpus(ZH_HYPS, ZH_REFS);
    assertThat(s.score()).isCloseTo(45.23798639808128, within(1e-9));
    assertThat(s.counts()).containsExactly(29L, 20L, 14L, 9L);
    assertThat(s.totals()).containsExactly(41L, 38L, 35L, 32L);
    assertThat(s.refLen()).isEqualTo(39);
    // the zh tokenizer also gives the English example the 13a score (sacrebleu: 48.530827009929865)
    assertThat(Bleu.defaults().withTokenizer(BleuTokenizer.ZH).corpus(HYPS, REFS).score()).isCloseTo(48.530827, within(1e-6));
    // 13a on unsegmented Chinese finds no shared word at all (sacrebleu: 0.0)
    assertThat(Bleu.defaults().corpus(ZH_HYPS, ZH_REFS).score()).isZero();
  }

  @Test
  void zhAndCharTokenizersSplitLikeSacrebleu() {
    // sacrebleu 2.6.0 TokenizerZh outputs
    assertThat(BleuTokenizer.ZH.tokenize("模型在2024年训练了3.5个小时。")).isEqualTo("模 型 在 2024 年 训 练 了 3.5 个 小 时 。");
    assertThat(BleuTokenizer.ZH.tokenize("他说：“这本书非常有趣！”")).isEqualTo("他 说 ： “ 这 本 书 非 常 有 趣 ！ ”");
    assertThat(BleuTokenizer.ZH.tokenize("a—b “x” 中文ABC，テスト")).isEqualTo("a — b “ x ” 中 文 ABC ， テスト");
    assertThat(BleuTokenizer.V13A.tokenize("It wasn't 3.5, e.g. (x-y) 12-3 &amp; a.b,c"))
        .isEqualTo("It wasn't 3.5 , e . g . ( x-y ) 12 - 3 & a . b , c");
    // corpus_bleu(ZH_HYPS, ZH_REFS, tokenize='char') -> 47.58882641000374, counts [32, 23, 17, 12]
    BleuScore c = Bleu.defaults().withTokenizer(BleuTokenizer.CHAR).corpus(ZH_HYPS, ZH_REFS);
    assertThat(c.score()).isCloseTo(47.58882641000374, within(1e-9));
    assertThat(c.counts()).containsExactly(32L, 23L, 17L, 12L);
  }
}
