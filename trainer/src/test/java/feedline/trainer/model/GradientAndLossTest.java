package feedline.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import feedline.trainer.data.Batch;
import feedline.trainer.io.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientAndLossTest {
  static final long[] IDS = {5, 17, 33, 2, 60, 41, 8, 19};
  static final long[] LABELS = {-100, -100, -100, 2, 60, 41, -100, 19};

  static Batch batch() {
    long[] pos = new long[IDS.length];
    for (int i = 0; i < pos.length; i++) pos[i] = i;
    return new Batch(1, IDS.length, IDS, pos, new int[IDS.length], LABELS);
  }

  @Test
  void lossCountsOnlyLabelledTokensShiftedByOne() {
    ModelConfig c = TinyConfigs.llama(70);
    Map<String, Tensor> w = RandomInit.weights(c, 2, 0.3);
    try (NDManager root = NDManager.newBaseManager(); LlamaModel m = LlamaModel.create(root, c, w); NDScope s = new NDScope()) {
      NDArray logits = m.logits(batch(), false);
      float[] l = logits.toFloatArray();
      double expected = 0;
      int scored = 0;
      for (int i = 0; i + 1 < IDS.length; i++) {
        long target = LABELS[i + 1];
        if (target == -100) continue;
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < 70; v++) max = Math.max(max, l[i * 70 + v]);
        double z = 0;
        for (int v = 0; v < 70; v++) z += Math.exp(l[i * 70 + v] - max);
        expected += -(l[i * 70 + (int) target] - max - Math.log(z));
        scored++;
      }
      assertThat(batch().lossTokens()).isEqualTo(scored).isEqualTo(4);
      assertThat((double) LlamaModel.lossSum(logits, batch()).getFloat()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    ModelConfig c = TinyConfigs.qwen2(70);
    Map<String, Tensor> w = RandomInit.weights(c, 2, 0.3);
    String[][] probes = {
        {"model.layers.0.self_attn.q_proj.weight", "7"}, {"model.layers.1.self_attn.v_proj.bias", "3"},
        {"model.layers.0.mlp.down_proj.weight", "100"}, {"model.layers.1.input_layernorm.weight", "5"},
        {"model.embed_tokens.weight", String.valueOf(17 * 48 + 4)}, {"model.norm.weight", "11"}};
    try (NDManager root = NDManager.newBaseManager(); LlamaModel m = LlamaModel.create(root, c, w)) {
      m.setTrainable(true);
      try (NDScope s = new NDScope(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(LlamaModel.lossSum(m.logits(batch(), true), batch()));
      }
      for (String[] p : probes) {
        int idx = Integer.parseInt(p[1]);
        NDArray param = m.weights().get(p[0]);
        double analytic;
        try (NDScope s = new NDScope()) {
          analytic = param.getGradient().toFloatArray()[idx];
        }
        double eps = 1e-2;
        double up = lossWith(c, w, p[0], idx, eps);
        double down = lossWith(c, w, p[0], idx, -eps);
        double numeric = (up - down) / (2 * eps);
        assertThat(Math.abs(analytic)).as(p[0] + " gradient is not trivially zero").isGreaterThan(1e-3);
        assertThat(analytic).as(p[0] + "[" + idx + "]").isCloseTo(numeric, org.assertj.core.data.Offset.offset(0.02 * Math.abs(numeric) + 2e-3));
      }
    }
  }

  /**
   * Regression: autograd keeps operands (divisors, factors) for the backward pass; if one lives in
   * Java-owned memory that is freed and reused before backward runs, gradients come out wrong.
   * A garbage collection and a burst of small direct-buffer allocations between the forward and the
   * backward pass must not change any gradient (LoRA with dropout, full weights, the loss scaling).
   */
  @Test
  void gradientsSurviveGarbageCollectionBetweenForwardAndBackward() throws Exception {
    ModelConfig c = TinyConfigs.qwen2(70);
    Map<String, Tensor> w = RandomInit.weights(c, 2, 0.3);
    float[][] quiet = grads(c, w, false);
    float[][] churned = grads(c, w, true);
    for (int i = 0; i < quiet.length; i++) assertThat(churned[i]).containsExactly(quiet[i]);
  }

  private static float[][] grads(ModelConfig c, Map<String, Tensor> w, boolean churn) throws Exception {
    try (NDManager root = NDManager.newBaseManager(); LlamaModel m = LlamaModel.create(root, c, w)) {
      m.setTrainable(true);
      m.setAdapter(feedline.trainer.lora.LoraAdapter.fromTensors(root, c,
          new feedline.trainer.lora.LoraConfig(2, 4, 0.1, java.util.List.of("q_proj", "down_proj")), loraTensors(c)));
      m.adapter().parameters().values().forEach(p -> p.setRequiresGradient(true));
      try (NDScope s = new NDScope(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        Engine.getInstance().setRandomSeed(5);
        NDArray loss = LlamaModel.lossSum(m.logits(batch(), true), batch()).div(Owned.scalar(m.manager(), 4f));
        if (churn) churn();
        gc.backward(loss);
      }
      java.util.List<float[]> out = new java.util.ArrayList<>();
      try (NDScope s = new NDScope()) {
        for (NDArray p : m.weights().values()) out.add(p.getGradient().toFloatArray());
        for (NDArray p : m.adapter().parameters().values()) out.add(p.getGradient().toFloatArray());
      }
      return out.toArray(new float[0][]);
    }
  }

  private static Map<String, Tensor> loraTensors(ModelConfig c) {
    java.util.Random r = new java.util.Random(3);
    Map<String, Tensor> t = new java.util.LinkedHashMap<>();
    for (int i = 0; i < c.numLayers(); i++) {
      for (String mod : new String[] {"q_proj", "down_proj"}) {
        int in = mod.equals("q_proj") ? c.hiddenSize() : c.intermediateSize();
        int out = mod.equals("q_proj") ? c.numHeads() * c.headDim() : c.hiddenSize();
        float[] a = new float[2 * in];
        float[] b = new float[out * 2];
        for (int k = 0; k < a.length; k++) a[k] = (float) r.nextGaussian() * 0.1f;
        for (int k = 0; k < b.length; k++) b[k] = (float) r.nextGaussian() * 0.1f;
        t.put(feedline.trainer.lora.LoraAdapter.name(i, mod, "A"), new Tensor(new long[] {2, in}, a));
        t.put(feedline.trainer.lora.LoraAdapter.name(i, mod, "B"), new Tensor(new long[] {out, 2}, b));
      }
    }
    return t;
  }

  /** Frees unreachable direct buffers, then reuses small blocks of native memory with 0xFF bytes. */
  private static void churn() throws InterruptedException {
    System.gc();
    Thread.sleep(50);
    java.util.List<java.nio.ByteBuffer> keep = new java.util.ArrayList<>();
    for (int k = 0; k < 4000; k++) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(4 + (k % 4) * 4);
      while (b.hasRemaining()) b.put((byte) 0xFF);
      keep.add(b);
    }
    assertThat(keep).hasSize(4000);
  }

  private static double lossWith(ModelConfig c, Map<String, Tensor> w, String name, int idx, double delta) {
    Map<String, Tensor> copy = new java.util.LinkedHashMap<>(w);
    float[] d = w.get(name).data().clone();
    d[idx] += (float) delta;
    copy.put(name, new Tensor(w.get(name).shape(), d));
    try (NDManager root = NDManager.newBaseManager(); LlamaModel m = LlamaModel.create(root, c, copy); NDScope s = new NDScope()) {
      return LlamaModel.lossSum(m.logits(batch(), false), batch()).getFloat();
    }
  }
}
