package feedline.common.pii;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a date (2001-03-05, 2001/3/5, 2001.03.05, 2001年3月5日, 03/05/2001, March 5, 2001, 5 March 2001,
 * 05-Mar-2001) or a month (2001年3月, March 2001)
 * with a birth cue ("出生", "生日", "born", "DOB") shortly before it. Other dates are left alone.
 */
public final class DateOfBirthRecognizer extends RegexRecognizer {
  private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
      + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  private static final Pattern P = Pattern.compile(
      "(?<![0-9])(?:(?:19|20)\\d{2}(?:[-/.]\\d{1,2}[-/.]\\d{1,2}|年\\d{1,2}月(?:\\d{1,2}[日号]?)?)"
          + "|\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:19|20)\\d{2}"
          + "|" + MONTH + " \\d{1,2},? (?:19|20)\\d{2}"
          + "|\\d{1,2}[ \\-]" + MONTH + "[,\\-]? ?(?:19|20)\\d{2}"
          + "|" + MONTH + " (?:19|20)\\d{2})(?![0-9])");
  private static final Pattern CUE = Pattern.compile("出生|生日|生于|born|birth|dob|d\\.o\\.b");
  /** A birth cue right after the date ("1990年3月5日出生", "1990年3月5日生，"). */
  private static final Pattern CUE_AFTER = Pattern.compile("^\\s?(?:出生|诞生|生人|生(?=[，,。；;、\\s)）]|$))");
  static final int WINDOW = 20;

  public DateOfBirthRecognizer() {
    super("dob_cued", P);
  }

  @Override
  Span check(String text, Matcher m) {
    String before = text.substring(Math.max(0, m.start() - WINDOW), m.start()).toLowerCase(Locale.ROOT);
    if (!CUE.matcher(before).find() && !CUE_AFTER.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 4))).find()) {
      return null;
    }
    return new Span(m.start(), m.end(), PiiType.DATE_OF_BIRTH, 0.8, name());
  }
}
