package feedline.common.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line of the launchers: {@code COMMAND [--name value | --name=value ...]
 * [key=value ...] [positional ...]}. Options keep their order; a later repeat of an option wins.
 */
public record CommandLine(String command, Map<String, String> options, List<String> overrides, List<String> positionals) {
  public CommandLine {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    overrides = List.copyOf(overrides);
    positionals = List.copyOf(positionals);
  }

  /** Parses {@code args}; with no arguments at all the error carries {@code usage}. */
  public static CommandLine parse(String[] args, String usage) {
    if (args.length == 0) throw new UsageError(usage);
    Map<String, String> options = new LinkedHashMap<>();
    List<String> overrides = new ArrayList<>();
    List<String> positionals = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--") && a.length() > 2) {
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
        options.put(name, value);
      } else if (a.contains("=")) {
        overrides.add(a);
      } else {
        positionals.add(a);
      }
    }
    return new CommandLine(args[0], options, overrides, positionals);
  }

  /** The same command line with other overrides. */
  public CommandLine withOverrides(List<String> other) {
    return new CommandLine(command, options, other, positionals);
  }
}
