package feedline.common.clean;

/**
 * Removes characters that render as nothing: C0/C1 controls (tab and newline kept, CR and CRLF
 * become newline), zero-width spaces and joiners outside emoji sequences, word joiners, soft
 * hyphens, bidirectional controls, byte order marks and other Unicode format characters.
 */
public final class InvisibleChars {
  private InvisibleChars() {}

  public static Edited strip(String s) {
    int n = s.length();
    StringBuilder sb = null;
    int changes = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean drop;
      char replacement = 0;
      if (c == '\r') {
        drop = true;
        if (!(i + 1 < n && s.charAt(i + 1) == '\n')) replacement = '\n';
      } else if (c == '\n' || c == '\t') {
        drop = false;
      } else if (Character.isISOControl(c)) {
        drop = true;
      } else if (c == '\u200D') {
        // zero-width joiner: keep it inside emoji sequences, where it is meaningful
        drop = !(i > 0 && i + 1 < n && isEmojiPart(s, i - 1) && isEmojiPart(s, i + 1));
      } else {
        drop = Character.getType(c) == Character.FORMAT && !isKeptFormat(c);
      }
      if (drop) {
        if (sb == null) sb = new StringBuilder(n).append(s, 0, i);
        if (replacement != 0) sb.append(replacement);
        changes++;
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? Edited.same(s) : new Edited(sb.toString(), changes);
  }

  /** Format characters that carry meaning in running text (Arabic number signs and the like). */
  private static boolean isKeptFormat(char c) {
    return (c >= '\u0600' && c <= '\u0605') || c == '\u06DD' || c == '\u070F' || c == '\u08E2';
  }

  private static boolean isEmojiPart(String s, int i) {
    int cp = s.codePointAt(i);
    if (Character.isLowSurrogate(s.charAt(i)) && i > 0) cp = s.codePointAt(i - 1);
    return cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F;
  }
}
