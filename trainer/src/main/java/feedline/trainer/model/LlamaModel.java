package feedline.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import feedline.trainer.data.Batch;
import feedline.trainer.io.Tensor;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Llama/Qwen2 decoder over DJL NDArrays: token embedding, per layer RMSNorm, rotary attention with
 * grouped-query heads and a causal, segment-aware mask, SwiGLU MLP, then a final norm and the
 * (tied or separate) lm_head. Weights are kept under their Hugging Face names.
 *
 * <p>Weights and activations use the model's {@link Precision}. In fp16/bf16, as Hugging Face
 * models do, RMSNorm statistics, attention softmax (with the mask added) and the logits are computed
 * in float32; {@link #logits} always returns float32.
 *
 * <p>Every array a forward pass creates is temporary: callers run it inside an {@code NDScope}.
 */
public final class LlamaModel implements AutoCloseable {
  private static final float MASKED = -1e9f;

  private final ModelConfig config;
  private final NDManager manager;
  private final Map<String, NDArray> weights;
  private final Precision precision;
  private Adapter adapter;

  private LlamaModel(ModelConfig config, NDManager manager, Map<String, NDArray> weights, Precision precision) {
    this.config = config;
    this.manager = manager;
    this.weights = weights;
    this.precision = precision;
  }

  /** Copies {@code tensors} (HF names, float32) onto the device of {@code parent}, in float32. */
  public static LlamaModel create(NDManager parent, ModelConfig config, Map<String, Tensor> tensors) {
    return create(parent, config, tensors, Precision.FP32);
  }

  /**
   * Copies {@code tensors} onto the device of {@code parent} in {@code precision} (16-bit values are
   * rounded to nearest even in Java). A precision the device cannot run is refused.
   */
  public static LlamaModel create(NDManager parent, ModelConfig config, Map<String, Tensor> tensors, Precision precision) {
    String why = precision.unsupportedOn(parent.getDevice());
    if (why != null) throw new IllegalArgumentException(why);
    NDManager m = parent.newSubManager();
    Map<String, NDArray> w = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : config.weightShapes().entrySet()) {
      Tensor t = tensors.get(e.getKey());
      if (t == null) {
        m.close();
        throw new IllegalArgumentException("missing tensor " + e.getKey());
      }
      NDArray a = precision == Precision.FP32 ? m.create(FloatBuffer.wrap(t.data()), new Shape(t.shape()))
          : Precision.constant(m, t.data(), new Shape(t.shape()), precision.dataType());
      a.setName(e.getKey());
      w.put(e.getKey(), a);
    }
    return new LlamaModel(config, m, w, precision);
  }

  public Precision precision() {
    return precision;
  }

  public ModelConfig config() {
    return config;
  }

  public NDManager manager() {
    return manager;
  }

  /** The base weights by HF name (live arrays, in a stable order). */
  public Map<String, NDArray> weights() {
    return Collections.unmodifiableMap(weights);
  }

  public void setAdapter(Adapter adapter) {
    this.adapter = adapter;
  }

  public Adapter adapter() {
    return adapter;
  }

  /** Copies the base weights back to Java memory (float32; 16-bit weights widen exactly). */
  public Map<String, Tensor> exportWeights() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    weights.forEach((k, v) -> out.put(k, new Tensor(v.getShape().getShape(), Precision.toFloats(v))));
    return out;
  }

  /** Logits {@code [rows, length, vocab]} for a batch, in float32. */
  public NDArray logits(Batch batch, boolean training) {
    NDArray h = hidden(batch, training);
    NDArray head = config.tieWordEmbeddings() ? weights.get("model.embed_tokens.weight") : weights.get("lm_head.weight");
    return Precision.cast(h.matMul(head.transpose()), DataType.FLOAT32);
  }

  /** The last hidden states {@code [rows, length, hidden]} after the final norm (lm_head's input), in the weights' precision. */
  public NDArray hidden(Batch batch, boolean training) {
    NDManager m = manager;
    int b = batch.rows();
    int t = batch.length();
    NDArray ids = Owned.copy(m.create(batch.inputIds(), new Shape(b, t)));
    NDArray h = weights.get("model.embed_tokens.weight").get(new NDIndex("{}", ids));
    int prefixLen = prefixLength();
    NDArray bias = maskBias(batch, prefixLen);
    NDArray[] rope = ropeTables(batch, prefixLen);
    for (int i = 0; i < config.numLayers(); i++) {
      h = layer(i, h, bias, rope[0], rope[1], training);
    }
    return rmsNorm(h, weights.get("model.norm.weight"));
  }

  private int prefixLength() {
    if (adapter == null) return 0;
    NDArray[] p = adapter.prefix(0);
    return p == null ? 0 : (int) p[0].getShape().get(0);
  }

  private NDArray layer(int i, NDArray h, NDArray bias, NDArray cos, NDArray sin, boolean training) {
    String p = "model.layers." + i + ".";
    NDArray x = rmsNorm(h, weights.get(p + "input_layernorm.weight"));
    h = h.add(attention(i, x, bias, cos, sin, training));
    x = rmsNorm(h, weights.get(p + "post_attention_layernorm.weight"));
    NDArray gate = linear(i, "mlp.gate_proj", x, training);
    NDArray up = linear(i, "mlp.up_proj", x, training);
    NDArray act = gate.mul(Activation.sigmoid(gate)).mul(up);
    return h.add(linear(i, "mlp.down_proj", act, training));
  }

  private NDArray attention(int i, NDArray x, NDArray bias, NDArray cos, NDArray sin, boolean training) {
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    int heads = config.numHeads();
    int kv = config.numKvHeads();
    int d = config.headDim();
    NDArray q = linear(i, "self_attn.q_proj", x, training).reshape(b, t, heads, d).transpose(0, 2, 1, 3);
    NDArray k = linear(i, "self_attn.k_proj", x, training).reshape(b, t, kv, d).transpose(0, 2, 1, 3);
    NDArray v = linear(i, "self_attn.v_proj", x, training).reshape(b, t, kv, d).transpose(0, 2, 1, 3);
    q = applyRope(q, cos, sin);
    k = applyRope(k, cos, sin);
    NDArray[] prefix = adapter == null ? null : adapter.prefix(i);
    if (prefix != null) {
      long pl = prefix[0].getShape().get(0);
      NDArray pk = prefix[0].transpose(1, 0, 2).expandDims(0).broadcast(b, kv, pl, d);
      NDArray pv = prefix[1].transpose(1, 0, 2).expandDims(0).broadcast(b, kv, pl, d);
      k = pk.concat(k, 2);
      v = pv.concat(v, 2);
    }
    k = repeatKv(k);
    v = repeatKv(v);
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(Owned.scalar(manager, (float) (1.0 / Math.sqrt(d))));
    NDArray probs = precision == Precision.FP32 ? scores.add(bias).softmax(-1)
        : Precision.cast(Precision.cast(scores, DataType.FLOAT32).add(bias).softmax(-1), precision.dataType());
    NDArray out = probs.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, (long) heads * d);
    return linear(i, "self_attn.o_proj", out, training);
  }

  /** {@code [b, kv, t, d]} to {@code [b, heads, t, d]}: each key/value head serves its group of query heads. */
  private NDArray repeatKv(NDArray x) {
    int g = config.kvGroups();
    if (g == 1) return x;
    Shape s = x.getShape();
    return x.expandDims(2).broadcast(s.get(0), s.get(1), g, s.get(2), s.get(3)).reshape(s.get(0), s.get(1) * g, s.get(2), s.get(3));
  }

  private NDArray applyRope(NDArray x, NDArray cos, NDArray sin) {
    int half = config.headDim() / 2;
    NDArray x1 = x.get(new NDIndex("..., :{}", half));
    NDArray x2 = x.get(new NDIndex("..., {}:", half));
    NDArray rotated = x2.neg().concat(x1, -1);
    return x.mul(cos).add(rotated.mul(sin));
  }

  /** The linear layer {@code module} of layer {@code i} (HF weight [out, in]), plus any adapter delta. */
  private NDArray linear(int i, String module, NDArray x, boolean training) {
    String name = "model.layers." + i + "." + module;
    NDArray y = x.matMul(weights.get(name + ".weight").transpose());
    NDArray bias = weights.get(name + ".bias");
    if (bias != null) y = y.add(bias);
    if (adapter != null) {
      NDArray delta = adapter.delta(i, module, x, training);
      if (delta != null) y = y.add(delta);
    }
    return y;
  }

  private NDArray rmsNorm(NDArray x, NDArray w) {
    if (precision != Precision.FP32) {
      NDArray x32 = Precision.cast(x, DataType.FLOAT32);
      NDArray var = x32.square().mean(new int[] {-1}, true);
      NDArray n = x32.div(var.add(Owned.scalar(manager, (float) config.rmsNormEps())).sqrt());
      return Precision.cast(n, precision.dataType()).mul(w);
    }
    NDArray var = x.square().mean(new int[] {-1}, true);
    return x.div(var.add(Owned.scalar(manager, (float) config.rmsNormEps())).sqrt()).mul(w);
  }

  /**
   * cos/sin gathered at each token's position, shaped {@code [b, 1, t, d]}, in the model's type.
   * Behind a prefix of {@code offset} cached positions a token at position {@code p} sits at
   * {@code offset + p}, as in Hugging Face models, whose positions continue after the cache.
   */
  private NDArray[] ropeTables(Batch batch, int offset) {
    long[] ids = batch.positionIds();
    if (offset > 0) {
      ids = ids.clone();
      for (int i = 0; i < ids.length; i++) ids[i] += offset;
    }
    long max = 0;
    for (long p : ids) max = Math.max(max, p);
    int positions = (int) max + 1;
    float[][] tab = Rope.tables(config, positions, positions);
    int d = config.headDim();
    NDArray pos = Owned.copy(manager.create(ids, new Shape(batch.rows(), batch.length())));
    DataType t = precision.dataType();
    NDArray cos = Precision.constant(manager, tab[0], new Shape(positions, d), t).get(new NDIndex("{}", pos)).expandDims(1);
    NDArray sin = Precision.constant(manager, tab[1], new Shape(positions, d), t).get(new NDIndex("{}", pos)).expandDims(1);
    return new NDArray[] {cos, sin};
  }

  /** Additive attention bias {@code [b, 1, t, prefix + t]}: 0 where allowed, a large negative elsewhere. */
  private NDArray maskBias(Batch batch, int prefixLen) {
    int b = batch.rows();
    int t = batch.length();
    int cols = prefixLen + t;
    float[] bias = new float[b * t * cols];
    int[] seg = batch.segmentIds();
    for (int r = 0; r < b; r++) {
      for (int i = 0; i < t; i++) {
        int base = (r * t + i) * cols;
        int si = seg[r * t + i];
        for (int j = 0; j < t; j++) {
          boolean ok = j <= i && (j == i || (si >= 0 && seg[r * t + j] == si));
          if (!ok) bias[base + prefixLen + j] = MASKED;
        }
      }
    }
    return Owned.copy(manager.create(bias, new Shape(b, 1, t, cols)));
  }

  /** Summed next-token cross-entropy over scored labels (HF shift: position i predicts label i+1). */
  public static NDArray lossSum(NDArray logits, Batch batch) {
    int b = batch.rows();
    int t = batch.length();
    long vocab = logits.getShape().get(2);
    int n = b * (t - 1);
    long[] target = new long[n];
    float[] weight = new float[n];
    for (int r = 0; r < b; r++) {
      for (int i = 0; i < t - 1; i++) {
        long l = batch.labels()[r * t + i + 1];
        target[r * (t - 1) + i] = l == Batch.IGNORE ? 0 : l;
        weight[r * (t - 1) + i] = l == Batch.IGNORE ? 0f : 1f;
      }
    }
    NDManager m = logits.getManager();
    NDArray logp = logits.get(new NDIndex(":, :-1, :")).reshape(n, vocab).logSoftmax(-1);
    NDArray picked = logp.gather(Owned.copy(m.create(target, new Shape(n, 1))), 1).reshape(n);
    return picked.mul(Owned.copy(m.create(weight))).sum().neg();
  }

  /** Turns gradients on or off for every base weight. */
  public void setTrainable(boolean trainable) {
    for (NDArray w : weights.values()) w.setRequiresGradient(trainable);
  }

  @Override
  public void close() {
    if (adapter != null) adapter.close();
    manager.close();
  }
}
