package feedline.common.sft;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What to do with an example longer than the maximum sequence length. */
public enum Truncation {
  /** Drop the example ({@code too_long_tokens}). */
  DROP,
  /** Keep its first tokens; dropped when no trained token is left ({@code no_labels}). */
  TRUNCATE,
  /**
   * Split a conversation between exchanges (system prompt repeated in every piece) into pieces that
   * fit; a single exchange that does not fit is truncated. Plain text is cut into windows.
   */
  SPLIT;

  public static List<String> names() {
    return Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
  }

  public static Truncation parse(String s, String key) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + " = '" + s + "' is not a truncation policy; allowed: " + names());
    }
  }
}
