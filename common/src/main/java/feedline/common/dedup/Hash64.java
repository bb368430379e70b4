package feedline.common.dedup;

/** Fast, fixed 64-bit hashing of characters and longs (FNV-1a steps finished by the murmur3 mixer). */
public final class Hash64 {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hash64() {}

  /** The murmur3 64-bit finalizer: every input bit affects every output bit. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Hash of {@code s[from, to)}. */
  public static long chars(CharSequence s, int from, int to) {
    long h = FNV_OFFSET;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      h = (h ^ (c & 0xff)) * FNV_PRIME;
      h = (h ^ (c >>> 8)) * FNV_PRIME;
    }
    return mix(h ^ (to - from));
  }

  /** Order-sensitive combination of a running hash with the next value. */
  public static long combine(long h, long v) {
    return mix(h * 0x9E3779B97F4A7C15L + v);
  }
}
