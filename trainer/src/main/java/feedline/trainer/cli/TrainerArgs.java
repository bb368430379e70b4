package feedline.trainer.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import feedline.common.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed trainer arguments: the verb, {@code --flag value} options mapped to config keys, and
 * {@code key=value} overrides (keys without the {@code feedline.} prefix are read under
 * {@code feedline.trainer}).
 */
record TrainerArgs(String verb, Path confFile, Map<String, String> flagValues, List<String> overrides) {
  static TrainerArgs parse(String[] args, Map<String, String> flagKeys) {
    if (args.length == 0) throw new UsageError(TrainerMain.usage());
    String verb = args[0];
    Path conf = null;
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> overrides = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        String name = a.substring(2);
        String value;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else {
          if (i + 1 >= args.length) throw new UsageError("option --" + name + " needs a value");
          value = args[++i];
        }
        if (name.equals("conf")) {
          conf = Path.of(value);
        } else if (flagKeys.containsKey(name)) {
          flags.put(flagKeys.get(name), value);
        } else {
          throw new UsageError("unknown option --" + name + " for " + verb + "; known: --conf"
              + (flagKeys.isEmpty() ? "" : ", --" + String.join(", --", flagKeys.keySet())));
        }
      } else if (a.contains("=")) {
        String key = a.substring(0, a.indexOf('=')).trim();
        overrides.add(key.startsWith("feedline.") || key.startsWith("trainer.") ? a : "trainer." + a);
      } else {
        throw new UsageError("unexpected argument '" + a + "' (options are --name value, overrides key=value)");
      }
    }
    return new TrainerArgs(verb, conf, flags, overrides);
  }

  /** The layered configuration with flag values on top (taken verbatim, never parsed as HOCON). */
  Config config() {
    Config loaded = ConfigLoader.load(confFile, overrides);
    Map<String, Object> top = new LinkedHashMap<>(flagValues);
    return ConfigFactory.parseMap(top, "command line flags").withFallback(loaded).resolve();
  }
}
