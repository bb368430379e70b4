package feedline.common.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokenizers for ROUGE. {@link #DEFAULT} is rouge-score's own: lowercase, every run of characters
 * outside {@code [a-z0-9]} is a separator (so Chinese text yields no tokens at all). {@link #CHAR} is
 * the Chinese character mode: lowercase, every character of a script written without spaces (Han,
 * kana, Hangul, Thai ...) and every other letter or digit that is not ASCII is one token, ASCII
 * letter/digit runs stay words, everything else separates.
 */
public enum RougeTokenizer {
  DEFAULT,
  CHAR;

  public static RougeTokenizer of(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "default":
      case "13a":
      case "words":
        return DEFAULT;
      case "char":
      case "zh":
        return CHAR;
      default:
        throw new IllegalArgumentException("unknown ROUGE tokenizer '" + name + "'; allowed: default, char (zh)");
    }
  }

  public List<String> tokenize(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.append((char) c);
        continue;
      }
      if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
      if (this == CHAR && Character.isLetterOrDigit(c)) out.add(new String(Character.toChars(c)));
    }
    if (word.length() > 0) out.add(word.toString());
    return out;
  }
}
