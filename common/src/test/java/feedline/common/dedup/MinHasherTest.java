package feedline.common.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHasherTest {

  @Test
  void mulAddModMatchesBigIntegerArithmetic() {
    SplittableRandom r = new SplittableRandom(7);
    BigInteger p = BigInteger.valueOf(MinHasher.MERSENNE_61);
    for (int i = 0; i < 10_000; i++) {
      long a = r.nextLong(MinHasher.MERSENNE_61);
      long x = r.nextLong(MinHasher.MERSENNE_61);
      long b = r.nextLong(MinHasher.MERSENNE_61);
      long expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(x)).add(BigInteger.valueOf(b)).mod(p).longValueExact();
      assertThat(MinHasher.mulAddMod61(a, x, b)).isEqualTo(expected);
    }
    assertThat(MinHasher.mulAddMod61(MinHasher.MERSENNE_61 - 1, MinHasher.MERSENNE_61 - 1, MinHasher.MERSENNE_61 - 1))
        .isEqualTo(BigInteger.ONE.add(p.subtract(BigInteger.ONE)).mod(p).longValueExact());
    long neg = -5L;
    assertThat(MinHasher.mod61(neg)).isEqualTo(new BigInteger(Long.toUnsignedString(neg)).mod(p).longValueExact());
  }

  @Test
  void sameSeedSameSignatureAcrossInstances() {
    long[] set = {1, 5, 9, 1234567890123L, -42};
    assertThat(new MinHasher(64, 1).signature(set)).isEqualTo(new MinHasher(64, 1).signature(set));
    assertThat(new MinHasher(64, 1).signature(set)).isNotEqualTo(new MinHasher(64, 2).signature(set));
  }

  @Test
  void estimateTracksTrueJaccard() {
    MinHasher mh = new MinHasher(256, 42);
    // |A| = |B| = 1000, overlap 750 -> J = 750 / 1250 = 0.6
    long[] a = new long[1000];
    long[] b = new long[1000];
    for (int i = 0; i < 1000; i++) {
      a[i] = Hash64.mix(i);
      b[i] = Hash64.mix(i + 250);
    }
    java.util.Arrays.sort(a);
    java.util.Arrays.sort(b);
    assertThat(Jaccard.similarity(a, b)).isEqualTo(0.6);
    assertThat(MinHasher.estimate(mh.signature(a), mh.signature(b))).isBetween(0.5, 0.7);
    assertThat(MinHasher.estimate(mh.signature(a), mh.signature(a))).isEqualTo(1.0);
    long[] c = new long[1000];
    for (int i = 0; i < 1000; i++) c[i] = Hash64.mix(i + 5000);
    assertThat(MinHasher.estimate(mh.signature(a), mh.signature(c))).isLessThan(0.05);
  }

  @Test
  void emptySetHasNoSignature() {
    assertThatThrownBy(() -> new MinHasher(8, 1).signature(new long[0])).isInstanceOf(IllegalArgumentException.class);
  }
}
