package feedline.trainer.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import feedline.trainer.io.HalfFloats;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.util.Locale;

/**
 * The element type a model computes in: {@code fp32}, {@code fp16} or {@code bf16}. Also the
 * conversions the trainer needs around it, none of which uses a native cast on the CPU path when
 * data crosses between Java and the engine (16-bit values are converted bit by bit in Java).
 *
 * <p>DJL's {@code NDArray.toType} runs without autograd, so a cast inside the graph is built from
 * differentiable operations instead: widening adds a float32 zero (type promotion), narrowing
 * copies into a fresh array of the narrow type ({@code index_put}, which autograd tracks).
 */
public enum Precision {
  FP32(DataType.FLOAT32), FP16(DataType.FLOAT16), BF16(DataType.BFLOAT16);

  private final DataType dataType;

  Precision(DataType dataType) {
    this.dataType = dataType;
  }

  public DataType dataType() {
    return dataType;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether weights are kept in a 16-bit type (and the optimizer holds float32 masters). */
  public boolean isMixed() {
    return this != FP32;
  }

  /**
   * Why this precision cannot run on {@code device}, or null when it can. bfloat16 on the CPU is
   * refused: a bfloat16 cast once aborted the JVM inside libtorch's CPU kernels.
   */
  public String unsupportedOn(Device device) {
    if (this == BF16 && !device.isGpu()) return "bf16 needs device = gpu (bfloat16 on the CPU is refused: libtorch's CPU cast aborted the JVM)";
    return null;
  }

  /** A differentiable cast of {@code x} to {@code type}. */
  public static NDArray cast(NDArray x, DataType type) {
    DataType from = x.getDataType();
    if (from == type) return x;
    NDManager m = x.getManager();
    if (type == DataType.FLOAT32) {
      return x.add(m.zeros(new Shape(1), DataType.FLOAT32, x.getDevice()));
    }
    NDArray out = m.zeros(x.getShape(), type, x.getDevice());
    out.set(new NDIndex("..."), x);
    return out;
  }

  /** An engine-owned array of {@code type} holding {@code data}; 16-bit values are rounded in Java. */
  public static NDArray constant(NDManager m, float[] data, Shape shape, DataType type) {
    if (type == DataType.FLOAT32) return Owned.copy(m.create(data, shape));
    ByteBuffer bb = ByteBuffer.allocateDirect(data.length * 2).order(ByteOrder.nativeOrder());
    ShortBuffer sb = bb.asShortBuffer();
    for (float f : data) sb.put(type == DataType.FLOAT16 ? HalfFloats.floatToF16(f) : HalfFloats.floatToBf16(f));
    return Owned.copy(m.create(bb, shape, type));
  }

  /** The values of a float32, float16 or bfloat16 array, widened in Java (exactly). */
  public static float[] toFloats(NDArray a) {
    DataType t = a.getDataType();
    if (t == DataType.FLOAT32) return a.toFloatArray();
    if (t != DataType.FLOAT16 && t != DataType.BFLOAT16) throw new IllegalArgumentException("not a float array: " + t);
    ShortBuffer sb = a.toByteBuffer().order(ByteOrder.nativeOrder()).asShortBuffer();
    float[] out = new float[sb.remaining()];
    for (int i = 0; i < out.length; i++) {
      short s = sb.get(i);
      out[i] = t == DataType.FLOAT16 ? HalfFloats.f16ToFloat(s) : HalfFloats.bf16ToFloat(s);
    }
    return out;
  }
}
