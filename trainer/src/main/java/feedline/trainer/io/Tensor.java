package feedline.trainer.io;

import java.util.Arrays;

/** A named float32 tensor held in Java memory (row-major), the exchange form between files and the engine. */
public record Tensor(long[] shape, float[] data) {
  public Tensor {
    long n = 1;
    for (long d : shape) n *= d;
    if (n != data.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, data has " + data.length);
    }
  }

  public long size() {
    return data.length;
  }

  public int dim(int i) {
    return (int) shape[i];
  }

  public String shapeString() {
    return Arrays.toString(shape);
  }
}
