package feedline.jobs.redact;

import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.common.pii.PiiType;
import feedline.common.pii.RedactOptions;
import feedline.common.pii.RedactionMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Binds and validates {@code feedline.redact}; every error names the key and what is allowed. */
final class RedactSettings {
  private RedactSettings() {}

  static List<String> typeNames() {
    List<String> out = new ArrayList<>();
    for (PiiType t : PiiType.values()) out.add(t.name());
    return out;
  }

  static RedactOptions bind(Settings s) {
    return bind(s, System.getenv());
  }

  static RedactOptions bind(Settings s, Map<String, String> env) {
    Set<PiiType> types = EnumSet.noneOf(PiiType.class);
    for (String n : s.subsetOf("types", typeNames())) types.add(PiiType.valueOf(n));
    double threshold = s.number("threshold", 0.0, 1.0);
    Map<PiiType, Double> thresholds = new EnumMap<>(PiiType.class);
    for (PiiType t : PiiType.values()) thresholds.put(t, threshold);
    for (Map.Entry<String, String> e : s.stringMap("thresholds").entrySet()) {
      PiiType t = type(s.path("thresholds"), e.getKey());
      thresholds.put(t, s.sub("thresholds").number(quoteIfNeeded(e.getKey()), 0.0, 1.0));
    }
    RedactionMode def = s.enumValue("mode", RedactionMode.class);
    Map<PiiType, RedactionMode> modes = new EnumMap<>(PiiType.class);
    for (Map.Entry<String, String> e : s.stringMap("modes").entrySet()) {
      PiiType t = type(s.path("modes"), e.getKey());
      modes.put(t, s.sub("modes").enumValue(quoteIfNeeded(e.getKey()), RedactionMode.class));
    }
    String key = s.optionalString("hmac-key");
    String envName = s.optionalString("hmac-key-env");
    if (key == null && envName != null) {
      String v = env.get(envName);
      if (v != null && !v.isBlank()) key = v;
    }
    boolean hashing = def == RedactionMode.HASH || modes.containsValue(RedactionMode.HASH);
    if (hashing && key == null) {
      throw new ConfigError(s.path("hmac-key"), "(empty)",
          "a secret key (or environment variable " + (envName == null ? "named by " + s.path("hmac-key-env") : envName)
              + ") when any type uses mode hash");
    }
    int hashChars = s.integer("hash-chars", 8, 64);
    double boost = s.number("context.boost", 0.0, 1.0);
    double penalty = s.number("context.penalty", 0.0, 1.0);
    return new RedactOptions(types, thresholds, modes, def, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        hashChars, boost, penalty);
  }

  private static PiiType type(String key, String name) {
    PiiType t = PiiType.parse(name.replace("\"", ""));
    if (t == null) throw new ConfigError(key + "." + name, name, "type names from " + typeNames());
    return t;
  }

  private static String quoteIfNeeded(String k) {
    return k.toUpperCase(Locale.ROOT).equals(k) && k.matches("[A-Z_]+") ? k : "\"" + k + "\"";
  }
}
