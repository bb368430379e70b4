package feedline.common.metrics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tokenizers of sacrebleu, reimplemented character for character: {@code 13a} (mteval-v13a, the
 * default), {@code zh} (every Chinese character its own token, the rest as 13a), {@code char} (every
 * character a token) and {@code none} (whitespace only).
 */
public enum BleuTokenizer {
  NONE("none"),
  V13A("13a"),
  ZH("zh"),
  CHAR("char");

  private static final Pattern PUNCT = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
  private static final Pattern PERIOD_COMMA_AFTER = Pattern.compile("([^0-9])([\\.,])");
  private static final Pattern PERIOD_COMMA_BEFORE = Pattern.compile("([\\.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  /**
   * sacrebleu's Chinese ranges as it evaluates them. Two of its entries are written as
   * {@code '\u20000'} and {@code '\u2f800'}, which Python reads as a 4-digit escape plus a digit,
   * so its string comparison effectively covers U+2001..U+2A6D and U+2F81..U+2FA1 (and no
   * supplementary-plane character); those two effective ranges are kept here for parity.
   */
  private static final int[][] ZH_RANGES = {
      {0x3400, 0x4DB5}, {0x4E00, 0x9FA5}, {0x9FA6, 0x9FBB}, {0xF900, 0xFA2D}, {0xFA30, 0xFA6A},
      {0xFA70, 0xFAD9}, {0x2001, 0x2A6D}, {0x2F81, 0x2FA1}, {0xFF00, 0xFFEF}, {0x2E80, 0x2EFF},
      {0x3000, 0x303F}, {0x31C0, 0x31EF}, {0x2F00, 0x2FDF}, {0x2FF0, 0x2FFF}, {0x3100, 0x312F},
      {0x31A0, 0x31BF}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE4F}, {0x2600, 0x26FF}, {0x2700, 0x27BF},
      {0x3200, 0x32FF}, {0x3300, 0x33FF}};

  private final String id;

  BleuTokenizer(String id) {
    this.id = id;
  }

  /** The sacrebleu name: none, 13a, zh, char. */
  public String id() {
    return id;
  }

  public static BleuTokenizer of(String name) {
    for (BleuTokenizer t : values()) {
      if (t.id.equalsIgnoreCase(name)) return t;
    }
    throw new IllegalArgumentException("unknown BLEU tokenizer '" + name + "'; allowed: 13a, zh, char, none");
  }

  /** The tokenized line, tokens separated by single spaces. */
  public String tokenize(String line) {
    switch (this) {
      case NONE:
        return line;
      case CHAR: {
        StringBuilder b = new StringBuilder();
        line.codePoints().forEach(c -> {
          if (b.length() > 0) b.append(' ');
          b.appendCodePoint(c);
        });
        return b.toString();
      }
      case ZH: {
        String s = PyText.strip(line);
        StringBuilder b = new StringBuilder(s.length() * 2);
        s.codePoints().forEach(c -> {
          if (isChinese(c)) b.append(' ').appendCodePoint(c).append(' ');
          else b.appendCodePoint(c);
        });
        return regexp(b.toString());
      }
      case V13A:
      default: {
        String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
            .replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        return regexp(" " + s + " ");
      }
    }
  }

  static boolean isChinese(int c) {
    for (int[] r : ZH_RANGES) {
      if (c >= r[0] && c <= r[1]) return true;
    }
    return false;
  }

  /** sacrebleu's TokenizerRegexp: the language-dependent part shared by 13a and zh. */
  private static String regexp(String line) {
    String s = PUNCT.matcher(line).replaceAll(" $1 ");
    s = PERIOD_COMMA_AFTER.matcher(s).replaceAll("$1 $2 ");
    s = PERIOD_COMMA_BEFORE.matcher(s).replaceAll(" $1 $2");
    s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
    return String.join(" ", PyText.split(s));
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
