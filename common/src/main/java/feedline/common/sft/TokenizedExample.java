package feedline.common.sft;

import java.util.Arrays;
import java.util.Objects;

/**
 * One training row of a tokenized shard: one sequence the trainer feeds the model as is.
 *
 * <p>A row holds one example, or several short examples packed end to end. For each token:
 * {@code labels} is the target id, or {@link #IGNORE} (-100) where no loss is taken (prompt,
 * system and user turns, template scaffolding); {@code positionIds} restart at 0 at the first token
 * of each packed example; {@code segmentIds} give the index (0, 1, ...) of the packed example the
 * token belongs to. Attention is causal and stays within one segment: token {@code i} may attend
 * to token {@code j} only when {@code j <= i} and {@code segmentIds[j] == segmentIds[i]}.
 *
 * <p>{@code labels[i]} is the label of token {@code i} itself (not shifted); the trainer shifts
 * (predicts token {@code i} from the tokens before it). The build stage sets the label of the first
 * token of every segment to {@link #IGNORE}, since nothing in its segment precedes it.
 *
 * @param exampleId stable id of the row (the input doc_id, with {@code #k} for the k-th piece of a
 *     split conversation; a packed row carries the id of its first example plus {@code +n})
 * @param groupId the grouping key the split was drawn from (parent_id when present, else doc_id)
 * @param source the input's source name
 * @param split {@code train}, {@code validation} or {@code test}
 */
public record TokenizedExample(
    String exampleId,
    String groupId,
    String source,
    String split,
    int[] inputIds,
    int[] labels,
    int[] positionIds,
    int[] segmentIds) {

  /** Label value for tokens that carry no loss (the Hugging Face / PyTorch ignore index). */
  public static final int IGNORE = -100;

  public TokenizedExample {
    Objects.requireNonNull(exampleId, "exampleId");
    Objects.requireNonNull(inputIds, "inputIds");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(positionIds, "positionIds");
    Objects.requireNonNull(segmentIds, "segmentIds");
    int n = inputIds.length;
    if (labels.length != n || positionIds.length != n || segmentIds.length != n) {
      throw new IllegalArgumentException("example " + exampleId + ": input_ids, labels, position_ids and segment_ids"
          + " must have the same length; got " + n + ", " + labels.length + ", " + positionIds.length + ", " + segmentIds.length);
    }
  }

  /** A single (unpacked) example: positions 0..n-1, all in segment 0. */
  public static TokenizedExample single(String exampleId, String groupId, String source, String split,
      int[] inputIds, int[] labels) {
    int n = inputIds.length;
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) pos[i] = i;
    return new TokenizedExample(exampleId, groupId, source, split, inputIds, labels, pos, new int[n]);
  }

  public int numTokens() {
    return inputIds.length;
  }

  /** Tokens that carry a loss (label not {@link #IGNORE}). */
  public int numLabelled() {
    int c = 0;
    for (int l : labels) if (l != IGNORE) c++;
    return c;
  }

  /** Number of packed examples in this row (1 for an unpacked row, 0 for an empty one). */
  public int numSegments() {
    int max = -1;
    for (int s : segmentIds) max = Math.max(max, s);
    return max + 1;
  }

  /** Whether token {@code i} may attend to token {@code j} (causal, same segment). */
  public boolean attends(int i, int j) {
    return j <= i && segmentIds[i] == segmentIds[j];
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof TokenizedExample e)) return false;
    return exampleId.equals(e.exampleId) && Objects.equals(groupId, e.groupId) && Objects.equals(source, e.source)
        && Objects.equals(split, e.split) && Arrays.equals(inputIds, e.inputIds) && Arrays.equals(labels, e.labels)
        && Arrays.equals(positionIds, e.positionIds) && Arrays.equals(segmentIds, e.segmentIds);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(exampleId, groupId, source, split);
    h = 31 * h + Arrays.hashCode(inputIds);
    h = 31 * h + Arrays.hashCode(labels);
    h = 31 * h + Arrays.hashCode(positionIds);
    return 31 * h + Arrays.hashCode(segmentIds);
  }

  @Override
  public String toString() {
    return "TokenizedExample[" + exampleId + ", group=" + groupId + ", source=" + source + ", split=" + split
        + ", tokens=" + inputIds.length + ", labelled=" + numLabelled() + ", segments=" + numSegments() + "]";
  }
}
