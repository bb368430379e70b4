package feedline.common.sft;

import java.util.Locale;

/** Who speaks a turn; {@link #jinja()} is the role name chat templates expect. */
public enum Role {
  SYSTEM, USER, ASSISTANT;

  public String jinja() {
    return name().toLowerCase(Locale.ROOT);
  }
}
