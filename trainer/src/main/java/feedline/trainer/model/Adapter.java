package feedline.trainer.model;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** Trainable additions to a frozen base model: low-rank deltas on linear layers, or key/value prefixes. */
public interface Adapter extends AutoCloseable {
  /**
   * The additive output of linear {@code module} (e.g. {@code self_attn.q_proj}) of {@code layer}
   * for input {@code x}, or null when the adapter does not touch it.
   */
  default NDArray delta(int layer, String module, NDArray x, boolean training) {
    return null;
  }

  /** Learned key and value prefixes of {@code layer}, each {@code [P, kvHeads, headDim]}, or null. */
  default NDArray[] prefix(int layer) {
    return null;
  }

  /** The trainable arrays by stable name. */
  Map<String, NDArray> parameters();

  @Override
  void close();
}
