package feedline.trainer.cli;

import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.trainer.io.DType;
import feedline.trainer.model.InitModel;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.train.TrainConfig;
import feedline.trainer.train.Trainer;
import ai.djl.Device;
import feedline.trainer.export.LoraMerge;
import feedline.trainer.export.PeftAdapterDir;
import feedline.trainer.generate.ChatTemplate;
import feedline.trainer.generate.Generator;
import feedline.trainer.lm.LmRuntime;
import feedline.trainer.io.CheckpointException;
import feedline.trainer.io.HfCheckpoint;
import feedline.trainer.io.Tensor;
import feedline.trainer.train.Devices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
    TrainConfig config = TrainConfig.from(t);
    System.err.println("train: configuration " + com.typesafe.config.ConfigFactory.parseString(
        feedline.common.config.ConfigLoader.renderMasked(t.config())).getConfig("feedline.trainer").root()
        .render(com.typesafe.config.ConfigRenderOptions.concise()));
    Trainer.Result r = new Trainer(config, System.err, null).run();
    System.out.printf("trained %d steps: last loss %.4f%s, %.0f tokens/s; export in %s%n", r.steps(), r.lastLoss(),
        Double.isFinite(r.bestValLoss()) ? String.format(", best validation loss %.4f at step %d", r.bestValLoss(), r.bestStep()) : "",
        r.tokensPerSecond(), r.finalDir());
    return 0;
  }

  static int generate(Settings t) throws Exception {
    Settings s = t.sub("generate");
    Path modelDir = requiredPath(s, "model-dir", "a Hugging Face model directory (or --model DIR)");
    String prompt = s.optionalString("prompt");
    if (prompt == null) throw new ConfigError(s.path("prompt"), "", "a non-empty prompt (or --prompt TEXT)");
    String adapter = s.optionalString("adapter-dir");
    int maxNew = s.integer("max-new-tokens", 1, 1 << 16);
    double temperature = s.number("temperature", 0, 100);
    double topP = s.number("top-p", 1e-6, 1);
    boolean useTemplate = s.bool("chat-template");
    Device device = Devices.pick(t.path("device"), t.oneOf("device", List.of("cpu", "gpu", "auto")));
    LmRuntime rt;
    try {
      rt = LmRuntime.load(modelDir, adapter == null ? null : Path.of(adapter), device, s.path("model-dir"));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(e.getMessage(), e);
    }
    try (rt) {
      ChatTemplate template = useTemplate ? rt.chatTemplate() : null;
      int[] ids = rt.encode(template == null ? prompt : template.renderUser(prompt));
      int seed = t.integer("seed", 0, Integer.MAX_VALUE);
      int[] out = rt.run(model -> Generator.continueIds(model, ids, maxNew, temperature, topP, seed, rt.config().eosTokenId()));
      System.out.println(rt.decode(out));
    }
    return 0;
  }

  static int merge(Settings t) throws Exception {
    Settings s = t.sub("merge");
    Path modelDir = requiredPath(s, "model-dir", "a Hugging Face model directory (or --model DIR)");
    Path adapterDir = requiredPath(s, "adapter-dir", "a PEFT LoRA adapter directory (or --adapter DIR)");
    Path out = requiredPath(s, "output", "a directory to write (or --output DIR)");
    DType dtype = dtype(s, "dtype");
    HfCheckpoint.Loaded base = HfCheckpoint.load(modelDir);
    PeftAdapterDir.Read adapter = PeftAdapterDir.read(adapterDir);
    Map<String, Tensor> merged;
    try {
      merged = LoraMerge.merge(base.config(), base.weights(), adapter.config(), adapter.tensors());
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(adapterDir + ": " + e.getMessage(), e);
    }
    HfCheckpoint.save(out, HfCheckpoint.readConfigJson(modelDir), merged, dtype, t.bytes("shard-size", 1 << 10, Long.MAX_VALUE), modelDir);
    System.out.println("merged " + adapterDir + " into " + modelDir + ": wrote " + out);
    return 0;
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
