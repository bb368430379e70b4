package feedline.trainer.data;

/**
 * A padded batch in row-major {@code [rows, length]} form. Padding has segment -1 and label -100.
 * Packed rows keep their examples apart through segment ids: a token attends only to earlier
 * tokens of the same segment.
 */
public record Batch(int rows, int length, long[] inputIds, long[] positionIds, int[] segmentIds, long[] labels) {
  public static final int IGNORE = -100;

  /** Tokens whose next-token prediction is scored (labels shifted by one, HF convention). */
  public int lossTokens() {
    int n = 0;
    for (int r = 0; r < rows; r++) {
      for (int t = 1; t < length; t++) {
        if (labels[r * length + t] != IGNORE) n++;
      }
    }
    return n;
  }

  /** Non-padding tokens. */
  public int tokens() {
    int n = 0;
    for (int s : segmentIds) if (s >= 0) n++;
    return n;
  }

  /** A batch of one unpacked row (all one segment, positions 0..n-1, every label scored). */
  public static Batch ofSequence(int[] ids) {
    int n = ids.length;
    long[] in = new long[n];
    long[] pos = new long[n];
    long[] lab = new long[n];
    for (int i = 0; i < n; i++) {
      in[i] = ids[i];
      pos[i] = i;
      lab[i] = ids[i];
    }
    return new Batch(1, n, in, pos, new int[n], lab);
  }
}
