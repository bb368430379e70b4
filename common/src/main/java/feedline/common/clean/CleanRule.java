package feedline.common.clean;

/**
 * The filter rules of the clean stage. {@link #key()} is the rule's config block under
 * {@code feedline.clean.filters}; {@link #reason()} is the reason code written to drops.
 */
public enum CleanRule {
  EMPTY_TEXT("empty-text", "empty_text"),
  GARBAGE("garbage", "binary_garbage"),
  MAX_LENGTH("max-length", "too_long"),
  URL_DOMAINS("url-domains", "blocked_domain"),
  BAD_WORDS("bad-words", "bad_words"),
  MIN_LENGTH("min-length", "too_short"),
  LANGUAGE("language", "lang_not_kept"),
  SYMBOL_RATIO("symbol-ratio", "symbol_ratio"),
  DIGIT_RATIO("digit-ratio", "digit_ratio"),
  ALPHA_WORDS("alpha-words", "few_alpha_words"),
  MEAN_WORD_LENGTH("mean-word-length", "mean_word_length"),
  LINE_PUNCTUATION("line-punctuation", "lines_without_punctuation"),
  BULLET_LINES("bullet-lines", "bullet_lines"),
  ELLIPSIS_LINES("ellipsis-lines", "ellipsis_lines"),
  DUPLICATE_LINES("duplicate-lines", "duplicate_lines"),
  DUPLICATE_PARAGRAPHS("duplicate-paragraphs", "duplicate_paragraphs"),
  TOP_NGRAM("top-ngram", "top_ngram_repetition"),
  DUPLICATE_NGRAMS("duplicate-ngrams", "duplicate_ngrams");

  private final String key;
  private final String reason;

  CleanRule(String key, String reason) {
    this.key = key;
    this.reason = reason;
  }

  public String key() {
    return key;
  }

  public String reason() {
    return reason;
  }
}
