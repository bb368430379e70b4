package feedline.trainer.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import feedline.trainer.data.Batch;
import feedline.trainer.model.LlamaModel;
import feedline.trainer.model.Owned;
import java.util.List;

/**
 * Log-likelihood of continuations after prompts, many (prompt, continuation) pairs per forward
 * pass: each pair is one right-padded row (padding attends to nothing and is not scored), and the
 * answer for a row is the summed log-probability of its continuation tokens, each predicted from
 * every token before it (teacher forcing).
 */
public final class ContinuationLikelihood {
  private ContinuationLikelihood() {}

  /** A prompt's token ids and the continuation's; the prompt must not be empty. */
  public record Pair(int[] prompt, int[] continuation) {
    public Pair {
      if (prompt.length == 0) throw new IllegalArgumentException("a scored continuation needs a non-empty prompt");
      if (continuation.length == 0) throw new IllegalArgumentException("an empty continuation has no likelihood to score");
    }

    int length() {
      return prompt.length + continuation.length;
    }
  }

  /** Summed log-probability (nats) of each pair's continuation, in order; one forward pass. */
  public static double[] logLikelihoods(LlamaModel model, List<Pair> pairs) {
    int b = pairs.size();
    if (b == 0) return new double[0];
    int t = 0;
    for (Pair p : pairs) t = Math.max(t, p.length());
    long[] in = new long[b * t];
    long[] pos = new long[b * t];
    int[] seg = new int[b * t];
    long[] labels = new long[b * t];
    java.util.Arrays.fill(seg, -1);
    java.util.Arrays.fill(labels, Batch.IGNORE);
    // targets[r, i] = the token at i + 1 when it belongs to the continuation
    long[] target = new long[b * (t - 1)];
    float[] weight = new float[b * (t - 1)];
    for (int r = 0; r < b; r++) {
      Pair p = pairs.get(r);
      int n = p.length();
      for (int i = 0; i < n; i++) {
        int id = i < p.prompt().length ? p.prompt()[i] : p.continuation()[i - p.prompt().length];
        in[r * t + i] = id;
        pos[r * t + i] = i;
        seg[r * t + i] = 0;
        if (i >= p.prompt().length) {
          labels[r * t + i] = id;
          target[r * (t - 1) + i - 1] = id;
          weight[r * (t - 1) + i - 1] = 1f;
        }
      }
    }
    Batch batch = new Batch(b, t, in, pos, seg, labels);
    try (NDScope scope = new NDScope()) {
      NDArray logits = model.logits(batch, false);
      NDManager m = logits.getManager();
      NDArray logp = logits.get(new NDIndex(":, :-1, :")).logSoftmax(-1);
      NDArray idx = Owned.copy(m.create(target, new Shape(b, t - 1, 1)));
      NDArray picked = logp.gather(idx, 2).reshape(b, t - 1).mul(Owned.copy(m.create(weight, new Shape(b, t - 1))));
      float[] sums = picked.sum(new int[] {1}).toFloatArray();
      double[] out = new double[b];
      for (int r = 0; r < b; r++) out[r] = sums[r];
      return out;
    }
  }
}
