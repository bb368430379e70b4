package feedline.trainer.lm;

import ai.djl.Device;
import feedline.trainer.train.Devices;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM's loaded models: each (model directory, adapter directory, device) is loaded once, on
 * first use, and shared by every scorer, translator and embedder of the JVM (a Spark executor runs
 * several tasks at once). Kept until the JVM exits.
 */
public final class LmRuntimes {
  private static final Map<String, LmRuntime> LOADED = new ConcurrentHashMap<>();

  private LmRuntimes() {}

  /**
   * The runtime of {@code modelDir} (+ {@code adapterDir} when not blank) on {@code device}
   * ({@code cpu}, {@code gpu} or {@code auto}); {@code what} names the setting in error messages.
   */
  public static LmRuntime get(String modelDir, String adapterDir, String device, String what) {
    if (modelDir == null || modelDir.isBlank()) {
      throw new IllegalArgumentException(what + " is not set: the path of a Hugging Face Llama/Qwen2 checkpoint directory");
    }
    Path m = Path.of(modelDir.strip()).toAbsolutePath().normalize();
    Path a = adapterDir == null || adapterDir.isBlank() ? null : Path.of(adapterDir.strip()).toAbsolutePath().normalize();
    String dev = device == null || device.isBlank() ? "cpu" : device.strip();
    String key = m + "\u0000" + (a == null ? "" : a.toString()) + "\u0000" + dev;
    return LOADED.computeIfAbsent(key, k -> {
      Device d = Devices.pick(what.replace("model-dir", "device"), dev);
      return LmRuntime.load(m, a, d, what);
    });
  }
}
