package feedline.common.sft;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The input row shapes the build stage understands. */
public enum InputShape {
  /** Decided per row from the columns present: messages, conversations, instruction+output, question+answer, text. */
  AUTO,
  /** {@code instruction}, optional {@code input}, {@code output}. */
  ALPACA,
  /** {@code conversations}: a list of {@code {from, value}}. */
  SHAREGPT,
  /** OpenAI {@code messages}: a list of {@code {role, content}}, system prompts included. */
  MESSAGES,
  /** A question column and an answer column (e.g. from a collected CSV). */
  QA,
  /** Plain text for continued pre-training. */
  TEXT;

  public static List<String> names() {
    return Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
  }

  public static InputShape parse(String s, String key) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + " = '" + s + "' is not an input shape; allowed: " + names());
    }
  }
}
