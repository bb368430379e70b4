package feedline.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Typed, validating reads of one config subtree; every failure names the full key and what is allowed. */
public final class Settings {
  private final Config config;
  private final String prefix;

  public Settings(Config config, String prefix) {
    this.config = config;
    this.prefix = prefix;
  }

  public Settings sub(String key) {
    return new Settings(config, path(key));
  }

  public String path(String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  public boolean has(String key) {
    return config.hasPath(path(key));
  }

  private Object raw(String key) {
    return config.hasPathOrNull(path(key)) && !config.getIsNull(path(key))
        ? config.getValue(path(key)).unwrapped() : null;
  }

  private void require(String key, String allowed) {
    if (!config.hasPathOrNull(path(key))) throw new ConfigError(path(key), null, allowed);
  }

  public String string(String key) {
    require(key, "a string");
    try {
      return config.getString(path(key));
    } catch (ConfigException e) {
      throw new ConfigError(path(key), raw(key), "a string");
    }
  }

  /** A string that may be null or empty in config; returns null then. */
  public String optionalString(String key) {
    if (!config.hasPath(path(key))) return null;
    String s = config.getString(path(key));
    return s.isBlank() ? null : s;
  }

  public String oneOf(String key, Collection<String> allowed) {
    String v = string(key);
    for (String a : allowed) {
      if (a.equalsIgnoreCase(v)) return a;
    }
    throw new ConfigError(path(key), v, "one of " + allowed);
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    String v = oneOf(key, names);
    return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  public boolean bool(String key) {
    require(key, "true or false");
    try {
      return config.getBoolean(path(key));
    } catch (ConfigException e) {
      throw new ConfigError(path(key), raw(key), "true or false");
    }
  }

  public int integer(String key, int min, int max) {
    String allowed = "an integer in [" + min + ", " + max + "]";
    require(key, allowed);
    int v;
    try {
      v = config.getInt(path(key));
    } catch (ConfigException e) {
      throw new ConfigError(path(key), raw(key), allowed);
    }
    if (v < min || v > max) throw new ConfigError(path(key), v, allowed);
    return v;
  }

  public long bytes(String key, long min, long max) {
    String allowed = "a size such as 512k, 64M or 2G in [" + min + ", " + max + "] bytes";
    require(key, allowed);
    long v;
    try {
      v = config.getBytes(path(key));
    } catch (ConfigException e) {
      throw new ConfigError(path(key), raw(key), allowed);
    }
    if (v < min || v > max) throw new ConfigError(path(key), raw(key), allowed);
    return v;
  }

  public double number(String key, double min, double max) {
    String allowed = "a number in [" + min + ", " + max + "]";
    require(key, allowed);
    double v;
    try {
      v = config.getDouble(path(key));
    } catch (ConfigException e) {
      throw new ConfigError(path(key), raw(key), allowed);
    }
    if (Double.isNaN(v) || v < min || v > max) throw new ConfigError(path(key), v, allowed);
    return v;
  }

  public List<String> stringList(String key) {
    require(key, "a list of strings");
    try {
      return List.copyOf(config.getStringList(path(key)));
    } catch (ConfigException e) {
      throw new ConfigError(path(key), raw(key), "a list of strings");
    }
  }

  public List<String> subsetOf(String key, Collection<String> allowed) {
    List<String> out = new ArrayList<>();
    for (String v : stringList(key)) {
      String match = allowed.stream().filter(a -> a.equalsIgnoreCase(v)).findFirst()
          .orElseThrow(() -> new ConfigError(path(key), v, "values from " + allowed));
      out.add(match);
    }
    return List.copyOf(out);
  }

  /** A flat map of string values, e.g. Spark or Hadoop properties. */
  public Map<String, String> stringMap(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!config.hasPath(path(key))) return out;
    try {
      config.getConfig(path(key)).entrySet()
          .forEach(e -> out.put(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped())));
    } catch (ConfigException e) {
      throw new ConfigError(path(key), raw(key), "an object of key = value pairs");
    }
    return out;
  }

  public Config config() {
    return config;
  }
}
