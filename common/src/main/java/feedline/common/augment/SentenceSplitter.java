package feedline.common.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences, for Chinese and English punctuation alike: a sentence ends at
 * {@code 。！？；…} (with any closing quotes or brackets after them), at a newline, or at
 * {@code . ! ?} followed by space and not part of an abbreviation ({@code Dr.}, {@code e.g.}), an
 * initial or a decimal number. Each sentence keeps its trailing whitespace, so joining the pieces
 * gives the text back exactly.
 */
public final class SentenceSplitter {
  private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs",
      "etc", "e.g", "i.e", "eg", "ie", "no", "fig", "approx", "dept", "inc", "ltd", "co", "corp", "jan", "feb",
      "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "u.s", "a.m", "p.m");
  private static final String CJK_END = "。！？；…!?";
  private static final String CLOSERS = "\"'”’」』）)]】》";

  private SentenceSplitter() {}

  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) return out;
    int start = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int end = -1;
      if (c == '\n') {
        end = i + 1;
      } else if (CJK_END.indexOf(c) >= 0 && c != '!' && c != '?') {
        end = afterClosers(text, i + 1);
      } else if (c == '.' || c == '!' || c == '?') {
        int j = afterClosers(text, i + 1);
        while (j < n && (text.charAt(j) == '.' || text.charAt(j) == '!' || text.charAt(j) == '?')) j = afterClosers(text, j + 1);
        if (j >= n || Character.isWhitespace(text.charAt(j)) || isCjk(text, j)) {
          if (c != '.' || !abbreviation(text, start, i)) end = j;
        }
      }
      if (end < 0) {
        i++;
        continue;
      }
      while (end < n && text.charAt(end) != '\n' && Character.isWhitespace(text.charAt(end))) end++;
      if (end < n && text.charAt(end) == '\n' && c != '\n') end++;
      out.add(text.substring(start, end));
      start = end;
      i = end;
    }
    if (start < n) out.add(text.substring(start));
    // fold pieces with no letters or digits (blank lines) into the previous sentence
    List<String> folded = new ArrayList<>();
    for (String s : out) {
      if (!folded.isEmpty() && s.codePoints().noneMatch(Character::isLetterOrDigit)) {
        folded.set(folded.size() - 1, folded.get(folded.size() - 1) + s);
      } else {
        folded.add(s);
      }
    }
    return folded;
  }

  /** Whether position {@code pos} is the first word of a sentence (only spaces, quotes or an opener before it). */
  public static boolean startsSentence(String text, int pos) {
    int i = pos - 1;
    while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || "\"'“‘(「『【《-*•".indexOf(text.charAt(i)) >= 0)) i--;
    if (i < 0) return true;
    char c = text.charAt(i);
    if (text.charAt(i + 1) == '\n' || text.substring(i + 1, pos).contains("\n")) return true;
    if (CJK_END.indexOf(c) >= 0 || c == ':' || c == '：') return true;
    if (c == '.') return !abbreviation(text, 0, i);
    return c == '!' || c == '?' || Character.isDigit(c) && i > 0 && text.charAt(i + 1) == '.';
  }

  private static boolean abbreviation(String text, int sentenceStart, int dot) {
    int w = dot;
    while (w > sentenceStart && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) w--;
    String word = text.substring(w, dot).toLowerCase(Locale.ROOT);
    if (word.isEmpty()) {
      // a decimal such as 3.5 never reaches here (no space after the dot); "1." starts a numbered item
      return dot > 0 && Character.isDigit(text.charAt(dot - 1)) && lineStartsAt(text, dot);
    }
    if (ABBREVIATIONS.contains(word)) return true;
    return word.length() == 1 && Character.isUpperCase(text.charAt(w));
  }

  private static boolean lineStartsAt(String text, int dot) {
    int i = dot - 1;
    while (i >= 0 && Character.isDigit(text.charAt(i))) i--;
    while (i >= 0 && text.charAt(i) == ' ') i--;
    return i < 0 || text.charAt(i) == '\n';
  }

  private static int afterClosers(String text, int i) {
    while (i < text.length() && CLOSERS.indexOf(text.charAt(i)) >= 0) i++;
    return i;
  }

  private static boolean isCjk(String text, int i) {
    return Lang.isHan(text.codePointAt(i));
  }
}
