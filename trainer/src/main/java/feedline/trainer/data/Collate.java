package feedline.trainer.data;

import feedline.common.sft.TokenizedExample;
import java.util.List;

/** Pads examples (cut to {@code maxSeqLen}) into one batch: pad id 0, label -100, segment -1. */
public final class Collate {
  private Collate() {}

  public static Batch of(List<TokenizedExample> examples, int maxSeqLen) {
    int rows = examples.size();
    int len = 1;
    for (TokenizedExample e : examples) len = Math.max(len, Math.min(maxSeqLen, e.numTokens()));
    long[] ids = new long[rows * len];
    long[] pos = new long[rows * len];
    int[] seg = new int[rows * len];
    long[] lab = new long[rows * len];
    java.util.Arrays.fill(seg, -1);
    java.util.Arrays.fill(lab, Batch.IGNORE);
    for (int r = 0; r < rows; r++) {
      TokenizedExample e = examples.get(r);
      int n = Math.min(len, e.numTokens());
      for (int i = 0; i < n; i++) {
        int k = r * len + i;
        ids[k] = e.inputIds()[i];
        pos[k] = e.positionIds()[i];
        seg[k] = e.segmentIds()[i];
        lab[k] = e.labels()[i];
      }
    }
    return new Batch(rows, len, ids, pos, seg, lab);
  }
}
