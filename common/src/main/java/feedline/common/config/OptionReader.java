package feedline.common.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of a plugin's free-form string options (a scorer's, a translator's, an embedder's).
 * Blank or missing values take the default; a bad value is an {@link IllegalArgumentException}
 * whose message starts with {@code what} (e.g. {@code "lm scorer option "}), names the key and the
 * value, and says what is allowed.
 */
public final class OptionReader {
  private final Map<String, String> options;
  private final String what;

  public OptionReader(Map<String, String> options, String what) {
    this.options = options;
    this.what = what;
  }

  /** Refuses any key outside {@code known} and {@code ignored}, listing the known ones. */
  public OptionReader onlyKeys(Set<String> known, Set<String> ignored) {
    for (String k : options.keySet()) {
      if (!known.contains(k) && !ignored.contains(k)) {
        throw new IllegalArgumentException(what.strip() + ": unknown option '" + k + "'; allowed: " + known.stream().sorted().toList());
      }
    }
    return this;
  }

  /** The raw value, {@code def} when missing or blank. */
  public String string(String key, String def) {
    String v = options.get(key);
    return v == null || v.isBlank() ? def : v;
  }

  public String oneOf(String key, String def, List<String> allowed) {
    String v = string(key, def).strip();
    if (!allowed.contains(v)) throw error(key, v, "allowed " + String.join(", ", allowed));
    return v;
  }

  public boolean bool(String key, boolean def) {
    return Boolean.parseBoolean(oneOf(key, Boolean.toString(def), List.of("true", "false")));
  }

  public int integer(String key, int def, int min, int max) {
    String v = options.get(key);
    if (v == null || v.isBlank()) return def;
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(key, v, "an integer in [" + min + ", " + max + "]");
  }

  /** A number in {@code (lowExclusive, max]}. */
  public double number(String key, double def, double lowExclusive, double max) {
    String v = options.get(key);
    if (v == null || v.isBlank()) return def;
    try {
      double d = Double.parseDouble(v.strip());
      if (d > lowExclusive && d <= max) return d;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(key, v, "a number in (" + fmt(lowExclusive) + ", " + fmt(max) + "]");
  }

  public IllegalArgumentException error(String key, String value, String allowed) {
    return new IllegalArgumentException(what + key + " = '" + value + "': " + allowed);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
