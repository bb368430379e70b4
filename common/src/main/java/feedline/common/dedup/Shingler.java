package feedline.common.dedup;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Cuts normalized text into shingles and hashes them to 64 bits. Character n-grams for unsegmented
 * text (Chinese, Japanese, Thai ...), word n-grams for space-delimited text; {@link ShingleKind#AUTO}
 * picks per document by the share of letters in unsegmented scripts. A text with fewer units than n
 * gives one shingle (the whole text), so very short texts still compare; an empty text gives none.
 * At most {@code maxShingles} n-gram positions are read from the start of a text, which bounds the
 * work on enormous texts.
 */
public final class Shingler implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Share of unsegmented-script letters from which {@link ShingleKind#AUTO} picks character n-grams. */
  public static final double UNSEGMENTED_SHARE = 0.3;

  private final DedupNormalizer normalizer;
  private final ShingleKind kind;
  private final int charN;
  private final int wordN;
  private final int maxShingles;

  public Shingler(DedupNormalizer normalizer, ShingleKind kind, int charN, int wordN, int maxShingles) {
    if (charN < 1 || wordN < 1) throw new IllegalArgumentException("n must be at least 1");
    if (maxShingles < 1) throw new IllegalArgumentException("maxShingles must be at least 1");
    this.normalizer = normalizer;
    this.kind = kind;
    this.charN = charN;
    this.wordN = wordN;
    this.maxShingles = maxShingles;
  }

  /** Parameters that change the shingles, for the signature index's compatibility check. */
  public String describe() {
    return "kind=" + kind + ",char-n=" + charN + ",word-n=" + wordN + ",max=" + maxShingles + "," + normalizer.options().describe();
  }

  public Shingles shingle(String text) {
    return shingleNormalized(normalizer.normalize(text));
  }

  /** Shingles of text already passed through this shingler's normalizer. */
  public Shingles shingleNormalized(String norm) {
    ShingleKind k = kind == ShingleKind.AUTO ? detect(norm) : kind;
    return k == ShingleKind.CHAR ? charShingles(norm) : wordShingles(norm);
  }

  /** {@link ShingleKind#CHAR} when at least 30% of the letters belong to unsegmented scripts. */
  public static ShingleKind detect(String text) {
    int letters = 0;
    int unsegmented = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) continue;
      letters++;
      if (isUnsegmented(cp)) unsegmented++;
    }
    return letters > 0 && unsegmented >= UNSEGMENTED_SHARE * letters ? ShingleKind.CHAR : ShingleKind.WORD;
  }

  static boolean isUnsegmented(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    switch (s) {
      case HAN:
      case HIRAGANA:
      case KATAKANA:
      case THAI:
      case LAO:
      case KHMER:
      case MYANMAR:
      case TIBETAN:
        return true;
      default:
        return false;
    }
  }

  private Shingles charShingles(String norm) {
    StringBuilder sb = new StringBuilder(norm.length());
    for (int i = 0; i < norm.length(); i++) {
      char c = norm.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) sb.append(c);
    }
    int len = sb.length();
    if (len == 0) return new Shingles(new long[0], ShingleKind.CHAR, false, false);
    if (len < charN) return new Shingles(new long[] {Hash64.chars(sb, 0, len)}, ShingleKind.CHAR, true, false);
    int positions = len - charN + 1;
    boolean capped = positions > maxShingles;
    if (capped) positions = maxShingles;
    long[] out = new long[positions];
    for (int i = 0; i < positions; i++) out[i] = Hash64.chars(sb, i, i + charN);
    return new Shingles(distinctSorted(out), ShingleKind.CHAR, false, capped);
  }

  private Shingles wordShingles(String norm) {
    // token hashes, read no further than the cap needs
    long[] tokens = new long[16];
    int count = 0;
    int limit = maxShingles + wordN - 1;
    boolean more = false;
    int n = norm.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(norm.charAt(i))) i++;
      if (i >= n) break;
      int start = i;
      while (i < n && !isSpace(norm.charAt(i))) i++;
      if (count == limit) {
        more = true;
        break;
      }
      if (count == tokens.length) tokens = Arrays.copyOf(tokens, tokens.length * 2);
      tokens[count++] = Hash64.chars(norm, start, i);
    }
    if (count == 0) return new Shingles(new long[0], ShingleKind.WORD, false, false);
    if (count < wordN) {
      long h = 0x5EED;
      for (int t = 0; t < count; t++) h = Hash64.combine(h, tokens[t]);
      return new Shingles(new long[] {h}, ShingleKind.WORD, true, false);
    }
    int positions = count - wordN + 1;
    long[] out = new long[positions];
    for (int p = 0; p < positions; p++) {
      long h = 0x5EED;
      for (int t = p; t < p + wordN; t++) h = Hash64.combine(h, tokens[t]);
      out[p] = h;
    }
    return new Shingles(distinctSorted(out), ShingleKind.WORD, false, more);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  static long[] distinctSorted(long[] a) {
    Arrays.sort(a);
    int w = 0;
    for (int i = 0; i < a.length; i++) {
      if (w == 0 || a[i] != a[w - 1]) a[w++] = a[i];
    }
    return w == a.length ? a : Arrays.copyOf(a, w);
  }
}
