package feedline.trainer.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import feedline.common.config.ConfigError;
import feedline.trainer.model.Precision;

/** The device named by {@code feedline.trainer.device} (cpu, gpu or auto) and the precisions it runs. */
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

  /**
   * Checks that {@code precision} (the value of {@code key}) can run on {@code device}: fp32 and fp16
   * everywhere, bf16 only on a GPU. Returns a warning for a precision that runs but slowly (fp16 on
   * the CPU), else null.
   */
  public static String checkPrecision(String key, Precision precision, Device device) {
    String why = precision.unsupportedOn(device);
    if (why != null) throw new ConfigError(key, precision.key(), "fp32 or fp16 on " + device + ": " + why);
    if (precision == Precision.FP16 && !device.isGpu()) {
      return "precision = fp16 on the CPU is slow (libtorch's CPU half kernels); it is meant for device = gpu";
    }
    return null;
  }
}
