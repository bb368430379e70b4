package feedline.common.metrics;

/** Language-model loss to perplexity: {@code exp(mean negative log-likelihood in nats per token)}. */
public final class Perplexity {
  private Perplexity() {}

  /** Perplexity from a mean token cross-entropy loss in nats (what a training loop reports). */
  public static double fromMeanLoss(double meanLossNats) {
    if (Double.isNaN(meanLossNats) || meanLossNats < 0) {
      throw new IllegalArgumentException("a mean loss must be a non-negative number of nats, got " + meanLossNats);
    }
    return Math.exp(meanLossNats);
  }

  /** Perplexity from summed token negative log-likelihoods and the token count (batches of unequal size). */
  public static double fromTotals(double sumNllNats, long tokens) {
    if (tokens <= 0) throw new IllegalArgumentException("perplexity needs at least one token, got " + tokens);
    return fromMeanLoss(sumNllNats / tokens);
  }

  /** Mean loss in bits per token, for comparison with reports in bits. */
  public static double bitsPerToken(double meanLossNats) {
    return meanLossNats / Math.log(2);
  }
}
