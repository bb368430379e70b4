package feedline.common.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  @Test
  void markupBecomesGoldSpansOverTheCleanText() {
    EvalSet.Doc d = EvalSet.parseLine(3, "电话[[PHONE|13800138000]]，邮箱 [[EMAIL|a@b.com]]。");
    assertThat(d.text()).isEqualTo("电话13800138000，邮箱 a@b.com。");
    assertThat(d.gold()).extracting(s -> s.type() + ":" + s.valueIn(d.text()))
        .containsExactly("PHONE:13800138000", "EMAIL:a@b.com");
    assertThatThrownBy(() -> EvalSet.parseLine(7, "x [[PHONE|123")).hasMessageContaining("line 7");
    assertThatThrownBy(() -> EvalSet.parseLine(8, "x [[SSN|123]]")).hasMessageContaining("unknown type SSN");
  }

  @Test
  void countsExactMatchesFalseAlarmsMissesAndLeaks() {
    // gold: one phone found, one email not detected (email type disabled), one look-alike line
    List<EvalSet.Doc> docs = EvalSet.parse("# comment\n电话[[PHONE|13800138000]]，邮箱 [[EMAIL|a@b.com]]。\n订单号 13900139000\n");
    RedactOptions o = RedactOptions.defaults(RedactionMode.MASK).withTypes(EnumSet.of(PiiType.PHONE));
    PiiEvaluation.Result r = PiiEvaluation.run(new PiiEngine(o), docs, 10);
    assertThat(r.docs()).isEqualTo(2);
    assertThat(r.exact().get(PiiType.PHONE)).isEqualTo(new PiiEvaluation.Counts(1, 0, 0));
    assertThat(r.exact().get(PiiType.EMAIL)).isEqualTo(new PiiEvaluation.Counts(0, 0, 1));
    assertThat(r.leaked()).isEqualTo(1);
    assertThat(r.leakRate()).isEqualTo(0.5);
    assertThat(r.errors()).containsExactly("line 2: missed EMAIL at [17,24)");
    assertThat(PiiEvaluation.table(r)).contains("| PHONE | 1 | 1 | 1.000 | 1.000 | 1.000 | 1.000 |").contains("leak rate: 50.00%");
  }

  @Test
  void personCountsAreSplitByScript() {
    List<EvalSet.Doc> docs = EvalSet.parse("联系人：[[PERSON|黄晓明]]\nDear [[PERSON|Wilhelmina]], and Mr. [[PERSON|Quist]]\n");
    RedactOptions o = RedactOptions.defaults(RedactionMode.MASK).withTypes(EnumSet.of(PiiType.PERSON));
    PiiEvaluation.Result r = PiiEvaluation.run(new PiiEngine(o), docs, 10);
    assertThat(r.personExact().get("Chinese")).isEqualTo(new PiiEvaluation.Counts(1, 0, 0));
    assertThat(r.personExact().get("English").tp() + r.personExact().get("English").fn()).isEqualTo(2);
    assertThat(PiiEvaluation.table(r)).contains("| PERSON, Chinese | 1 | 1 | 1.000 | 1.000 |");
  }

  @Test
  void secondHeldOutAndDevelopmentSetsParse() throws Exception {
    List<EvalSet.Doc> heldout2 = resource("feedline/pii/eval/pii_heldout2.txt");
    assertThat(heldout2).hasSizeGreaterThanOrEqualTo(150);
    assertThat(heldout2.stream().mapToLong(d -> d.gold().size()).sum()).isGreaterThanOrEqualTo(250);
    // every type has gold spans, and look-alike-only documents are there too
    assertThat(heldout2.stream().flatMap(d -> d.gold().stream()).map(Span::type).distinct()).hasSize(PiiType.values().length);
    assertThat(heldout2.stream().filter(d -> d.gold().isEmpty()).count()).isGreaterThan(40);
    assertThat(resource("feedline/pii/eval/pii_dev2.txt").stream().mapToLong(d -> d.gold().size()).sum()).isGreaterThan(100);
  }

  private static List<EvalSet.Doc> resource(String name) throws Exception {
    try (var in = EvaluationTest.class.getClassLoader().getResourceAsStream(name)) {
      return EvalSet.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void bundledSetsParseAndHoldHundredsOfSpans() {
    List<EvalSet.Doc> docs = EvalSet.bundled();
    long spans = docs.stream().mapToLong(d -> d.gold().size()).sum();
    assertThat(spans).isGreaterThan(500);
    assertThat(docs.stream().filter(d -> d.gold().isEmpty()).count()).isGreaterThan(100);
  }
}
