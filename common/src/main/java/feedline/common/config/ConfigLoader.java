package feedline.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads the layered configuration: every module's {@code reference.conf}, then the user's file, then
 * {@code -Dfeedline.*} system properties, then {@code key=value} overrides from the command line.
 */
public final class ConfigLoader {
  /** Subtrees whose keys are free-form (user maps), exempt from the unknown-key check. */
  private static final Set<String> FREE_FORM =
      Set.of("feedline.spark.conf", "feedline.collect.sources", "feedline.hadoop", "feedline.select.scorer.options");

  /** A path segment that names a secret: {@code password}, {@code api-token}, {@code secret.key}, not {@code tokenizer}. */
  private static final Pattern SECRET_SEGMENT =
      Pattern.compile("(?i)^(.*[-_])?(secret|password|passwd|token|credentials?|hmac-key|api-key|access-key|secret-key)$");

  /** Whether a config path holds a secret (any of its segments names one; quoted dots count too). */
  static boolean isSecret(String path) {
    for (String segment : path.replace("\"", "").split("\\.")) {
      if (SECRET_SEGMENT.matcher(segment).matches()) return true;
    }
    return false;
  }

  private ConfigLoader() {}

  public static Config load(Path file, List<String> overrides) {
    ConfigFactory.invalidateCaches();
    Config reference = ConfigFactory.defaultReference(ConfigLoader.class.getClassLoader());
    Config user = ConfigFactory.empty();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigError("--conf", file, "an existing HOCON file");
      }
      user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }
    Config system = ConfigFactory.systemProperties().withOnlyPath("feedline");
    if (!ConfigFactory.systemProperties().hasPath("feedline")) system = ConfigFactory.empty();
    Config cli = parseOverrides(overrides);
    Config userLayers = cli.withFallback(system).withFallback(user);
    checkKnownKeys(userLayers, reference);
    return userLayers.withFallback(reference).resolve();
  }

  /** {@code key=value} pairs; the value is HOCON when it looks like a list, object or quoted string. */
  public static Config parseOverrides(List<String> overrides) {
    Config result = ConfigFactory.empty();
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        throw new ConfigError(o, "a command line override must look like key=value");
      }
      String key = o.substring(0, eq).trim();
      if (!key.startsWith("feedline.")) key = "feedline." + key;
      String value = o.substring(eq + 1).trim();
      Config one;
      if (value.startsWith("[") || value.startsWith("{") || value.startsWith("\"")) {
        try {
          one = ConfigFactory.parseString("\"_v\" = " + value).getValue("_v").atPath(key);
        } catch (RuntimeException e) {
          throw new ConfigError(key, value, "valid HOCON for a list, object or quoted string (" + e.getMessage() + ")");
        }
      } else {
        one = ConfigFactory.parseMap(Map.of(key, value), "command line");
      }
      result = one.withFallback(result);
    }
    return result;
  }

  private static void checkKnownKeys(Config user, Config reference) {
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
      String path = e.getKey();
      if (!path.startsWith("feedline.")) continue;
      if (FREE_FORM.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."))) continue;
      if (!reference.hasPathOrNull(path) && !parentIsObjectOrList(reference, path)) unknown.add(path);
    }
    if (!unknown.isEmpty()) {
      String first = unknown.get(0);
      throw new ConfigError(first, "unknown key (not in any reference.conf); known keys nearby: "
          + nearby(reference, first) + (unknown.size() > 1 ? "; also unknown: " + unknown.subList(1, unknown.size()) : ""));
    }
  }

  /** Paths inside a user-extensible object or a list element (lists are replaced whole). */
  private static boolean parentIsObjectOrList(Config reference, String path) {
    String p = path;
    while (p.contains(".")) {
      p = p.substring(0, p.lastIndexOf('.'));
      if (reference.hasPathOrNull(p)) {
        ConfigValue v = reference.getValue(p);
        return switch (v.valueType()) {
          case LIST -> true;
          case OBJECT -> ((com.typesafe.config.ConfigObject) v).isEmpty();
          default -> false;
        };
      }
    }
    return false;
  }

  private static String nearby(Config reference, String path) {
    String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : path;
    while (!reference.hasPath(parent) && parent.contains(".")) parent = parent.substring(0, parent.lastIndexOf('.'));
    Set<String> keys = new TreeSet<>();
    if (reference.hasPath(parent) && reference.getValue(parent) instanceof com.typesafe.config.ConfigObject obj) {
      keys.addAll(obj.keySet());
    }
    return parent + ".{" + String.join(", ", keys) + "}";
  }

  /** The resolved {@code feedline} tree as JSON with secret values masked. */
  public static String renderMasked(Config config) {
    Map<String, Object> flat = new LinkedHashMap<>();
    new TreeSet<>(config.withOnlyPath("feedline").entrySet().stream().map(Map.Entry::getKey).toList())
        .forEach(k -> flat.put(k, isSecret(k) ? "***" : config.getValue(k).unwrapped()));
    return ConfigFactory.parseMap(flat).root().render(ConfigRenderOptions.concise().setFormatted(true));
  }

  /** Digest of the masked, resolved configuration: equal configs give equal digests. */
  public static String digest(Config config) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(renderMasked(config).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
