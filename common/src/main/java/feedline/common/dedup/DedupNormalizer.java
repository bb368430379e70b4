package feedline.common.dedup;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalization both the exact-duplicate hash and the shingles are computed on. Each step can be
 * switched off: case folding, full/half width folding (fullwidth ASCII, the ideographic space and
 * halfwidth katakana to their usual forms), punctuation removal (every Unicode punctuation character
 * becomes a space) and whitespace collapsing (runs of whitespace to one space, trimmed).
 */
public final class DedupNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Which steps apply. */
  public record Options(boolean lowercase, boolean width, boolean punctuation, boolean whitespace) implements Serializable {
    public static Options all() {
      return new Options(true, true, true, true);
    }

    public static Options none() {
      return new Options(false, false, false, false);
    }

    /** A short stable description, part of the signature index's parameters. */
    public String describe() {
      return "case=" + lowercase + ",width=" + width + ",punct=" + punctuation + ",space=" + whitespace;
    }
  }

  private final Options options;

  public DedupNormalizer(Options options) {
    this.options = options;
  }

  public Options options() {
    return options;
  }

  public String normalize(String text) {
    if (text == null) return "";
    StringBuilder sb = new StringBuilder(text.length());
    boolean pendingSpace = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (options.width()) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
          c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
          c = ' ';
        } else if (c >= '\uFF61' && c <= '\uFFEF') {
          String folded = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
          for (int j = 0; j < folded.length(); j++) {
            pendingSpace = append(sb, folded.charAt(j), pendingSpace);
          }
          continue;
        }
      }
      pendingSpace = append(sb, c, pendingSpace);
    }
    String out = sb.toString();
    return options.lowercase() ? out.toLowerCase(Locale.ROOT) : out;
  }

  /** Appends one character; returns whether a collapsed space is pending. */
  private boolean append(StringBuilder sb, char c, boolean pendingSpace) {
    if (options.punctuation() && isPunctuation(c)) c = ' ';
    if (options.whitespace()) {
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return sb.length() > 0;
      if (pendingSpace) sb.append(' ');
      sb.append(c);
      return false;
    }
    sb.append(c);
    return false;
  }

  static boolean isPunctuation(char c) {
    switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
        return true;
      default:
        return false;
    }
  }
}
