package feedline.common.sft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Packs short examples end to end into sequences of at most {@code maxTokens} tokens: first fit
 * over the examples ordered by length (longest first, ties by input order), so the result depends
 * only on the input. Each packed row keeps its examples' boundaries: positions restart at 0 and the
 * segment id counts the examples, so attention can stay inside each example.
 */
public final class Packer {
  private Packer() {}

  /** Groups of indexes into {@code lengths}, one group per packed row, in a deterministic order. */
  public static List<int[]> plan(int[] lengths, int maxTokens) {
    Integer[] order = IntStream.range(0, lengths.length).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(i -> -lengths[i]).thenComparingInt(i -> i));
    List<List<Integer>> bins = new ArrayList<>();
    List<Integer> free = new ArrayList<>();
    for (int i : order) {
      if (lengths[i] > maxTokens) throw new IllegalArgumentException("example " + i + " has " + lengths[i] + " tokens > " + maxTokens);
      int b = 0;
      while (b < bins.size() && free.get(b) < lengths[i]) b++;
      if (b == bins.size()) {
        bins.add(new ArrayList<>());
        free.add(maxTokens);
      }
      bins.get(b).add(i);
      free.set(b, free.get(b) - lengths[i]);
    }
    List<int[]> out = new ArrayList<>();
    for (List<Integer> bin : bins) out.add(bin.stream().mapToInt(Integer::intValue).toArray());
    return out;
  }

  /**
   * Joins examples into one row: ids and labels concatenated, positions restarting at each example,
   * segment ids 0, 1, ...; the id is the first example's id followed by {@code +n} for n more.
   */
  public static TokenizedExample merge(List<TokenizedExample> parts) {
    if (parts.isEmpty()) throw new IllegalArgumentException("nothing to pack");
    if (parts.size() == 1) return parts.get(0);
    int n = parts.stream().mapToInt(TokenizedExample::numTokens).sum();
    int[] ids = new int[n];
    int[] labels = new int[n];
    int[] pos = new int[n];
    int[] seg = new int[n];
    int at = 0;
    for (int s = 0; s < parts.size(); s++) {
      TokenizedExample p = parts.get(s);
      int len = p.numTokens();
      System.arraycopy(p.inputIds(), 0, ids, at, len);
      System.arraycopy(p.labels(), 0, labels, at, len);
      for (int k = 0; k < len; k++) {
        pos[at + k] = k;
        seg[at + k] = s;
      }
      if (len > 0) labels[at] = TokenizedExample.IGNORE;
      at += len;
    }
    TokenizedExample first = parts.get(0);
    return new TokenizedExample(first.exampleId() + "+" + (parts.size() - 1), first.groupId(), first.source(), first.split(),
        ids, labels, pos, seg);
  }
}
