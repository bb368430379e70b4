package feedline.trainer.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import feedline.common.augment.TextEmbedder;
import feedline.trainer.data.Batch;
import feedline.trainer.model.Owned;
import feedline.trainer.model.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text embeddings from a causal language model: the mean over a text's tokens of the last hidden
 * states (after the final norm). Texts go {@code batchSize} at a time into one right-padded forward
 * pass; padding is left out of the mean. A text longer than {@code maxLength} tokens is cut to its
 * first {@code maxLength}; an empty text gets the zero vector (cosine 0 with anything).
 */
public final class LmEmbedder implements TextEmbedder {
  private final LmRuntime runtime;
  private final int maxLength;
  private final int batchSize;

  public LmEmbedder(LmRuntime runtime, int maxLength, int batchSize) {
    this.runtime = runtime;
    this.maxLength = maxLength;
    this.batchSize = batchSize;
  }

  @Override
  public String name() {
    return LmEmbedderFactory.NAME + ":" + runtime.modelDir().getFileName();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    int dim = runtime.config().hiddenSize();
    for (int from = 0; from < texts.size(); from += batchSize) {
      List<int[]> ids = new ArrayList<>();
      for (String t : texts.subList(from, Math.min(texts.size(), from + batchSize))) {
        int[] e = t == null || t.isEmpty() ? new int[0] : runtime.encode(t);
        ids.add(e.length > maxLength ? Arrays.copyOf(e, maxLength) : e);
      }
      List<int[]> nonEmpty = ids.stream().filter(x -> x.length > 0).toList();
      float[][] pooled = nonEmpty.isEmpty() ? new float[0][] : runtime.run(m -> meanPool(m, nonEmpty, dim));
      int k = 0;
      for (int[] x : ids) out.add(x.length == 0 ? new float[dim] : pooled[k++]);
    }
    return out;
  }

  private static float[][] meanPool(feedline.trainer.model.LlamaModel model, List<int[]> rows, int dim) {
    int b = rows.size();
    int t = rows.stream().mapToInt(x -> x.length).max().orElseThrow();
    long[] in = new long[b * t];
    long[] pos = new long[b * t];
    int[] seg = new int[b * t];
    long[] labels = new long[b * t];
    float[] mask = new float[b * t];
    Arrays.fill(seg, -1);
    Arrays.fill(labels, Batch.IGNORE);
    for (int r = 0; r < b; r++) {
      int[] x = rows.get(r);
      for (int i = 0; i < x.length; i++) {
        in[r * t + i] = x[i];
        pos[r * t + i] = i;
        seg[r * t + i] = 0;
        mask[r * t + i] = 1f;
      }
    }
    try (NDScope scope = new NDScope()) {
      NDArray h = Precision.cast(model.hidden(new Batch(b, t, in, pos, seg, labels), false), DataType.FLOAT32);
      NDManager m = h.getManager();
      NDArray w = Owned.copy(m.create(mask, new Shape(b, t, 1)));
      NDArray sum = h.mul(w).sum(new int[] {1});
      NDArray count = w.sum(new int[] {1});
      float[] flat = sum.div(count).toFloatArray();
      float[][] out = new float[b][dim];
      for (int r = 0; r < b; r++) System.arraycopy(flat, r * dim, out[r], 0, dim);
      return out;
    }
  }
}
