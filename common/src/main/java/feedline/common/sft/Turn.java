package feedline.common.sft;

import java.util.Objects;

/** One turn of a conversation. */
public record Turn(Role role, String content) {
  public Turn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  public static Turn system(String c) {
    return new Turn(Role.SYSTEM, c);
  }

  public static Turn user(String c) {
    return new Turn(Role.USER, c);
  }

  public static Turn assistant(String c) {
    return new Turn(Role.ASSISTANT, c);
  }
}
