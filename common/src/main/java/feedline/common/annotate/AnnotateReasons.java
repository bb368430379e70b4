package feedline.common.annotate;

/** Quarantine and review reason codes of the annotation import. Stable strings. */
public final class AnnotateReasons {
  /** The export names an item that is not in {@code to_annotate} (or names none). */
  public static final String UNKNOWN_TASK = "unknown_task";
  /** An item or an annotator's record carries no answer. */
  public static final String MISSING_ANNOTATION = "missing_annotation";
  /** A label that the configured label set does not have. */
  public static final String LABEL_NOT_IN_CONFIG = "label_not_in_config";
  /** Several labels where the task allows one. */
  public static final String SEVERAL_LABELS = "several_labels";
  /** A span outside the text or with an empty range. */
  public static final String BAD_SPAN = "bad_span";
  /** An annotator answered the same item twice; the first answer is kept. */
  public static final String DUPLICATE_ANNOTATION = "duplicate_annotation";
  /** An export file that is not in the tool's format. */
  public static final String BAD_EXPORT = "bad_export";
  // review reasons
  public static final String NO_MAJORITY = "no_majority";
  public static final String TOO_FEW_ANNOTATORS = "too_few_annotators";
  public static final String CONTESTED_SPAN = "contested_span";

  private AnnotateReasons() {}
}
