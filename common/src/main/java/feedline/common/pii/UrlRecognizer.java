package feedline.common.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URLs with a scheme (http, https, ftp) or starting with {@code www.}; trailing punctuation is left out. */
public final class UrlRecognizer extends RegexRecognizer {
  private static final Pattern P = Pattern.compile(
      "(?i)(?<![A-Za-z0-9@.\\-])(?:(?:https?|ftp)://|www\\.|(?:[a-z0-9\\-]+\\.)+(?:com|org|net|edu|gov|io|info|biz|cn|uk|de|jp|fr|hk|tw)(?:\\.[a-z]{2})?(?=/))"
          + "[^\\s<>\"'，。、；：！？（）《》【】「」]*");

  public UrlRecognizer() {
    super("url", P);
  }

  @Override
  Span check(String text, Matcher m) {
    int end = m.end();
    while (end > m.start()) {
      char c = text.charAt(end - 1);
      if (".,;:!?'\"]}>".indexOf(c) >= 0) {
        end--;
      } else if (c == ')' && count(text, m.start(), end, '(') < count(text, m.start(), end, ')')) {
        end--;
      } else {
        break;
      }
    }
    String s = text.substring(m.start(), end);
    int hostStart = s.indexOf("://") >= 0 ? s.indexOf("://") + 3 : 0;
    String rest = s.substring(hostStart);
    if (rest.isEmpty() || !(rest.contains(".") || rest.startsWith("localhost") || rest.startsWith("["))) return null;
    return new Span(m.start(), end, PiiType.URL, 0.9, name());
  }

  private static int count(String t, int from, int to, char c) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (t.charAt(i) == c) n++;
    }
    return n;
  }
}
