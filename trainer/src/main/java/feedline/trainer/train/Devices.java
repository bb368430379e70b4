package feedline.trainer.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import feedline.common.config.ConfigError;

/** The device named by {@code feedline.trainer.device}: cpu, gpu or auto. */
public final class Devices {
  private Devices() {}

  public static Device pick(String key, String value) {
    int gpus = Engine.getInstance().getGpuCount();
    switch (value) {
      case "cpu":
        return Device.cpu();
      case "gpu":
        if (gpus == 0) {
          throw new ConfigError(key, value, "cpu or auto here: the engine sees no GPU (build with -Pcuda on a CUDA machine for gpu)");
        }
        return Device.gpu();
      case "auto":
        return gpus > 0 ? Device.gpu() : Device.cpu();
      default:
        throw new ConfigError(key, value, "one of [cpu, gpu, auto]");
    }
  }
}
