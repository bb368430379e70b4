package feedline.common.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each recognizer alone: valid values, broken checksums, grouped formats and look-alikes. */
class RecognizersTest {
  private static List<String> values(Recognizer r, String text) {
    return r.find(text).stream().map(s -> s.valueIn(text)).toList();
  }

  @Test
  void chineseIdFindsValidNumbersOnly() {
    Recognizer r = new ChineseIdRecognizer(LocalDate.of(2026, 1, 1));
    assertThat(values(r, "身份证号：11010519491231002X，谢谢")).containsExactly("11010519491231002X");
    assertThat(values(r, "号码 110105 19491231 002X")).containsExactly("110105 19491231 002X");
    assertThat(values(r, "身份证号：110105194912310021")).isEmpty();
    assertThat(values(r, "流水号 A11010519491231002X9")).isEmpty();
  }

  @Test
  void bankCardNeedsLuhnAndIssuer() {
    Recognizer r = new BankCardRecognizer();
    assertThat(values(r, "卡号 6212 2640 0000 0000 006 到期")).hasSize(Checksums.luhn("6212264000000000006") ? 1 : 0);
    assertThat(values(r, "card 4111-1111-1111-1111 exp")).containsExactly("4111-1111-1111-1111");
    assertThat(values(r, "card 4111 1111 1111 1111.")).containsExactly("4111 1111 1111 1111");
    assertThat(values(r, "amex 378282246310005")).containsExactly("378282246310005");
    assertThat(values(r, "card 4111 1111 1111 1112")).isEmpty(); // Luhn fails
    assertThat(values(r, "EAN 9780306406157")).isEmpty(); // 13 digits, no issuer 97
    assertThat(values(r, "mixed 4111 1111-1111 1111")).isEmpty(); // inconsistent grouping
    assertThat(BankCardRecognizer.issuer("6212264000000000006")).isEqualTo("unionpay");
    assertThat(BankCardRecognizer.issuer("3530111333300000")).isEqualTo("jcb");
    assertThat(BankCardRecognizer.issuer("6011111111111117")).isEqualTo("discover");
    assertThat(BankCardRecognizer.issuer("5555555555554444")).isEqualTo("mastercard");
  }

  @Test
  void ibanAcceptsGroupedAndPlainAndStopsBeforeNextWord() {
    Recognizer r = new IbanRecognizer();
    assertThat(values(r, "IBAN GB82 WEST 1234 5698 7654 32 please")).containsExactly("GB82 WEST 1234 5698 7654 32");
    assertThat(values(r, "to DE89370400440532013000.")).containsExactly("DE89370400440532013000");
    assertThat(values(r, "to DE89370400440532013001.")).isEmpty();
  }

  @Test
  void cryptoAddressesNeedTheirChecksums() {
    Recognizer r = new CryptoAddressRecognizer();
    assertThat(values(r, "send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa now")).hasSize(1);
    assertThat(values(r, "send to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).hasSize(1);
    assertThat(values(r, "hash 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isEmpty();
    assertThat(values(r, "id 3Kf8sdlkQwertyuiopASDFGHJKLzxcvbnm")).isEmpty();
  }

  @Test
  void phoneFindsChineseMobilesLandlinesAndInternationalNumbers() {
    Recognizer r = new PhoneRecognizer();
    assertThat(values(r, "电话13800138000。")).containsExactly("13800138000");
    assertThat(values(r, "手机 138 0013 8000，")).containsExactly("138 0013 8000");
    assertThat(values(r, "手机 138-0013-8000")).containsExactly("138-0013-8000");
    assertThat(values(r, "拨打 +86 138 0013 8000")).containsExactly("+86 138 0013 8000");
    assertThat(values(r, "拨打 0086-13800138000")).containsExactly("0086-13800138000");
    assertThat(values(r, "座机 010-62345678 转")).containsExactly("010-62345678");
    assertThat(values(r, "座机(0755)86013388")).containsExactly("(0755)86013388");
    assertThat(values(r, "call +44 20 7946 0958 today")).containsExactly("+44 20 7946 0958");
    assertThat(values(r, "call (415) 555-2671")).containsExactly("(415) 555-2671");
    assertThat(values(r, "运单 SF13800138000")).isEmpty();
    assertThat(values(r, "条码 6901234567892 号")).isEmpty();
    assertThat(values(r, "12800138000")).isEmpty(); // no 12x mobile prefix
  }

  @Test
  void emailIncludesInternationalizedDomains() {
    Recognizer r = new EmailRecognizer();
    assertThat(values(r, "邮箱zhang.san@example.com联系")).containsExactly("zhang.san@example.com");
    assertThat(values(r, "mail user@münchen.de now")).containsExactly("user@münchen.de");
    assertThat(values(r, "写信给 张三@例子.中国")).containsExactly("张三@例子.中国");
    assertThat(values(r, "pip install foo@1.2")).isEmpty();
  }

  @Test
  void ipAddressesV4AndV6() {
    Recognizer r = new IpAddressRecognizer();
    assertThat(values(r, "host 192.168.10.254, ok")).containsExactly("192.168.10.254");
    assertThat(values(r, "addr 2001:db8:85a3::8a2e:370:7334 up")).containsExactly("2001:db8:85a3::8a2e:370:7334");
    assertThat(values(r, "bad 256.1.1.1 and 1.2.3 and 12:30:45 and 00:1A:2B:3C:4D:5E")).isEmpty();
    assertThat(values(r, "v1.2.3.4")).isEmpty();
  }

  @Test
  void urlsLeaveTrailingPunctuationOut() {
    Recognizer r = new UrlRecognizer();
    assertThat(values(r, "see https://example.com/a?b=1.")).containsExactly("https://example.com/a?b=1");
    assertThat(values(r, "（见 www.example.org/x）")).containsExactly("www.example.org/x");
    assertThat(values(r, "(https://en.wikipedia.org/wiki/Foo_(bar))")).containsExactly("https://en.wikipedia.org/wiki/Foo_(bar)");
  }

  @Test
  void chineseNamesFromHanlpAndCues() {
    Recognizer hanlp = new ChinesePersonRecognizer();
    assertThat(values(hanlp, "王小明和李娜昨天去了北京。")).containsExactly("王小明", "李娜");
    assertThat(values(hanlp, "今天天气很好，我们去公园散步。")).isEmpty();
    Recognizer cue = new CuedChineseNameRecognizer();
    assertThat(values(cue, "联系人：黄晓明 手机：13912345678")).containsExactly("黄晓明");
    assertThat(values(cue, "患者欧阳娜娜，女，32岁")).containsExactly("欧阳娜娜");
  }

  @Test
  void englishNamesNeedGazetteerOrTitle() {
    Recognizer r = new EnglishPersonRecognizer();
    assertThat(values(r, "Yesterday Emily Watson met Dr. Okafor.")).containsExactly("Okafor", "Emily Watson");
    assertThat(values(r, "Mark Twain wrote it.")).containsExactly("Mark Twain");
    assertThat(values(r, "In May we will mark the date.")).isEmpty();
    assertThat(values(r, "She studied at George Washington University.")).isEmpty();
  }

  @Test
  void cuedTypesNeedTheirCue() {
    assertThat(values(new PassportRecognizer(), "护照号码：E12345678")).containsExactly("E12345678");
    assertThat(values(new PassportRecognizer(), "型号 E12345678")).isEmpty();
    assertThat(values(new DateOfBirthRecognizer(), "出生日期：1990年5月12日")).containsExactly("1990年5月12日");
    assertThat(values(new DateOfBirthRecognizer(), "born on March 3, 1985")).containsExactly("March 3, 1985");
    assertThat(values(new DateOfBirthRecognizer(), "会议定于2024年5月12日召开")).isEmpty();
  }

  @Test
  void birthCueAfterTheDate() {
    Recognizer r = new DateOfBirthRecognizer();
    assertThat(values(r, "他1990年3月5日出生于杭州。")).containsExactly("1990年3月5日");
    assertThat(values(r, "张某，男，1985年6月12日生，汉族。")).containsExactly("1985年6月12日");
    assertThat(values(r, "合同自2024年3月1日生效。")).isEmpty();
    assertThat(values(r, "2024年3月1日生产的批次已召回。")).isEmpty();
  }

  @Test
  void platesAndAddresses() {
    assertThat(values(new LicensePlateRecognizer(), "车牌粤B12345，另一辆京AD12345")).containsExactly("粤B12345", "京AD12345");
    assertThat(values(new LicensePlateRecognizer(), "京A ABCDE")).isEmpty();
    Recognizer a = new AddressRecognizer();
    assertThat(values(a, "我住在广东省深圳市南山区科技南路18号。")).containsExactly("广东省深圳市南山区科技南路18号");
    assertThat(values(a, "He lives at 221 Baker Street, London.")).containsExactly("221 Baker Street, London");
  }
}
