package feedline.common.pii;

import static feedline.common.pii.CuedChineseNameRecognizer.isHan;
import static feedline.common.pii.CuedChineseNameRecognizer.nameChar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Further verbatim occurrences of accepted values. A value recognized once (a phone number written
 * twice, a name repeated without its cue) is reported wherever it occurs again in the same text,
 * as a span of the same type and score with recognizer {@code repeat}. An occurrence counts only on
 * token boundaries: not inside a longer run of letters or digits, and for a Chinese name not glued
 * to other Han characters unless a function word or punctuation stands beside it.
 */
final class Repeats {
  static final String RECOGNIZER = "repeat";

  private Repeats() {}

  /** {@code spans} (sorted, non-overlapping) plus the repeats, sorted and non-overlapping. */
  static List<Span> addRepeats(String text, List<Span> spans) {
    if (spans.isEmpty()) return spans;
    List<Span> out = new ArrayList<>(spans);
    Set<String> done = new HashSet<>();
    for (Span s : spans) {
      String value = s.valueIn(text);
      if (value.length() < 2 || !done.add(s.type() + "\u0000" + value)) continue;
      for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
        int end = at + value.length();
        if (!boundary(text, at, end, s.type()) || overlapsAny(out, at, end)) continue;
        out.add(new Span(at, end, s.type(), s.score(), RECOGNIZER));
      }
    }
    if (out.size() == spans.size()) return spans;
    out.sort(Comparator.comparingInt(Span::start));
    return out;
  }

  private static boolean boundary(String text, int start, int end, PiiType type) {
    char first = text.charAt(start);
    char last = text.charAt(end - 1);
    if (start > 0 && glued(text.charAt(start - 1), first, type)) return false;
    return end >= text.length() || !glued(text.charAt(end), last, type);
  }

  /** Whether {@code neighbour} continues the token that {@code edge} (a character of the value) belongs to. */
  private static boolean glued(char neighbour, char edge, PiiType type) {
    if (isHan(edge)) {
      return type == PiiType.PERSON && nameChar(neighbour);
    }
    return Character.isLetterOrDigit(edge) && Character.isLetterOrDigit(neighbour) && !isHan(neighbour);
  }


  private static boolean overlapsAny(List<Span> spans, int start, int end) {
    for (Span s : spans) {
      if (s.start() < end && start < s.end()) return true;
    }
    return false;
  }
}
