package feedline.trainer.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import feedline.trainer.io.Tensor;
import feedline.trainer.model.Adapter;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.model.Owned;
import feedline.trainer.model.Precision;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Low-rank adapters: for each targeted linear layer {@code y = W x + (alpha / r) B A dropout(x)} with
 * {@code A [r, in]} initialised as PEFT does (uniform in +-1/sqrt(in)) and {@code B [out, r]} zero,
 * so training starts from the base model exactly. Parameters are named
 * {@code model.layers.I.MODULE.lora_A.weight} (the PEFT name without {@code base_model.model.}).
 */
public final class LoraAdapter implements Adapter {
  public static final String PEFT_PREFIX = "base_model.model.";
  private final LoraConfig config;
  private final NDManager manager;
  private final Map<String, NDArray> params = new LinkedHashMap<>();

  private LoraAdapter(LoraConfig config, NDManager manager) {
    this.config = config;
    this.manager = manager;
  }

  public static String name(int layer, String module, String ab) {
    return "model.layers." + layer + "." + LoraConfig.path(module) + ".lora_" + ab + ".weight";
  }

  /** Fresh adapters for every layer and target module of {@code model}. */
  public static LoraAdapter create(NDManager parent, ModelConfig model, LoraConfig config, long seed) {
    return create(parent, model, config, seed, Precision.FP32);
  }

  /** Fresh adapters whose arrays hold {@code precision} values (the initialisation rounded in Java). */
  public static LoraAdapter create(NDManager parent, ModelConfig model, LoraConfig config, long seed, Precision precision) {
    Random rnd = new Random(seed);
    Map<String, Tensor> t = new LinkedHashMap<>();
    for (int i = 0; i < model.numLayers(); i++) {
      for (String mod : config.targetModules()) {
        int[] io = inOut(model, mod);
        float[] a = new float[config.r() * io[0]];
        double bound = 1.0 / Math.sqrt(io[0]);
        for (int k = 0; k < a.length; k++) a[k] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        t.put(name(i, mod, "A"), new Tensor(new long[] {config.r(), io[0]}, a));
        t.put(name(i, mod, "B"), new Tensor(new long[] {io[1], config.r()}, new float[io[1] * config.r()]));
      }
    }
    return fromTensors(parent, model, config, t, precision);
  }

  /** Adapters from tensors named as {@link #name} (or with the PEFT prefix); shapes are checked. */
  public static LoraAdapter fromTensors(NDManager parent, ModelConfig model, LoraConfig config, Map<String, Tensor> tensors) {
    return fromTensors(parent, model, config, tensors, Precision.FP32);
  }

  /** As {@link #fromTensors(NDManager, ModelConfig, LoraConfig, Map)}, holding {@code precision} values. */
  public static LoraAdapter fromTensors(NDManager parent, ModelConfig model, LoraConfig config, Map<String, Tensor> tensors,
      Precision precision) {
    LoraAdapter ad = new LoraAdapter(config, parent.newSubManager());
    for (int i = 0; i < model.numLayers(); i++) {
      for (String mod : config.targetModules()) {
        int[] io = inOut(model, mod);
        for (String ab : new String[] {"A", "B"}) {
          String n = name(i, mod, ab);
          Tensor t = tensors.containsKey(n) ? tensors.get(n) : tensors.get(PEFT_PREFIX + n);
          long[] want = ab.equals("A") ? new long[] {config.r(), io[0]} : new long[] {io[1], config.r()};
          if (t == null) {
            ad.close();
            throw new IllegalArgumentException("adapter lacks tensor " + PEFT_PREFIX + n);
          }
          if (!java.util.Arrays.equals(t.shape(), want)) {
            ad.close();
            throw new IllegalArgumentException("adapter tensor " + n + " has shape " + t.shapeString() + ", expected " + java.util.Arrays.toString(want));
          }
          NDArray a = precision == Precision.FP32 ? ad.manager.create(FloatBuffer.wrap(t.data()), new Shape(t.shape()))
              : Precision.constant(ad.manager, t.data(), new Shape(t.shape()), precision.dataType());
          a.setName(n);
          ad.params.put(n, a);
        }
      }
    }
    return ad;
  }

  /** {in, out} features of a target module. */
  static int[] inOut(ModelConfig c, String module) {
    int q = c.numHeads() * c.headDim();
    int kv = c.numKvHeads() * c.headDim();
    switch (module) {
      case "q_proj": return new int[] {c.hiddenSize(), q};
      case "k_proj": case "v_proj": return new int[] {c.hiddenSize(), kv};
      case "o_proj": return new int[] {q, c.hiddenSize()};
      case "gate_proj": case "up_proj": return new int[] {c.hiddenSize(), c.intermediateSize()};
      case "down_proj": return new int[] {c.intermediateSize(), c.hiddenSize()};
      default: throw new IllegalArgumentException("unknown module " + module);
    }
  }

  public LoraConfig config() {
    return config;
  }

  @Override
  public NDArray delta(int layer, String module, NDArray x, boolean training) {
    String short_ = module.substring(module.indexOf('.') + 1);
    NDArray a = params.get("model.layers." + layer + "." + module + ".lora_A.weight");
    if (a == null || !config.targetModules().contains(short_)) return null;
    NDArray b = params.get("model.layers." + layer + "." + module + ".lora_B.weight");
    NDArray in = x;
    if (training && config.dropout() > 0) {
      NDArray keep = x.getManager().randomUniform(0f, 1f, x.getShape()).gte((float) config.dropout()).toType(x.getDataType(), false);
      in = x.mul(keep).mul(Owned.scalar(manager, (float) (1.0 / (1 - config.dropout()))));
    }
    return in.matMul(a.transpose()).matMul(b.transpose()).mul(Owned.scalar(manager, (float) config.scale()));
  }

  @Override
  public Map<String, NDArray> parameters() {
    return Collections.unmodifiableMap(params);
  }

  /** The adapter tensors under PEFT names ({@code base_model.model.model.layers...lora_A.weight}). */
  public Map<String, Tensor> peftTensors() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(PEFT_PREFIX + k, new Tensor(v.getShape().getShape(), Precision.toFloats(v))));
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
