package feedline.common.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phone formats, nine-digit passports, month-precision birth dates and address forms added to the rules. */
class FormatRulesTest {
  private static final PiiDetector ALL = PiiDetector.standard(EnumSet.allOf(PiiType.class), 0.5);

  private static List<String> found(String text) {
    return ALL.detect(text).stream().map(s -> s.type() + ":" + s.valueIn(text)).toList();
  }

  @Test
  void internationalNumbersOutsideAssignedRangesAndCuedDomesticNumbers() {
    assertThat(found("call +44 7700 900123 now")).containsExactly("PHONE:+44 7700 900123");
    assertThat(found("phone (02) 9374 4000")).containsExactly("PHONE:(02) 9374 4000");
    assertThat(found("电话 86-13812345678")).containsExactly("PHONE:86-13812345678");
    assertThat(found("tel 001-415-867-5309")).containsExactly("PHONE:001-415-867-5309");
    // look-alikes: a domestic-looking number without a phone cue, a reference with a plus, a score
    assertThat(found("order 020 7946 0321")).isEmpty();
    assertThat(found("ref +12 345 6789 000")).isEmpty();
    assertThat(found("The score was 2 - 1 (90 minutes)")).isEmpty();
  }

  @Test
  void passportsOfNineDigitsNeedTheCue() {
    assertThat(found("护照号码：123456789")).containsExactly("PASSPORT:123456789");
    assertThat(found("会员编号 123456789，护照在抽屉里")).isEmpty();
  }

  @Test
  void birthDatesByMonthAndWithMonthNames() {
    assertThat(found("出生年月：1985年3月　籍贯")).containsExactly("DATE_OF_BIRTH:1985年3月");
    assertThat(found("Born in March 1979 in Leeds.")).containsExactly("DATE_OF_BIRTH:March 1979");
    assertThat(found("DOB: 14-Mar-1985")).containsExactly("DATE_OF_BIRTH:14-Mar-1985");
    assertThat(found("会议定于2024年3月召开")).isEmpty();
  }

  @Test
  void addressesWithEstatesAndPostcodes() {
    assertThat(found("我住在深圳市南山区高新南四道18号。")).containsExactly("ADDRESS:深圳市南山区高新南四道18号");
    assertThat(found("寄到杭州市西湖区天目山路181号翠苑小区3栋2单元501室"))
        .containsExactly("ADDRESS:杭州市西湖区天目山路181号翠苑小区3栋2单元501室");
    assertThat(found("Ship to 10 Downing Street, London SW1A 2AA please."))
        .containsExactly("ADDRESS:10 Downing Street, London SW1A 2AA");
    assertThat(found("I live at 12 Ocean Parade, Bondi NSW 2026 now.")).containsExactly("ADDRESS:12 Ocean Parade, Bondi NSW 2026");
    assertThat(found("行政审批局街道办事处")).isEmpty();
  }

  @Test
  void versionLookAlikesOfIpAddresses() {
    assertThat(found("Upgrade from 4.2.1.0 to 4.2.2.0 now")).isEmpty();
    assertThat(found("固件升级到 2.1.0.3 后重启")).isEmpty();
    assertThat(found("server 10.2.3.4 is down")).containsExactly("IP_ADDRESS:10.2.3.4");
  }
}
