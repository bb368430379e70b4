package feedline.common.clean;

/**
 * Character width: full-width ASCII letters and digits always become half-width; full-width
 * punctuation becomes half-width in non-CJK text and stays in CJK text, where half-width
 * {@code , ! ? : ;} written right after a CJK character become their full-width forms
 * ({@code ，！？：；}), the way Chinese is typeset.
 */
public final class WidthNormalizer {
  private WidthNormalizer() {}

  public static Edited normalize(String s, boolean cjkText) {
    StringBuilder sb = null;
    int changes = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      char r = c;
      if (c >= '\uFF01' && c <= '\uFF5E') {
        char half = (char) (c - 0xFEE0);
        if (Character.isLetterOrDigit(half) || !cjkText) r = half;
      } else if (cjkText && i > 0 && isCjkPunctCandidate(c) && Scripts.isCjk(s.codePointBefore(i))) {
        r = (char) (c + 0xFEE0);
      }
      if (r != c) {
        if (sb == null) sb = new StringBuilder(n).append(s, 0, i);
        sb.append(r);
        changes++;
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? Edited.same(s) : new Edited(sb.toString(), changes);
  }

  private static boolean isCjkPunctCandidate(char c) {
    return c == ',' || c == '!' || c == '?' || c == ':' || c == ';';
  }
}
