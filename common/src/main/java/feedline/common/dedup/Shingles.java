package feedline.common.dedup;

/**
 * The shingle set of one document.
 *
 * @param hashes distinct 64-bit shingle hashes, ascending
 * @param kind {@link ShingleKind#CHAR} or {@link ShingleKind#WORD}, as chosen for this document
 * @param shortText the text had fewer units than n: its one shingle is the whole text
 * @param capped the text had more n-gram positions than the cap; only the first ones count
 */
public record Shingles(long[] hashes, ShingleKind kind, boolean shortText, boolean capped) {
  public boolean isEmpty() {
    return hashes.length == 0;
  }

  public int size() {
    return hashes.length;
  }
}
