package feedline.common.sft;

/**
 * Reason codes of the build stage (quarantine and drops) and names of the fixes it applies.
 * Stable strings: reports key on them.
 */
public final class SftReasons {
  private SftReasons() {}

  // quarantine: rows that are not of the configured shape
  public static final String UNKNOWN_SHAPE = "unknown_shape";
  public static final String MISSING_COLUMN = "missing_column";
  public static final String BAD_TURN = "bad_turn";
  public static final String UNKNOWN_ROLE = "unknown_role";
  public static final String TEMPLATE_ERROR = "template_error";

  // drops: rows removed by rule
  public static final String NO_ASSISTANT_TURN = "no_assistant_turn";
  public static final String EMPTY_CONTENT = "empty_content";
  public static final String ROLE_ORDER = "role_order";
  public static final String TOO_LONG_CHARS = "too_long_chars";
  public static final String TOO_LONG_TOKENS = "too_long_tokens";
  public static final String NO_LABELS = "no_labels";
  public static final String UNKNOWN_TOKENS = "unknown_tokens";
  public static final String TEMPLATE_REJECTED = "template_rejected";

  // fixes: rows kept after a rule changed them (counted in the dataset card)
  public static final String FIX_EMPTY_TURN_REMOVED = "empty_turn_removed";
  public static final String FIX_CONSECUTIVE_MERGED = "consecutive_turns_merged";
  public static final String FIX_LEADING_ASSISTANT_REMOVED = "leading_assistant_removed";
  public static final String FIX_TRAILING_USER_REMOVED = "trailing_user_removed";
  public static final String FIX_CONTROL_CHARS_REMOVED = "control_chars_removed";
  public static final String FIX_UNKNOWN_TOKENS_REMOVED = "unknown_tokens_removed";
  public static final String FIX_SYSTEM_MOVED_FIRST = "system_moved_first";
}
