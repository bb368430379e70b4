package feedline.common.pii;

/**
 * Folds full-width ASCII forms (１３８, ＡＢ, ＋, －, ＠, ．) and the ideographic space to their ASCII
 * counterparts, and typographic hyphens (‐ ‑ ‒ –) to '-', one character for one character, so
 * that offsets found in the folded text are offsets in the original. Chinese punctuation that
 * recognizers read as such (，：；！？（）) stays as it is.
 */
public final class WidthFold {
  private static final String KEEP = "，：；！？（）";

  private WidthFold() {}

  /** The folded text; the same instance when nothing needed folding. */
  public static String fold(String s) {
    char[] out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = fold(c);
      if (f != c) {
        if (out == null) out = s.toCharArray();
        out[i] = f;
      }
    }
    return out == null ? s : new String(out);
  }

  static char fold(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') return KEEP.indexOf(c) >= 0 ? c : (char) (c - 0xFEE0);
    if (c == '\u3000') return ' ';
    if (c >= '\u2010' && c <= '\u2013') return '-';
    return c;
  }
}
