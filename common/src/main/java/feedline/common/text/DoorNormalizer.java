package feedline.common.text;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalization applied as text enters the lake: line endings to {@code \n}, NUL and other control
 * characters removed (tab and newline kept), a configurable Unicode normalization form.
 */
public final class DoorNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Unicode normalization form, or none. */
  public enum Form { NFC, NFD, NFKC, NFKD, NONE }

  /** The normalized text and how many control characters were removed. */
  public record Result(String text, int controlCharsRemoved) {}

  private final Form form;

  public DoorNormalizer(Form form) {
    this.form = form;
  }

  public static Form parseForm(String s) {
    return Form.valueOf(s.toUpperCase(Locale.ROOT));
  }

  public Result normalize(String in) {
    if (in == null) return new Result(null, 0);
    StringBuilder sb = new StringBuilder(in.length());
    int removed = 0;
    int n = in.length();
    for (int i = 0; i < n; i++) {
      char c = in.charAt(i);
      if (c == '\r') {
        sb.append('\n');
        if (i + 1 < n && in.charAt(i + 1) == '\n') i++;
      } else if (c == '\u2028' || c == '\u2029') {
        sb.append('\n');
      } else if (c == '\n' || c == '\t') {
        sb.append(c);
      } else if (c == '\uFEFF' && sb.length() == 0) {
        removed++; // byte order mark that survived decoding
      } else if (Character.isISOControl(c)) {
        removed++;
      } else {
        sb.append(c);
      }
    }
    String out = sb.toString();
    if (form != Form.NONE) {
      Normalizer.Form f = Normalizer.Form.valueOf(form.name());
      if (!Normalizer.isNormalized(out, f)) out = Normalizer.normalize(out, f);
    }
    return new Result(out, removed);
  }
}
