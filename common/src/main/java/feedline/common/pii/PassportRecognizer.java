package feedline.common.pii;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passport numbers: Chinese (E/G/D/S/P followed by 8 characters) and the common one or two letters
 * plus 6-8 digits shape, and nine digits (United States, United Kingdom). Passport numbers look like many other codes, so a candidate counts only
 * with a passport cue ("护照", "passport") shortly before it.
 */
public final class PassportRecognizer extends RegexRecognizer {
  private static final Pattern P = Pattern.compile(
      "(?<![A-Za-z0-9])(?:[EGDSP][A-HJ-NP-Z0-9]\\d{7}|[A-Z]{1,2}\\d{6,8}|\\d{9})(?![A-Za-z0-9])");
  private static final Pattern CUE = Pattern.compile("护照|passport");
  static final int WINDOW = 24;

  public PassportRecognizer() {
    super("passport_cued", P);
  }

  @Override
  Span check(String text, Matcher m) {
    String before = text.substring(Math.max(0, m.start() - WINDOW), m.start()).toLowerCase(Locale.ROOT);
    if (!CUE.matcher(before).find()) return null;
    return new Span(m.start(), m.end(), PiiType.PASSPORT, 0.8, name());
  }
}
