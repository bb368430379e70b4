package feedline.common.dedup;

/** How a text is cut into shingles. */
public enum ShingleKind {
  /** Per document: {@link #CHAR} for mostly unsegmented script (Han, kana, Thai ...), else {@link #WORD}. */
  AUTO,
  /** Character n-grams over the text with whitespace removed. */
  CHAR,
  /** Word n-grams over whitespace-delimited tokens. */
  WORD
}
