package feedline.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import feedline.trainer.io.Tensor;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (decoupled weight decay, Loshchilov and Hutter) over named arrays, updated in place. The
 * moments live in the optimizer's own manager; {@link #state()} and {@link #load} carry them
 * through checkpoints for an exact resume.
 */
public final class AdamW implements AutoCloseable {
  private final NDManager manager;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private int t;

  public AdamW(NDManager parent, double beta1, double beta2, double eps, double weightDecay) {
    this.manager = parent.newSubManager();
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  /** Steps taken so far. */
  public int steps() {
    return t;
  }

  /** Matrices decay; vectors (norm weights, biases) and prefixes named {@code *prefix*} do not. */
  static boolean decays(String name, NDArray p) {
    return p.getShape().dimension() >= 2 && !name.contains("prefix");
  }

  /**
   * One update: {@code grads} already scaled (e.g. by clipping) by {@code gradScale}.
   * Each parameter is changed in place.
   */
  public void step(Map<String, NDArray> params, Map<String, NDArray> grads, double lr, double gradScale) {
    t++;
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2 = 1 - Math.pow(beta2, t);
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      String name = e.getKey();
      NDArray p = e.getValue();
      NDArray g = grads.get(name);
      if (g == null) continue;
      NDArray mi = m.computeIfAbsent(name, k -> zerosLike(p));
      NDArray vi = v.computeIfAbsent(name, k -> zerosLike(p));
      try (NDScope scope = new NDScope()) {
        NDArray gs = gradScale == 1.0 ? g : g.mul((float) gradScale);
        mi.muli((float) beta1).addi(gs.mul((float) (1 - beta1)));
        vi.muli((float) beta2).addi(gs.square().mul((float) (1 - beta2)));
        if (weightDecay > 0 && decays(name, p)) p.muli((float) (1 - lr * weightDecay));
        NDArray update = mi.div((float) bc1).div(vi.div((float) bc2).sqrt().add((float) eps)).mul((float) lr);
        p.subi(update);
      }
    }
  }

  private NDArray zerosLike(NDArray p) {
    NDArray z = manager.zeros(p.getShape(), p.getDataType(), p.getDevice());
    NDScope.unregister(z); // optimizer state outlives the step scope it is first made in
    return z;
  }

  /** The moments as tensors ({@code exp_avg.NAME}, {@code exp_avg_sq.NAME}). */
  public Map<String, Tensor> state() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    m.forEach((k, a) -> out.put("exp_avg." + k, new Tensor(a.getShape().getShape(), a.toFloatArray())));
    v.forEach((k, a) -> out.put("exp_avg_sq." + k, new Tensor(a.getShape().getShape(), a.toFloatArray())));
    return out;
  }

  public void load(Map<String, Tensor> state, int steps) {
    t = steps;
    state.forEach((k, tensor) -> {
      NDArray a = manager.create(FloatBuffer.wrap(tensor.data()), new ai.djl.ndarray.types.Shape(tensor.shape()));
      if (k.startsWith("exp_avg_sq.")) {
        put(v, k.substring("exp_avg_sq.".length()), a);
      } else if (k.startsWith("exp_avg.")) {
        put(m, k.substring("exp_avg.".length()), a);
      } else {
        a.close();
        throw new IllegalArgumentException("optimizer state holds unknown tensor " + k);
      }
    });
  }

  private static void put(Map<String, NDArray> map, String k, NDArray a) {
    NDArray old = map.put(k, a);
    if (old != null) old.close();
  }

  @Override
  public void close() {
    manager.close();
  }
}
