package feedline.common.clean;

import java.util.regex.Pattern;

/**
 * Joins lines that were hard-wrapped in the middle of a sentence. A line is joined to the next when
 * it is at least {@code minLineWidth} wide (CJK characters count two), does not end a sentence or
 * clause, and the next line continues it: a lower-case Latin letter (joined with a space) or, after
 * a CJK character or Chinese comma, a CJK character (joined without one). Lists, headings, quotes,
 * tables, code and speaker labels ({@code user:}) are never joined.
 */
public final class LineWrapRepair {
  private static final Pattern STRUCTURED_START = Pattern.compile("^\\s*(?:[-*+•·>#|]|\\d{1,3}[.)、]|[（(]?\\d{1,3}[）)]|[A-Za-z][\\w-]{0,24}:\\s|```)");
  private static final String ENDERS = ".!?:;。！？：；…\"'”’」』）)]}>|`";

  private LineWrapRepair() {}

  public static Edited repair(String s, int minLineWidth) {
    if (s.indexOf('\n') < 0) return Edited.same(s);
    String[] lines = s.split("\n", -1);
    StringBuilder sb = new StringBuilder(s.length());
    int joins = 0;
    sb.append(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String prev = lines[i - 1];
      String next = lines[i];
      String sep = joiner(prev, next, minLineWidth);
      if (sep == null) {
        sb.append('\n');
      } else {
        // drop the previous line's trailing spaces and the next line's indentation
        int len = sb.length();
        while (len > 0 && sb.charAt(len - 1) == ' ') len--;
        sb.setLength(len);
        sb.append(sep);
        next = next.stripLeading();
        joins++;
        lines[i] = next;
      }
      sb.append(next);
    }
    return joins == 0 ? Edited.same(s) : new Edited(sb.toString(), joins);
  }

  /** The separator to join with, or null when the lines stay apart. */
  private static String joiner(String prev, String next, int minLineWidth) {
    String a = prev.stripTrailing();
    String b = next.stripLeading();
    if (a.isEmpty() || b.isEmpty()) return null;
    if (width(a) < minLineWidth) return null;
    if (a.stripLeading().startsWith("#")) return null;
    if (STRUCTURED_START.matcher(b).find()) return null;
    if (a.startsWith("|") || a.startsWith("    ") || a.startsWith("\t")) return null;
    int last = a.codePointBefore(a.length());
    if (ENDERS.indexOf(last) >= 0 && last < 0x10000) return null;
    int first = b.codePointAt(0);
    if (Character.isLowerCase(first) && (Character.isLetter(last) || last == ',' || last == '-' || Character.isDigit(last))) {
      return last == '-' ? "" : " ";
    }
    if (Scripts.isCjk(first) && (Scripts.isCjk(last) || last == '，' || last == '、')) return "";
    return null;
  }

  private static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      w += Scripts.isCjk(cp) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
    }
    return w;
  }
}
