package feedline.common.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Chinese vehicle plates: province abbreviation, issuing-office letter, 5 characters (6 for new-energy plates). */
public final class LicensePlateRecognizer extends RegexRecognizer {
  private static final Pattern P = Pattern.compile(
      "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•]?"
          + "(?:[DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])(?![A-Za-z0-9])");

  public LicensePlateRecognizer() {
    super("cn_plate", P);
  }

  @Override
  Span check(String text, Matcher m) {
    String tail = m.group().substring(2).replace("·", "").replace("•", "");
    int digits = 0;
    for (char c : tail.toCharArray()) {
      if (Character.isDigit(c)) digits++;
    }
    // real plates carry digits; "京A" followed by a word in capitals does not
    if (digits < 2) return null;
    return new Span(m.start(), m.end(), PiiType.LICENSE_PLATE, 0.8, name());
  }
}
