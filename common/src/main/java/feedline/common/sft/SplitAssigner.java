package feedline.common.sft;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic train / validation / test assignment by a hash of a grouping key: every row with
 * the same key (an original and its augmented children, which carry its id as parent_id) lands in
 * the same split, whatever the partitioning or order of the input.
 */
public final class SplitAssigner {
  private final double train;
  private final double validation;
  private final String seed;

  public SplitAssigner(double train, double validation, double test, String seed) {
    if (train < 0 || validation < 0 || test < 0 || Math.abs(train + validation + test - 1.0) > 1e-6) {
      throw new IllegalArgumentException("build.split.train/validation/test must be non-negative and sum to 1; got "
          + train + " + " + validation + " + " + test);
    }
    this.train = train;
    this.validation = validation;
    this.seed = seed == null ? "" : seed;
  }

  /** A number in [0, 1) from SHA-256 of seed and key. */
  public double unit(String key) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(seed.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      byte[] h = md.digest(key.getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 7; i++) v = (v << 8) | (h[i] & 0xff);
      return v / (double) (1L << 56);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String assign(String groupKey) {
    double u = unit(groupKey);
    if (u < train) return ShardLayout.TRAIN;
    if (u < train + validation) return ShardLayout.VALIDATION;
    return ShardLayout.TEST;
  }
}
