package feedline.common.clean;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-script letter counts of a text and what they imply: whether the text is CJK (Han or kana
 * dominate, counted in characters), space-delimited (counted in words) or written in a script
 * without word spaces that no rule here is written for (Thai, Lao, Khmer, Myanmar, Tibetan).
 */
public final class Scripts {
  /** How a text is segmented, which decides the variant of each quality rule. */
  public enum Shape { CJK, SPACED, UNSEGMENTED, NONE }

  /** Letters per script (lower-case names such as han, latin, kana, hangul, cyrillic), the total and derived counts. */
  public record Counts(Map<String, Integer> letters, int total, int cjkChars, int kanaChars, int spacedWords, int unsegmentedChars) {

    /** Share of each script among letters, rounded to 4 decimals; empty when there are no letters. */
    public Map<String, Double> shares() {
      Map<String, Double> out = new TreeMap<>();
      if (total == 0) return out;
      letters.forEach((k, v) -> out.put(k, Math.round(v * 10000.0 / total) / 10000.0));
      return out;
    }

    public Shape shape() {
      if (total == 0) return Shape.NONE;
      int units = cjkChars + spacedWords;
      if (unsegmentedChars > units) return Shape.UNSEGMENTED;
      return cjkChars >= spacedWords ? Shape.CJK : Shape.SPACED;
    }

    public double share(String script) {
      return total == 0 ? 0 : letters.getOrDefault(script, 0) / (double) total;
    }
  }

  private Scripts() {}

  /** CJK ideographs and kana: one character is one unit of text. */
  public static boolean isCjk(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
  }

  private static boolean unsegmented(Character.UnicodeScript s) {
    return s == Character.UnicodeScript.THAI || s == Character.UnicodeScript.LAO || s == Character.UnicodeScript.KHMER
        || s == Character.UnicodeScript.MYANMAR || s == Character.UnicodeScript.TIBETAN;
  }

  /** Counts letters by script over at most {@code limit} characters. */
  public static Counts count(String s, int limit) {
    Map<String, Integer> letters = new TreeMap<>();
    int total = 0;
    int cjk = 0;
    int kana = 0;
    int words = 0;
    int unseg = 0;
    boolean inWord = false;
    boolean wordHasSpacedLetter = false;
    int n = Math.min(s.length(), limit);
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        if (inWord && wordHasSpacedLetter) words++;
        inWord = false;
        wordHasSpacedLetter = false;
        continue;
      }
      inWord = true;
      if (!Character.isLetter(cp) && !Character.isIdeographic(cp)) continue;
      Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
      if (sc == Character.UnicodeScript.COMMON || sc == Character.UnicodeScript.INHERITED) continue;
      String name = sc == Character.UnicodeScript.HIRAGANA || sc == Character.UnicodeScript.KATAKANA
          ? "kana" : sc.name().toLowerCase(Locale.ROOT);
      letters.merge(name, 1, Integer::sum);
      total++;
      if (isCjk(cp)) {
        cjk++;
        if (name.equals("kana")) kana++;
      } else if (unsegmented(sc)) {
        unseg++;
      } else {
        wordHasSpacedLetter = true;
      }
    }
    if (inWord && wordHasSpacedLetter) words++;
    return new Counts(letters, total, cjk, kana, words, unseg);
  }
}
