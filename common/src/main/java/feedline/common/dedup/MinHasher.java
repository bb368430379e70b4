package feedline.common.dedup;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures with fixed-seed universal hashing, as datasketch computes them: permutation
 * {@code i} maps a shingle hash {@code x} to {@code (a_i * x + b_i) mod p} with the Mersenne prime
 * {@code p = 2^61 - 1}, keeps the low 32 bits, and the signature holds each permutation's minimum.
 * The same seed gives the same {@code a_i, b_i} on every machine and in every run, so signatures
 * stored by one run compare with those of the next.
 */
public final class MinHasher implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final long MERSENNE_61 = (1L << 61) - 1;
  private static final long MAX_HASH = 0xFFFFFFFFL;

  private final long[] a;
  private final long[] b;
  private final long seed;

  public MinHasher(int numPerm, long seed) {
    if (numPerm < 1) throw new IllegalArgumentException("numPerm must be at least 1");
    this.seed = seed;
    this.a = new long[numPerm];
    this.b = new long[numPerm];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < numPerm; i++) {
      a[i] = 1 + rnd.nextLong(MERSENNE_61 - 1);
      b[i] = rnd.nextLong(MERSENNE_61);
    }
  }

  public int numPerm() {
    return a.length;
  }

  public String describe() {
    return "perm=" + a.length + ",seed=" + seed;
  }

  /** The signature of a non-empty shingle set; values are unsigned 32-bit numbers stored in ints. */
  public int[] signature(long[] shingles) {
    if (shingles.length == 0) throw new IllegalArgumentException("an empty shingle set has no signature");
    int k = a.length;
    long[] min = new long[k];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (long s : shingles) {
      long x = mod61(s);
      for (int i = 0; i < k; i++) {
        long h = mulAddMod61(a[i], x, b[i]) & MAX_HASH;
        if (h < min[i]) min[i] = h;
      }
    }
    int[] sig = new int[k];
    for (int i = 0; i < k; i++) sig[i] = (int) min[i];
    return sig;
  }

  /** Share of equal positions: the MinHash estimate of the Jaccard similarity. */
  public static double estimate(int[] s1, int[] s2) {
    if (s1.length != s2.length) throw new IllegalArgumentException("signatures of different lengths");
    int eq = 0;
    for (int i = 0; i < s1.length; i++) if (s1[i] == s2[i]) eq++;
    return (double) eq / s1.length;
  }

  /** {@code x mod (2^61 - 1)} for any 64-bit pattern read as unsigned. */
  static long mod61(long x) {
    long r = (x & MERSENNE_61) + (x >>> 61);
    return r >= MERSENNE_61 ? r - MERSENNE_61 : r;
  }

  /** {@code (a * x + b) mod (2^61 - 1)} for {@code a, x, b < 2^61} without overflow. */
  static long mulAddMod61(long a, long x, long b) {
    long hi = Math.multiplyHigh(a, x);
    long lo = a * x;
    // a*x = hi * 2^64 + lo (unsigned) and 2^64 = 8 (mod p), 2^61 = 1 (mod p)
    long s = (hi << 3) + (lo >>> 61) + (lo & MERSENNE_61) + b;
    long r = (s & MERSENNE_61) + (s >>> 61);
    return r >= MERSENNE_61 ? r - MERSENNE_61 : r;
  }
}
