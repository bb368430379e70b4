package feedline.trainer.prefix;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import feedline.trainer.io.Tensor;
import feedline.trainer.model.Adapter;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.model.Precision;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Prefix tuning as PEFT's {@code PREFIX_TUNING} (without projection) defines it: per layer a learned
 * key and value block {@code [P, kvHeads, headDim]} used as already-computed cache entries, so no
 * rotary embedding is applied to them; every token attends to all of them, and the real tokens sit
 * at positions {@code P, P+1, ...} behind them (see {@code LlamaModel}). The base model is frozen.
 * Parameters are named {@code prefix.layers.I.key} and {@code prefix.layers.I.value}.
 */
public final class PrefixAdapter implements Adapter {
  private final NDManager manager;
  private final Map<String, NDArray> params = new LinkedHashMap<>();
  private final int layers;

  private PrefixAdapter(NDManager manager, int layers) {
    this.manager = manager;
    this.layers = layers;
  }

  public static PrefixAdapter create(NDManager parent, ModelConfig c, int virtualTokens, double std, long seed) {
    return create(parent, c, virtualTokens, std, seed, Precision.FP32);
  }

  public static PrefixAdapter create(NDManager parent, ModelConfig c, int virtualTokens, double std, long seed, Precision precision) {
    Random rnd = new Random(seed);
    Map<String, Tensor> t = new LinkedHashMap<>();
    long[] shape = {virtualTokens, c.numKvHeads(), c.headDim()};
    int n = virtualTokens * c.numKvHeads() * c.headDim();
    for (int i = 0; i < c.numLayers(); i++) {
      for (String kv : new String[] {"key", "value"}) {
        float[] d = new float[n];
        for (int k = 0; k < n; k++) d[k] = (float) (rnd.nextGaussian() * std);
        t.put(name(i, kv), new Tensor(shape, d));
      }
    }
    return fromTensors(parent, c, t, precision);
  }

  public static String name(int layer, String kv) {
    return "prefix.layers." + layer + "." + kv;
  }

  public static PrefixAdapter fromTensors(NDManager parent, ModelConfig c, Map<String, Tensor> tensors) {
    return fromTensors(parent, c, tensors, Precision.FP32);
  }

  public static PrefixAdapter fromTensors(NDManager parent, ModelConfig c, Map<String, Tensor> tensors, Precision precision) {
    PrefixAdapter p = new PrefixAdapter(parent.newSubManager(), c.numLayers());
    for (int i = 0; i < c.numLayers(); i++) {
      for (String kv : new String[] {"key", "value"}) {
        Tensor t = tensors.get(name(i, kv));
        if (t == null || t.shape().length != 3 || t.shape()[1] != c.numKvHeads() || t.shape()[2] != c.headDim()) {
          p.close();
          throw new IllegalArgumentException("prefix tensor " + name(i, kv) + " is missing or not [P, " + c.numKvHeads() + ", " + c.headDim() + "]");
        }
        p.params.put(name(i, kv), precision == Precision.FP32 ? p.manager.create(FloatBuffer.wrap(t.data()), new Shape(t.shape()))
            : Precision.constant(p.manager, t.data(), new Shape(t.shape()), precision.dataType()));
      }
    }
    return p;
  }

  public int virtualTokens() {
    return (int) params.get(name(0, "key")).getShape().get(0);
  }

  @Override
  public NDArray[] prefix(int layer) {
    return layer < layers ? new NDArray[] {params.get(name(layer, "key")), params.get(name(layer, "value"))} : null;
  }

  @Override
  public Map<String, NDArray> parameters() {
    return Collections.unmodifiableMap(params);
  }

  public Map<String, Tensor> tensors() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, new Tensor(v.getShape().getShape(), Precision.toFloats(v))));
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
