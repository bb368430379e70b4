package feedline.trainer.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import feedline.trainer.data.Batch;
import feedline.trainer.model.LlamaModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Continues a token sequence: greedy (temperature 0) or sampling from softmax(logits / temperature)
 * restricted to the nucleus of probability {@code topP}. Recomputes the full sequence per token
 * (no cache): meant for spot checks, not serving.
 */
public final class Generator {
  private Generator() {}

  public static int[] continueIds(LlamaModel model, int[] prompt, int maxNew, double temperature, double topP, long seed, int eos) {
    Random rnd = new Random(seed);
    List<Integer> ids = new ArrayList<>();
    for (int id : prompt) ids.add(id);
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < maxNew; k++) {
      int[] seq = ids.stream().mapToInt(Integer::intValue).toArray();
      float[] logits;
      try (NDScope scope = new NDScope()) {
        NDArray all = model.logits(Batch.ofSequence(seq), false);
        logits = all.get(new NDIndex("0, -1, :")).toFloatArray();
      }
      int next = temperature <= 0 ? argmax(logits) : sample(logits, temperature, topP, rnd);
      out.add(next);
      ids.add(next);
      if (next == eos) break;
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  static int argmax(float[] l) {
    int best = 0;
    for (int i = 1; i < l.length; i++) if (l[i] > l[best]) best = i;
    return best;
  }

  static int sample(float[] logits, double temperature, double topP, Random rnd) {
    int n = logits.length;
    double max = Double.NEGATIVE_INFINITY;
    for (float f : logits) max = Math.max(max, f);
    double[] p = new double[n];
    double z = 0;
    for (int i = 0; i < n; i++) {
      p[i] = Math.exp((logits[i] - max) / temperature);
      z += p[i];
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      p[i] /= z;
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
    double cum = 0;
    int keep = 0;
    while (keep < n && (keep == 0 || cum < topP)) cum += p[order[keep++]];
    double r = rnd.nextDouble() * cum;
    for (int i = 0; i < keep; i++) {
      r -= p[order[i]];
      if (r <= 0) return order[i];
    }
    return order[keep - 1];
  }
}
