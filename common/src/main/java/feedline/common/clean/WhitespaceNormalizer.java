package feedline.common.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Whitespace: every Unicode space (no-break, ideographic, thin ...) becomes an ASCII space, runs of
 * spaces and tabs inside a line become one space (indentation at the start of a line is kept),
 * trailing spaces go, runs of blank lines longer than {@code maxBlankLines} are shortened, and
 * blank lines at the start and end go. Changes = lines altered plus blank lines removed.
 */
public final class WhitespaceNormalizer {
  private WhitespaceNormalizer() {}

  public static Edited normalize(String s, int maxBlankLines) {
    int changes = 0;
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (true) {
      int nl = s.indexOf('\n', start);
      String raw = nl < 0 ? s.substring(start) : s.substring(start, nl);
      String line = line(raw);
      if (!line.equals(raw)) changes++;
      lines.add(line);
      if (nl < 0) break;
      start = nl + 1;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int blankRun = 0;
    boolean started = false;
    for (String line : lines) {
      if (line.isEmpty()) {
        blankRun++;
        continue;
      }
      if (started) {
        int keep = Math.min(blankRun, maxBlankLines);
        changes += blankRun - keep;
        sb.append('\n');
        for (int k = 0; k < keep; k++) sb.append('\n');
      } else {
        changes += blankRun;
      }
      blankRun = 0;
      sb.append(line);
      started = true;
    }
    changes += blankRun;
    String out = sb.toString();
    return out.equals(s) ? Edited.same(s) : new Edited(out, Math.max(changes, 1));
  }

  private static String line(String raw) {
    StringBuilder line = new StringBuilder(raw.length());
    boolean leading = true;
    boolean pendingSpace = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == ' ' || c == '\t' || Character.isSpaceChar(c)) {
        if (leading) {
          line.append(c == '\t' ? '\t' : ' ');
        } else {
          pendingSpace = true;
        }
      } else {
        if (pendingSpace) line.append(' ');
        pendingSpace = false;
        leading = false;
        line.append(c);
      }
    }
    return leading ? "" : line.toString();
  }
}
