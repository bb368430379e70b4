package feedline.trainer.model;

import feedline.trainer.io.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Random weights for a configuration: N(0, std) for projections and embeddings, ones for norm
 * weights, N(0, std) for biases too so that code paths using them are exercised. Deterministic in the seed.
 */
public final class RandomInit {
  private RandomInit() {}

  public static Map<String, Tensor> weights(ModelConfig config, long seed, double std) {
    Random rnd = new Random(seed);
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : config.weightShapes().entrySet()) {
      long n = 1;
      for (long d : e.getValue()) n *= d;
      if (n > Integer.MAX_VALUE) throw new IllegalArgumentException(e.getKey() + " is too large for one array");
      float[] data = new float[(int) n];
      if (e.getKey().endsWith("norm.weight")) {
        java.util.Arrays.fill(data, 1f);
      } else {
        for (int i = 0; i < data.length; i++) data[i] = (float) (rnd.nextGaussian() * std);
      }
      out.put(e.getKey(), new Tensor(e.getValue(), data));
    }
    return out;
  }
}
