package feedline.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parity with Google's rouge-score. Expected values are rouge-score's own test cases
 * (google-research/google-research, rouge/rouge_scorer_test.py; the ROUGE-1.5.5 figures use the first
 * two lines of rouge/testdata/target.txt and prediction.txt, copied below). Arguments are
 * (target, prediction) as in {@code RougeScorer.score}.
 */
class RougeTest {
  static final String TARGET0 = "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM "
      + "EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n";
  static final String TARGET1 = "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m "
      + "qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T "
      + "BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN\n";
  static final String PRED0 = "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi\n";
  static final String PRED1 = "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J "
      + "XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD\n";

  static RougeScore one(String type, String target, String prediction) {
    return new Rouge(List.of(type), RougeTokenizer.DEFAULT).score(target, prediction).get(type);
  }

  static void expect(RougeScore s, double p, double r, double f, double eps) {
    assertThat(s.precision()).isCloseTo(p, within(eps));
    assertThat(s.recall()).isCloseTo(r, within(eps));
    assertThat(s.fmeasure()).isCloseTo(f, within(eps));
  }

  @Test
  void smallCasesFromRougeScorerTest() {
    expect(one("rouge1", "testing one two", "testing"), 1, 1.0 / 3, 0.5, 1e-12); // testRouge1
    expect(one("rouge2", "testing one two", "testing one"), 1, 0.5, 2.0 / 3, 1e-12); // testRouge2
    expect(one("rougeL", "testing one two", "testing one"), 1, 2.0 / 3, 0.8, 1e-12); // testRougeLConsecutive
    expect(one("rougeL", "testing one two", "testing two"), 1, 2.0 / 3, 0.8, 1e-12); // testRougeLNonConsecutive
    for (String t : List.of("rouge1", "rouge2", "rougeL", "rougeLsum")) expect(one(t, "testing one two", ""), 0, 0, 0, 0); // testRougeEmpty
  }

  @Test
  void againstRouge155() {
    // testRouge1AgainstRouge155, testRouge2AgainstRouge155, testRougeLAgainstRouge155 (5 places)
    double e = 5e-6;
    expect(one("rouge1", TARGET0, PRED0), 0.68750, 0.40741, 0.51163, e);
    expect(one("rouge1", TARGET1, PRED1), 0.65385, 0.40476, 0.50000, e);
    expect(one("rouge2", TARGET0, PRED0), 0.53333, 0.30769, 0.39024, e);
    expect(one("rouge2", TARGET1, PRED1), 0.48000, 0.29268, 0.36364, e);
    expect(one("rougeL", TARGET0, PRED0), 0.68750, 0.40741, 0.51163, e);
    expect(one("rougeL", TARGET1, PRED1), 0.65385, 0.40476, 0.50000, e);
  }

  @Test
  void rougeLsumUnionLcs() {
    // testRougeLsum and testSummaryLevelLcs: recall 4/5, precision 4/10
    expect(one("rougeLsum", "w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5"), 0.4, 0.8, 0.5333, 5e-4);
    expect(one("rougeLsum", "w1 w2 w3 w4 w5", ""), 0, 0, 0, 0);
    expect(one("rougeLsum", "", "w1"), 0, 0, 0, 0);
    expect(one("rougeLsum", "w1 w2 w3 w4 w5", "/"), 0, 0, 0, 0);
    // testLcsTable: one LCS of [1,2,3,4,5] and [2,5,3,4] sits at indices [1,2,3]
    assertThat(Rouge.lcsIndices(List.of("1", "2", "3", "4", "5"), List.of("2", "5", "3", "4"))).containsExactly(1, 2, 3);
    assertThat(Rouge.lcsIndices(List.of("1", "2", "3", "4", "5"), List.of("8", "9"))).isEmpty();
  }

  @Test
  void invalidTypesAreRejected() {
    // testInvalidRougeTypes
    for (String bad : List.of("rougen", "rouge0", "rouge10")) {
      assertThatThrownBy(() -> new Rouge(List.of(bad), RougeTokenizer.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void chineseCharacterModeScoresWhatTheDefaultTokenizerCannotSee() {
    // the default tokenizer drops every non [a-z0-9] character, so Chinese gets no tokens
    assertThat(RougeTokenizer.DEFAULT.tokenize("今天天气很好")).isEmpty();
    assertThat(RougeTokenizer.CHAR.tokenize("今天 GPU4 天气，很好!")).containsExactly("今", "天", "gpu4", "天", "气", "很", "好");
    // target 今天天气很好 (6 chars), prediction 今天天气不错 (6 chars): 4 shared unigrams, 3 shared bigrams
    Map<String, RougeScore> s = Rouge.standard(RougeTokenizer.CHAR).score("今天天气很好", "今天天气不错");
    expect(s.get("rouge1"), 4.0 / 6, 4.0 / 6, 4.0 / 6, 1e-12);
    expect(s.get("rouge2"), 3.0 / 5, 3.0 / 5, 3.0 / 5, 1e-12);
    expect(s.get("rougeL"), 4.0 / 6, 4.0 / 6, 4.0 / 6, 1e-12);
  }

  @Test
  void corpusScoreIsTheMeanOverPairs() {
    Map<String, RougeScore> c = Rouge.standard(RougeTokenizer.DEFAULT)
        .corpus(List.of("testing one two", "testing one two"), List.of("testing", "testing one"));
    // rouge1 F: (1/2 + 4/5) / 2
    assertThat(c.get("rouge1").fmeasure()).isCloseTo((0.5 + 0.8) / 2, within(1e-12));
  }
}
