package feedline.trainer.io;

import java.util.Locale;

/** Tensor element types a safetensors file may hold that the trainer reads and writes. */
public enum DType {
  F32(4), F16(2), BF16(2);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  public int bytes() {
    return bytes;
  }

  public String safetensorsName() {
    return name();
  }

  public static DType parse(String name, String context) {
    switch (name.toUpperCase(Locale.ROOT)) {
      case "F32": case "FLOAT32": return F32;
      case "F16": case "FLOAT16": return F16;
      case "BF16": case "BFLOAT16": return BF16;
      default:
        throw new CheckpointException(context + ": unsupported tensor dtype " + name + " (supported: F32, F16, BF16)");
    }
  }
}
