package feedline.common.sft;

/**
 * Where a {@link ShardReader} stands: the index of a shard in the sorted shard list of one split
 * and the index of a row inside that shard. It names the next row to be read, so a reader opened
 * at a saved position continues with exactly the row that would have come next.
 */
public record ShardPosition(int shard, long row) {
  public static final ShardPosition START = new ShardPosition(0, 0);

  public ShardPosition {
    if (shard < 0 || row < 0) throw new IllegalArgumentException("shard position must not be negative: " + shard + "/" + row);
  }

  /** {@code shard:row}, the form {@link #parse} reads (for checkpoints). */
  @Override
  public String toString() {
    return shard + ":" + row;
  }

  public static ShardPosition parse(String s) {
    int c = s == null ? -1 : s.indexOf(':');
    if (c < 0) throw new IllegalArgumentException("shard position must look like SHARD:ROW, got '" + s + "'");
    try {
      return new ShardPosition(Integer.parseInt(s.substring(0, c).strip()), Long.parseLong(s.substring(c + 1).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("shard position must look like SHARD:ROW, got '" + s + "'", e);
    }
  }
}
