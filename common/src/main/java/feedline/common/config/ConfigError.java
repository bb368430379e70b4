package feedline.common.config;

/** A configuration value that cannot be used; the message names the key, the value and what is allowed. */
public final class ConfigError extends RuntimeException {
  private final String key;

  public ConfigError(String key, Object value, String allowed) {
    super("invalid config " + key + " = " + render(value) + ": allowed " + allowed);
    this.key = key;
  }

  public ConfigError(String key, String message) {
    super("invalid config " + key + ": " + message);
    this.key = key;
  }

  public String key() {
    return key;
  }

  private static String render(Object value) {
    if (value == null) return "(missing)";
    String s = String.valueOf(value);
    return s.length() > 200 ? "\"" + s.substring(0, 200) + "...\"" : "\"" + s + "\"";
  }
}
