package feedline.trainer.cli;

import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.trainer.io.DType;
import feedline.trainer.model.InitModel;
import feedline.trainer.model.ModelConfig;
import java.nio.file.Path;

/** The work behind each verb, reading its keys from {@code feedline.trainer}. */
final class Commands {
  private Commands() {}

  static int initModel(Settings t) {
    Settings s = t.sub("init");
    Path out = requiredPath(s, "output", "a directory to write (or --output DIR)");
    ModelConfig config = InitModel.configFrom(s);
    InitModel.write(out, config, t.integer("seed", 0, Integer.MAX_VALUE), s.number("init-std", 0, 10),
        dtype(s, "dtype"), s.bytes("shard-size", 1 << 10, Long.MAX_VALUE));
    long params = config.weightShapes().values().stream().mapToLong(d -> { long n = 1; for (long x : d) n *= x; return n; }).sum();
    System.out.println("wrote " + config.family().architecture + " with " + params + " parameters to " + out);
    return 0;
  }

  static int train(Settings t) throws Exception {
    throw new UsageError("train: not available in this build");
  }

  static int generate(Settings t) throws Exception {
    throw new UsageError("generate: not available in this build");
  }

  static int merge(Settings t) throws Exception {
    throw new UsageError("merge: not available in this build");
  }

  static DType dtype(Settings s, String key) {
    return DType.valueOf(s.oneOf(key, java.util.List.of("f32", "f16", "bf16")).toUpperCase(java.util.Locale.ROOT));
  }

  static Path requiredPath(Settings s, String key, String allowed) {
    String v = s.optionalString(key);
    if (v == null) throw new ConfigError(s.path(key), "", allowed);
    return Path.of(v);
  }

  static ConfigError bad(Settings s, String key, Object value, String allowed) {
    return new ConfigError(s.path(key), value, allowed);
  }
}
