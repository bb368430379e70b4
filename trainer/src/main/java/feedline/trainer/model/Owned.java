package feedline.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Arrays in engine-owned memory. DJL creates arrays from Java buffers by borrowing the buffer's
 * memory, and its {@code NDArray.add(Number)}-style operators build such a scalar, use it and close
 * it at once. Autograd keeps operands for the backward pass (the divisor of a division, the factor
 * of a product, the exponent of a power), so a borrowed operand can be freed by Java before the
 * backward pass reads it, which silently corrupts gradients. Every operand that enters the graph is
 * therefore made here: copied into memory the engine owns and released with the step's scope.
 */
public final class Owned {
  private Owned() {}

  /** A copy of {@code borrowed} in engine-owned memory; {@code borrowed} is closed. */
  public static NDArray copy(NDArray borrowed) {
    NDArray copy = borrowed.duplicate();
    borrowed.close();
    return copy;
  }

  /** A 0-dimensional float32 array holding {@code v}, owned by the engine. */
  public static NDArray scalar(NDManager m, float v) {
    return copy(m.create(v));
  }
}
