package feedline.common.pii;

import java.net.IDN;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses, including internationalized ones (Unicode local parts outside Han script,
 * IDN domains such as {@code 例子.中国} or {@code münchen.de}); the domain must convert with IDNA.
 */
public final class EmailRecognizer extends RegexRecognizer {
  private static final String LOCAL_CHAR = "[A-Za-z0-9_%+\\-[\\p{L}&&[^\\p{IsHan}]]]";
  private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]{0,61}[\\p{L}\\p{N}])?";
  private static final String HAN_TLD = "中国|中國|公司|网络|網絡|香港|台湾|台灣|在线|商城|网址|网店|新加坡|企业|集团|手机";
  private static final Pattern P = Pattern.compile(
      "(?:(?<![A-Za-z0-9._%+\\-[\\p{L}&&[^\\p{IsHan}]]])" + LOCAL_CHAR + "+(?:\\." + LOCAL_CHAR + "+)*"
          // a Han local part (RFC 6531) only where whitespace or punctuation sets it apart
          + "|(?<=^|[\\s,;:<(，；：（、])\\p{IsHan}[\\p{IsHan}0-9._\\-]{0,15})"
          + "@(?:" + LABEL + "\\.)+(?:" + HAN_TLD + "|xn--[a-z0-9\\-]{2,59}(?![A-Za-z0-9\\-])"
          + "|[[\\p{L}&&[^\\p{IsHan}]]]{2,24}(?![\\p{L}\\p{N}\\-&&[^\\p{IsHan}]]))");

  public EmailRecognizer() {
    super("email_idn", P);
  }

  @Override
  Span check(String text, Matcher m) {
    String s = m.group();
    String domain = s.substring(s.indexOf('@') + 1);
    try {
      String ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
      if (ascii.length() > 253) return null;
    } catch (IllegalArgumentException e) {
      return null;
    }
    return new Span(m.start(), m.end(), PiiType.EMAIL, 0.95, name());
  }
}
