package feedline.common.sft;

/**
 * How examples become token sequences.
 *
 * @param maxTokens maximum tokens of one sequence
 * @param truncation policy for longer examples
 * @param assistantOnly train on assistant turns only (else on every token)
 * @param textAddBos prepend the BOS token to plain text
 * @param textAddEos append the EOS token to plain text
 * @param unknownMaxFraction highest share of unknown tokens an example may hold (else dropped)
 * @param removeUnknown remove the remaining unknown tokens (else keep them)
 */
public record EncodeOptions(
    int maxTokens,
    Truncation truncation,
    boolean assistantOnly,
    boolean textAddBos,
    boolean textAddEos,
    double unknownMaxFraction,
    boolean removeUnknown) {

  public EncodeOptions {
    if (maxTokens < 2) throw new IllegalArgumentException("build.max-seq-len must be at least 2, got " + maxTokens);
    if (unknownMaxFraction < 0 || unknownMaxFraction > 1) {
      throw new IllegalArgumentException("build.unknown.max-fraction must be within [0, 1], got " + unknownMaxFraction);
    }
  }
}
