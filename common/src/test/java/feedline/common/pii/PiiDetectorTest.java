package feedline.common.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole detector: context cues, look-alikes that must survive, overlap resolution. */
class PiiDetectorTest {
  private static final PiiDetector ALL = PiiDetector.standard(EnumSet.allOf(PiiType.class), 0.5);

  private static List<String> found(String text) {
    return ALL.detect(text).stream().map(s -> s.type() + ":" + s.valueIn(text)).toList();
  }

  @Test
  void lookAlikesSurvive() {
    assertThat(found("订单号 13800138000 已发货")).isEmpty();
    assertThat(found("快递单号 SF1234567890123，运单 YT9876543210")).isEmpty();
    assertThat(found("order number 4111111111111111 shipped")).isEmpty();
    assertThat(found("剂量 500mg，每日 3 次，血糖 6.1 mmol/L，价格 ¥1299.00")).isEmpty();
    assertThat(found("会议于2024-05-12召开，版本 v2.3.1 发布")).isEmpty();
    assertThat(found("version 1.2.3.4 is out")).isEmpty();
    assertThat(found("条形码 6901234567892")).isEmpty();
    assertThat(found("tracking 1Z999AA10123456784")).isEmpty();
    assertThat(found("登录时间：2024-05-16 08:32:11，温度 36.5 度")).isEmpty();
  }

  @Test
  void cueWordsDecideForBareDigitRuns() {
    // a bare Luhn-valid run is a card only with a card cue
    assertThat(found("卡号 4111111111111111")).containsExactly("BANK_CARD:4111111111111111");
    assertThat(found("ref 4111111111111111")).isEmpty();
    // a bare 10-digit US-shaped number is a phone only with a phone cue
    assertThat(found("phone 4155552671")).containsExactly("PHONE:4155552671");
    assertThat(found("id 4155552671")).isEmpty();
  }

  @Test
  void longerValidatedSpanWinsOverAPartInsideIt() {
    assertThat(found("see http://192.168.1.1/admin now")).containsExactly("URL:http://192.168.1.1/admin");
    assertThat(found("身份证 11010519491231002X")).containsExactly("ID_NUMBER:11010519491231002X");
  }

  @Test
  void mixedDocumentFindsEveryType() {
    String t = "联系人：黄晓明，手机 139 1234 5678，邮箱 xm.huang@example.cn，身份证 11010519491231002X。"
        + " Contact Dr. Emily Watson at +44 20 7946 0958.";
    assertThat(found(t)).containsExactly("PERSON:黄晓明", "PHONE:139 1234 5678", "EMAIL:xm.huang@example.cn",
        "ID_NUMBER:11010519491231002X", "PERSON:Emily Watson", "PHONE:+44 20 7946 0958");
  }

  @Test
  void disabledTypesAreNotReported() {
    PiiDetector phonesOnly = PiiDetector.standard(EnumSet.of(PiiType.PHONE), 0.5);
    String t = "张伟的电话 13800138000，邮箱 a@b.com";
    assertThat(phonesOnly.detect(t)).extracting(Span::type).containsExactly(PiiType.PHONE);
  }
}
