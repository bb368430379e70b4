package feedline.common.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A recognizer driven by one compiled pattern and a validator per match. */
abstract class RegexRecognizer implements Recognizer {
  private final String name;
  private final Pattern pattern;

  RegexRecognizer(String name, Pattern pattern) {
    this.name = name;
    this.pattern = pattern;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Span> find(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      Span s = check(text, m);
      if (s != null) out.add(s);
    }
    return out;
  }

  /** The span for a match, or null when it does not validate. */
  abstract Span check(String text, Matcher m);

  /** The digits (and letters, upper-cased) of {@code s}, dropping spaces, dashes and dots. */
  static String compact(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) sb.append(Character.toUpperCase(c));
    }
    return sb.toString();
  }

  /** Whether a grouped number uses one separator style consistently (all spaces, all dashes, or none). */
  static boolean consistentSeparators(String s) {
    boolean space = s.indexOf(' ') >= 0;
    boolean dash = s.indexOf('-') >= 0;
    return !(space && dash);
  }
}
