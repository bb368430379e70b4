package feedline.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import feedline.trainer.data.Batch;
import feedline.trainer.io.Tensor;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LlamaModelParityTest {
  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("llama", TinyConfigs.llama(70)),
        Arguments.of("llama-gqa", TinyConfigs.llamaGqa(70)),
        Arguments.of("qwen2-bias-tied", TinyConfigs.qwen2(70)),
        Arguments.of("linear-rope", TinyConfigs.withScaling(TinyConfigs.llamaGqa(70), new RopeScaling(RopeScaling.Kind.LINEAR, 4.0), 128)),
        Arguments.of("dynamic-rope-beyond-max", TinyConfigs.withScaling(TinyConfigs.llama(70), new RopeScaling(RopeScaling.Kind.DYNAMIC, 2.0), 8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void engineLogitsMatchPlainJavaReference(String name, ModelConfig config) {
    Map<String, Tensor> w = RandomInit.weights(config, 7, 0.2);
    int[] ids = randomIds(new Random(3), 13, config.vocabSize());
    double[][] expected = new ReferenceLlama(config, w).logits(ids);
    try (NDManager root = NDManager.newBaseManager();
        LlamaModel model = LlamaModel.create(root, config, w);
        NDScope scope = new NDScope()) {
      float[] got = model.logits(Batch.ofSequence(ids), false).toFloatArray();
      assertThat(got).hasSize(ids.length * config.vocabSize());
      double maxErr = 0;
      double maxAbs = 0;
      for (int t = 0; t < ids.length; t++) {
        for (int v = 0; v < config.vocabSize(); v++) {
          maxErr = Math.max(maxErr, Math.abs(got[t * config.vocabSize() + v] - expected[t][v]));
          maxAbs = Math.max(maxAbs, Math.abs(expected[t][v]));
        }
      }
      assertThat(maxAbs).as("logits are not trivially small").isGreaterThan(0.1);
      assertThat(maxErr).as("max |engine - reference|").isLessThan(2e-4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void prefixTuningMatchesPeftSemantics(String name, ModelConfig config) {
    // PEFT PREFIX_TUNING: the prefix is past_key_values used as stored (no RoPE on it), and the
    // real tokens sit at positions P..P+n-1 behind it
    Map<String, Tensor> w = RandomInit.weights(config, 7, 0.2);
    Map<String, Tensor> prefix = new java.util.LinkedHashMap<>();
    Random r = new Random(11);
    int p = 3;
    for (int l = 0; l < config.numLayers(); l++) {
      for (String kv : new String[] {"key", "value"}) {
        float[] d = new float[p * config.numKvHeads() * config.headDim()];
        for (int i = 0; i < d.length; i++) d[i] = (float) (r.nextGaussian() * 0.8);
        prefix.put(feedline.trainer.prefix.PrefixAdapter.name(l, kv), new Tensor(new long[] {p, config.numKvHeads(), config.headDim()}, d));
      }
    }
    int[] ids = randomIds(new Random(3), 9, config.vocabSize());
    double[][] expected = new ReferenceLlama(config, w, prefix).logits(ids);
    double[][] plain = new ReferenceLlama(config, w).logits(ids);
    try (NDManager root = NDManager.newBaseManager();
        LlamaModel model = LlamaModel.create(root, config, w);
        NDScope scope = new NDScope()) {
      model.setAdapter(feedline.trainer.prefix.PrefixAdapter.fromTensors(root, config, prefix));
      float[] got = model.logits(Batch.ofSequence(ids), false).toFloatArray();
      double maxErr = 0;
      double prefixEffect = 0;
      for (int t = 0; t < ids.length; t++) {
        for (int v = 0; v < config.vocabSize(); v++) {
          maxErr = Math.max(maxErr, Math.abs(got[t * config.vocabSize() + v] - expected[t][v]));
          prefixEffect = Math.max(prefixEffect, Math.abs(expected[t][v] - plain[t][v]));
        }
      }
      assertThat(prefixEffect).as("the prefix changes the logits").isGreaterThan(0.05);
      assertThat(maxErr).as("max |engine - reference| with a prefix").isLessThan(2e-4);
    }
  }

  @Test
  void fp16ForwardStaysCloseToFloat32() {
    ModelConfig config = TinyConfigs.qwen2(70);
    Map<String, Tensor> w = RandomInit.weights(config, 7, 0.2);
    int[] ids = randomIds(new Random(3), 13, config.vocabSize());
    try (NDManager root = NDManager.newBaseManager();
        LlamaModel full = LlamaModel.create(root, config, w);
        LlamaModel half = LlamaModel.create(root, config, w, Precision.FP16);
        NDScope scope = new NDScope()) {
      assertThat(half.weights().get("model.norm.weight").getDataType()).isEqualTo(ai.djl.ndarray.types.DataType.FLOAT16);
      NDArray h = half.logits(Batch.ofSequence(ids), false);
      assertThat(h.getDataType()).isEqualTo(ai.djl.ndarray.types.DataType.FLOAT32);
      float[] a = full.logits(Batch.ofSequence(ids), false).toFloatArray();
      float[] b = h.toFloatArray();
      double maxErr = 0;
      double maxAbs = 0;
      for (int i = 0; i < a.length; i++) {
        maxErr = Math.max(maxErr, Math.abs(a[i] - b[i]));
        maxAbs = Math.max(maxAbs, Math.abs(a[i]));
      }
      assertThat(maxAbs).isGreaterThan(0.1);
      assertThat(maxErr).as("fp16 rounding only").isLessThan(0.02 * maxAbs).isGreaterThan(0);
    }
  }

  @Test
  void ropeScalingChangesLogitsOnlyWhereItShould() {
    ModelConfig plain = TinyConfigs.llama(70);
    ModelConfig dynamicWithinMax = TinyConfigs.withScaling(plain, new RopeScaling(RopeScaling.Kind.DYNAMIC, 2.0), 128);
    ModelConfig linear = TinyConfigs.withScaling(plain, new RopeScaling(RopeScaling.Kind.LINEAR, 2.0), 128);
    Map<String, Tensor> w = RandomInit.weights(plain, 7, 0.2);
    int[] ids = randomIds(new Random(3), 10, 70);
    double[][] a = new ReferenceLlama(plain, w).logits(ids);
    // dynamic scaling is inactive until the sequence outgrows max_position_embeddings
    assertThat(new ReferenceLlama(dynamicWithinMax, w).logits(ids)[9]).containsExactly(a[9]);
    assertThat(new ReferenceLlama(linear, w).logits(ids)[9][0]).isNotEqualTo(a[9][0]);
  }

  @Test
  void packedSegmentsDoNotSeeEachOther() {
    ModelConfig config = TinyConfigs.llamaGqa(70);
    Map<String, Tensor> w = RandomInit.weights(config, 11, 0.2);
    int[] first = randomIds(new Random(1), 5, 70);
    int[] second = randomIds(new Random(2), 4, 70);
    double[][] refSecond = new ReferenceLlama(config, w).logits(second);
    // one row: segment 0 = first (positions 0..4), segment 1 = second (positions 0..3), then 2 pads
    int len = 11;
    long[] ids = new long[len];
    long[] pos = new long[len];
    int[] seg = new int[len];
    long[] lab = new long[len];
    for (int i = 0; i < 5; i++) {
      ids[i] = first[i];
      pos[i] = i;
    }
    for (int i = 0; i < 4; i++) {
      ids[5 + i] = second[i];
      pos[5 + i] = i;
      seg[5 + i] = 1;
    }
    seg[9] = -1;
    seg[10] = -1;
    try (NDManager root = NDManager.newBaseManager();
        LlamaModel model = LlamaModel.create(root, config, w);
        NDScope scope = new NDScope()) {
      float[] got = model.logits(new Batch(1, len, ids, pos, seg, lab), false).toFloatArray();
      for (int t = 0; t < 4; t++) {
        for (int v = 0; v < 70; v++) {
          assertThat((double) got[(5 + t) * 70 + v]).isCloseTo(refSecond[t][v], org.assertj.core.data.Offset.offset(2e-4));
        }
      }
    }
  }

  static int[] randomIds(Random r, int n, int vocab) {
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) ids[i] = r.nextInt(vocab);
    return ids;
  }
}
