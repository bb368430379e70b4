package feedline.common.model;

/** Reason codes written to quarantine and drops. Stable strings: reports and dashboards key on them. */
public final class Reasons {
  // quarantine: input that could not be turned into a document
  public static final String EMPTY_FILE = "empty_file";
  public static final String TOO_LARGE = "too_large";
  public static final String BINARY_CONTENT = "binary_content";
  public static final String CORRUPT_FILE = "corrupt_file";
  public static final String UNREADABLE = "unreadable";
  public static final String UNSUPPORTED_FORMAT = "unsupported_format";
  public static final String UNDECODABLE_TEXT = "undecodable_text";
  public static final String BAD_RECORD = "bad_record";
  public static final String NO_TEXT = "no_text";
  public static final String REDACT_FAILED = "redact_failed";
  // drops: rows removed on purpose
  public static final String ALREADY_COLLECTED = "already_collected";
  public static final String EXACT_DUPLICATE = "exact_duplicate";
  public static final String NEAR_DUPLICATE = "near_duplicate";
  // augment: variants rejected by the consistency check, or never produced
  public static final String TOO_SIMILAR = "too_similar";
  public static final String DRIFTED = "drifted";
  public static final String PLACEHOLDER_LOST = "placeholder_lost";
  public static final String TRANSLATOR_ERROR = "translator_error";

  private Reasons() {}
}
