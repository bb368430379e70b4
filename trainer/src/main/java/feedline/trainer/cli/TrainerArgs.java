package feedline.trainer.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import feedline.common.config.CommandLine;
import feedline.common.config.ConfigLoader;
import feedline.common.config.UsageError;
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
    CommandLine line = CommandLine.parse(args, TrainerMain.usage());
    String verb = line.command();
    if (!line.positionals().isEmpty()) {
      throw new UsageError("unexpected argument '" + line.positionals().get(0)
          + "' (options are --name value, overrides key=value)");
    }
    Path conf = null;
    Map<String, String> flags = new LinkedHashMap<>();
    for (Map.Entry<String, String> o : line.options().entrySet()) {
      String name = o.getKey();
      if (name.equals("conf")) {
        conf = Path.of(o.getValue());
      } else if (flagKeys.containsKey(name)) {
        flags.put(flagKeys.get(name), o.getValue());
      } else {
        throw new UsageError("unknown option --" + name + " for " + verb + "; known: --conf"
            + (flagKeys.isEmpty() ? "" : ", --" + String.join(", --", flagKeys.keySet())));
      }
    }
    List<String> overrides = new ArrayList<>();
    for (String a : line.overrides()) {
      String key = a.substring(0, a.indexOf('=')).trim();
      overrides.add(key.startsWith("feedline.") || key.startsWith("trainer.") ? a : "trainer." + a);
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
