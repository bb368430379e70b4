package feedline.trainer.optim;

/**
 * Learning rate per optimizer step (1-based): linear warmup from 0 to the peak over
 * {@code warmupSteps}, then cosine or linear decay to {@code minRatio * peak} at {@code totalSteps},
 * or constant.
 */
public record LrSchedule(Type type, double peak, int warmupSteps, int totalSteps, double minRatio) {
  public enum Type { COSINE, LINEAR, CONSTANT }

  public double at(int step) {
    if (warmupSteps > 0 && step <= warmupSteps) return peak * step / warmupSteps;
    if (type == Type.CONSTANT) return peak;
    int decaySteps = Math.max(1, totalSteps - warmupSteps);
    double progress = Math.min(1.0, Math.max(0.0, (step - warmupSteps) / (double) decaySteps));
    double floor = peak * minRatio;
    if (type == Type.LINEAR) return floor + (peak - floor) * (1.0 - progress);
    return floor + (peak - floor) * 0.5 * (1.0 + Math.cos(Math.PI * progress));
  }
}
