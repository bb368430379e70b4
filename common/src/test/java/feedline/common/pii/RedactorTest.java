package feedline.common.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);
  private static final String TEXT = "电话：13800138000，再打 138-0013-8000；邮箱 a@example.com（或 A@Example.com）。";

  private static List<Span> spans(String text) {
    return PiiDetector.standard(java.util.EnumSet.of(PiiType.PHONE, PiiType.EMAIL), 0.5).detect(text);
  }

  private static Redactor redactor(RedactionMode mode, byte[] key) {
    return new Redactor(Map.of(), mode, key, 12);
  }

  @Test
  void spansPointIntoTheOriginalText() {
    List<Span> s = spans(TEXT);
    assertThat(s).extracting(x -> x.valueIn(TEXT))
        .containsExactly("13800138000", "138-0013-8000", "a@example.com", "A@Example.com");
  }

  @Test
  void maskKeepsTheStructureAroundValues() {
    Redaction r = redactor(RedactionMode.MASK, null).redact(TEXT, spans(TEXT));
    assertThat(r.text()).isEqualTo("电话：[PHONE]，再打 [PHONE]；邮箱 [EMAIL]（或 [EMAIL]）。");
    assertThat(r.counts()).containsEntry(PiiType.PHONE, 2).containsEntry(PiiType.EMAIL, 2);
  }

  @Test
  void tagGivesTheSameValueTheSameTagInADocument() {
    Redaction r = redactor(RedactionMode.TAG, null).redact(TEXT, spans(TEXT));
    // the two phones are one number in two layouts, the two emails differ only in case
    assertThat(r.text()).isEqualTo("电话：<PHONE_1>，再打 <PHONE_1>；邮箱 <EMAIL_1>（或 <EMAIL_1>）。");
    String other = "手机 13900139000 和 13800138000";
    assertThat(redactor(RedactionMode.TAG, null).redact(other, spans(other)).text()).isEqualTo("手机 <PHONE_1> 和 <PHONE_2>");
  }

  @Test
  void hashIsStableAcrossDocumentsAndDependsOnTheKey() {
    String a = redactor(RedactionMode.HASH, KEY).redact(TEXT, spans(TEXT)).text();
    String doc2 = "call 13800138000";
    String b = redactor(RedactionMode.HASH, KEY).redact(doc2, spans(doc2)).text();
    Matcher m = Pattern.compile("<PHONE:([0-9a-f]{12})>").matcher(a);
    assertThat(m.find()).isTrue();
    String h = m.group(1);
    assertThat(b).isEqualTo("call <PHONE:" + h + ">");
    String c = redactor(RedactionMode.HASH, "other".getBytes(StandardCharsets.UTF_8)).redact(doc2, spans(doc2)).text();
    assertThat(c).doesNotContain(h).matches("call <PHONE:[0-9a-f]{12}>");
    assertThat(a).doesNotContain("13800138000");
  }

  @Test
  void hashWithoutKeyIsRefused() {
    assertThatThrownBy(() -> redactor(RedactionMode.HASH, null)).hasMessageContaining("HMAC key");
  }

  @Test
  void keepLeavesTextButCounts() {
    Redaction r = redactor(RedactionMode.KEEP, null).redact(TEXT, spans(TEXT));
    assertThat(r.text()).isEqualTo(TEXT);
    assertThat(r.counts()).containsEntry(PiiType.PHONE, 2);
  }

  @Test
  void perTypeModesOverrideTheDefault() {
    Redactor r = new Redactor(Map.of(PiiType.EMAIL, RedactionMode.KEEP), RedactionMode.MASK, null, 12);
    assertThat(r.redact(TEXT, spans(TEXT)).text()).isEqualTo("电话：[PHONE]，再打 [PHONE]；邮箱 a@example.com（或 A@Example.com）。");
  }

  @Test
  void fakesAreValidDeterministicAndKeepTheLayout() {
    LocalDate today = LocalDate.now();
    PiiEngine e = new PiiEngine(RedactOptions.defaults(RedactionMode.FAKE), today);
    String text = "手机 138-0013-8000，身份证 11010519491231002X，卡号 4111 1111 1111 1111，"
        + "IBAN GB82 WEST 1234 5698 7654 32，BTC 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa，IP 10.1.2.3。";
    Redaction r1 = e.process(text);
    Redaction r2 = e.process(text);
    assertThat(r1.text()).isEqualTo(r2.text());
    String out = r1.text();
    for (String original : List.of("138-0013-8000", "11010519491231002X", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32",
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "10.1.2.3")) {
      assertThat(out).doesNotContain(original);
    }
    Matcher phone = Pattern.compile("手机 (1[3-9]\\d-\\d{4}-\\d{4})，").matcher(out);
    assertThat(phone.find()).as(out).isTrue();
    Matcher id = Pattern.compile("身份证 (\\d{17}[0-9X])，").matcher(out);
    assertThat(id.find()).as(out).isTrue();
    assertThat(Checksums.chineseId(id.group(1), today)).isTrue();
    Matcher card = Pattern.compile("卡号 (4\\d{3} \\d{4} \\d{4} \\d{4})，").matcher(out);
    assertThat(card.find()).as(out).isTrue();
    assertThat(Checksums.luhn(card.group(1).replace(" ", ""))).isTrue();
    Matcher iban = Pattern.compile("IBAN (GB\\d\\d [A-Z]{4} \\d{4} \\d{4} \\d{4} \\d\\d)，").matcher(out);
    assertThat(iban.find()).as(out).isTrue();
    assertThat(Checksums.iban(iban.group(1).replace(" ", ""))).isTrue();
    Matcher btc = Pattern.compile("BTC (1[1-9A-HJ-NP-Za-km-z]{25,34})，").matcher(out);
    assertThat(btc.find()).as(out).isTrue();
    assertThat(Checksums.base58Check(btc.group(1), 0)).isTrue();
    assertThat(out).containsPattern("IP (192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d+。");
  }

  @Test
  void normalizeFoldsLayoutsOfOneValue() {
    assertThat(Redactor.normalize(PiiType.PHONE, "+86 138-0013-8000")).isEqualTo("13800138000");
    assertThat(Redactor.normalize(PiiType.PHONE, "0086 13800138000")).isEqualTo("13800138000");
    assertThat(Redactor.normalize(PiiType.BANK_CARD, "4111 1111 1111 1111")).isEqualTo("4111111111111111");
    assertThat(Redactor.normalize(PiiType.EMAIL, "A@Example.COM")).isEqualTo("a@example.com");
  }

  @Test
  void optionsNeverPrintTheKey() {
    RedactOptions o = RedactOptions.defaults(RedactionMode.HASH).withKey("s3cr3t-key".getBytes(StandardCharsets.UTF_8));
    assertThat(o.toString()).doesNotContain("s3cr3t").contains("hmacKey=***");
    assertThat(o.fingerprint()).isNotEqualTo(o.withKey("other".getBytes(StandardCharsets.UTF_8)).fingerprint());
  }
}
