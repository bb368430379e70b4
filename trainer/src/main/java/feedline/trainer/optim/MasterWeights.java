package feedline.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import feedline.trainer.io.Tensor;
import feedline.trainer.model.Precision;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Float32 master copies of 16-bit trainable parameters. The optimizer updates the masters (with
 * float32 gradients and moments); {@link #copyToModel} then rounds them into the model's 16-bit
 * arrays, so small updates accumulate in the masters instead of being lost to 16-bit rounding.
 */
public final class MasterWeights implements AutoCloseable {
  private final NDManager manager;
  private final Map<String, NDArray> params;
  private final Map<String, NDArray> masters = new LinkedHashMap<>();

  /** Masters equal to the current values of {@code params} (widened exactly). */
  public MasterWeights(NDManager parent, Map<String, NDArray> params) {
    this.manager = parent.newSubManager();
    this.params = params;
    params.forEach((k, p) -> {
      NDArray m = manager.create(FloatBuffer.wrap(Precision.toFloats(p)), p.getShape());
      m.setName("master." + k);
      masters.put(k, m);
    });
  }

  public Map<String, NDArray> masters() {
    return Collections.unmodifiableMap(masters);
  }

  /** The gradients of the 16-bit parameters as float32 arrays divided by {@code lossScale}. */
  public Map<String, NDArray> unscaledGradients(double lossScale) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    params.forEach((k, p) -> {
      NDArray g = p.getGradient().toType(DataType.FLOAT32, true);
      if (lossScale != 1.0) g.muli((float) (1.0 / lossScale));
      out.put(k, g);
    });
    return out;
  }

  /** Rounds every master into its model parameter (in place, outside autograd). */
  public void copyToModel() {
    params.forEach((k, p) -> p.set(new NDIndex("..."), masters.get(k)));
  }

  /** The masters as tensors, for a checkpoint. */
  public Map<String, Tensor> tensors() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    masters.forEach((k, m) -> out.put(k, new Tensor(m.getShape().getShape(), m.toFloatArray())));
    return out;
  }

  /** Sets the masters from a checkpoint and rounds them into the model. */
  public void load(Map<String, Tensor> saved, String from) {
    masters.forEach((k, m) -> {
      Tensor t = saved.get(k);
      if (t == null || t.size() != m.size()) {
        throw new IllegalArgumentException(from + ": trainable tensor " + k + " is missing or has another shape");
      }
      m.set(FloatBuffer.wrap(t.data()));
    });
    copyToModel();
  }

  @Override
  public void close() {
    manager.close();
  }
}
