package feedline.trainer.optim;

/**
 * Dynamic loss scaling for float16 training: the loss is multiplied by {@link #scale()} before the
 * backward pass so small gradients do not flush to zero, and gradients are divided by it again. A
 * step whose gradients overflow (inf or NaN) is skipped and the scale multiplied by
 * {@code backoff}; after {@code growthInterval} clean steps in a row it is multiplied by
 * {@code growth}. The same rule as PyTorch's {@code GradScaler}.
 */
public final class LossScaler {
  /** What a checkpoint keeps to resume the scaler exactly. */
  public record State(double scale, int cleanSteps, long skippedSteps) {}

  private final double growth;
  private final double backoff;
  private final int growthInterval;
  private double scale;
  private int cleanSteps;
  private long skippedSteps;

  public LossScaler(double initialScale, double growth, double backoff, int growthInterval) {
    if (!(initialScale > 0) || !(growth >= 1) || !(backoff > 0 && backoff < 1) || growthInterval < 1) {
      throw new IllegalArgumentException("loss scaler needs scale > 0, growth >= 1, 0 < backoff < 1, interval >= 1");
    }
    this.scale = initialScale;
    this.growth = growth;
    this.backoff = backoff;
    this.growthInterval = growthInterval;
  }

  public double scale() {
    return scale;
  }

  public long skippedSteps() {
    return skippedSteps;
  }

  /** Records one optimizer step; returns true when it must be skipped (its gradients overflowed). */
  public boolean update(boolean overflow) {
    if (overflow) {
      scale *= backoff;
      cleanSteps = 0;
      skippedSteps++;
      return true;
    }
    if (++cleanSteps >= growthInterval) {
      scale *= growth;
      cleanSteps = 0;
    }
    return false;
  }

  public State state() {
    return new State(scale, cleanSteps, skippedSteps);
  }

  public void restore(State s) {
    scale = s.scale();
    cleanSteps = s.cleanSteps();
    skippedSteps = s.skippedSteps();
  }
}
