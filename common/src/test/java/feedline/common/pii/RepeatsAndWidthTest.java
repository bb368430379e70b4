package feedline.common.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Full-width folding keeps offsets; a value found once is redacted wherever it occurs again. */
class RepeatsAndWidthTest {
  private static final PiiDetector ALL = PiiDetector.standard(EnumSet.allOf(PiiType.class), 0.5);

  private static List<String> found(String text) {
    return ALL.detect(text).stream().map(s -> s.type() + ":" + s.valueIn(text) + ":" + s.recognizer()).toList();
  }

  @Test
  void foldKeepsLengthAndChinesePunctuation() {
    String s = "电话：１３９－１２３４－５６７８，Ｅｍａｉｌ　ａ＠ｂ．ｃｏｍ";
    String f = WidthFold.fold(s);
    assertThat(f).hasSameSizeAs(s).isEqualTo("电话：139-1234-5678，Email a@b.com");
    assertThat(WidthFold.fold("plain")).isSameAs("plain");
  }

  @Test
  void fullWidthPhoneIsFoundAtItsOriginalOffsets() {
    String t = "收件人电话：１５８－１２３４－５６７８，谢谢";
    List<Span> spans = ALL.detect(t);
    assertThat(spans).extracting(s -> s.valueIn(t)).containsExactly("１５８－１２３４－５６７８");
    assertThat(Redactor.normalize(PiiType.PHONE, "１５８－１２３４－５６７８")).isEqualTo("15812345678");
  }

  @Test
  void fakeOfAFullWidthValueIsNotTheValue() {
    String v = "１３９１２３４５６７８";
    String fake = Surrogates.fake(PiiType.PHONE, v, new byte[32]);
    assertThat(fake).isNotEqualTo(v).hasSize(11).matches("1[3-9]\\d{9}");
  }

  @Test
  void everyVerbatimRepeatIsReported() {
    assertThat(found("我的手机号是13912345678，微信号也是13912345678。"))
        .containsExactly("PHONE:13912345678:phone_libphonenumber", "PHONE:13912345678:phone_libphonenumber");
    // the name is found once after its cue; the bare second mention is a repeat
    String t = "联系人：钮祜禄，钮祜禄今天不在。";
    assertThat(found(t)).hasSize(2).allMatch(s -> s.startsWith("PERSON:钮祜禄"));
  }

  @Test
  void aSameTypeCandidateReachingPastTheKeptSpanWidensIt() {
    List<Span> r = SpanResolver.resolve(List.of(new Span(0, 2, PiiType.PERSON, 0.75, "a"), new Span(0, 3, PiiType.PERSON, 0.7, "b")));
    assertThat(r).containsExactly(new Span(0, 3, PiiType.PERSON, 0.75, "a"));
    // another type does not widen it, and a widening that would overlap another kept span is not made
    assertThat(SpanResolver.resolve(List.of(new Span(0, 2, PiiType.PERSON, 0.75, "a"), new Span(1, 5, PiiType.ADDRESS, 0.7, "b"))))
        .containsExactly(new Span(0, 2, PiiType.PERSON, 0.75, "a"));
    assertThat(SpanResolver.resolve(List.of(new Span(0, 2, PiiType.PERSON, 0.75, "a"), new Span(3, 6, PiiType.PHONE, 0.8, "p"),
        new Span(0, 4, PiiType.PERSON, 0.6, "b")))).extracting(Span::end).containsExactly(2, 6);
  }

  @Test
  void repeatsStayOnTokenBoundaries() {
    // 13912345678 inside a longer digit run, and a name inside a longer Han word, are not repeats
    List<Span> base = List.of(new Span(3, 14, PiiType.PHONE, 0.8, "x"));
    String t = "手机 13912345678，单号 9913912345678001";
    assertThat(Repeats.addRepeats(t, base)).hasSize(1);
    String n = "请找李明，李明珠不是他。";
    assertThat(Repeats.addRepeats(n, List.of(new Span(2, 4, PiiType.PERSON, 0.7, "x")))).hasSize(1);
    assertThat(Repeats.addRepeats("李明和李明", List.of(new Span(0, 2, PiiType.PERSON, 0.7, "x"))))
        .extracting(Span::recognizer).containsExactly("x", "repeat");
  }
}
