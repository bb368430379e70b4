package feedline.trainer.io;

/** Bit-level conversions between float32 and the 16-bit formats (no native casts, safe on every CPU). */
public final class HalfFloats {
  private HalfFloats() {}

  public static float bf16ToFloat(short bits) {
    return Float.intBitsToFloat((bits & 0xffff) << 16);
  }

  /** Round to nearest even; NaN stays NaN. */
  public static short floatToBf16(float f) {
    int bits = Float.floatToRawIntBits(f);
    if (Float.isNaN(f)) return (short) ((bits >>> 16) | 0x40);
    int rounding = 0x7fff + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }

  public static float f16ToFloat(short half) {
    int h = half & 0xffff;
    int sign = (h >>> 15) & 1;
    int exp = (h >>> 10) & 0x1f;
    int mant = h & 0x3ff;
    int bits;
    if (exp == 0) {
      if (mant == 0) {
        bits = sign << 31;
      } else {
        // subnormal: normalise
        int e = -1;
        do {
          e++;
          mant <<= 1;
        } while ((mant & 0x400) == 0);
        mant &= 0x3ff;
        bits = (sign << 31) | ((127 - 15 - e) << 23) | (mant << 13);
      }
    } else if (exp == 0x1f) {
      bits = (sign << 31) | 0x7f800000 | (mant << 13);
    } else {
      bits = (sign << 31) | ((exp - 15 + 127) << 23) | (mant << 13);
    }
    return Float.intBitsToFloat(bits);
  }

  /** Round to nearest even, overflow to infinity, underflow through subnormals to zero. */
  public static short floatToF16(float f) {
    int bits = Float.floatToRawIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int exp = (bits >>> 23) & 0xff;
    int mant = bits & 0x7fffff;
    if (exp == 0xff) return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 : 0));
    int e = exp - 127 + 15;
    if (e >= 0x1f) return (short) (sign | 0x7c00);
    if (e <= 0) {
      if (e < -10) return (short) sign;
      mant |= 0x800000;
      int shift = 14 - e;
      int half = mant >>> shift;
      int rem = mant & ((1 << shift) - 1);
      int mid = 1 << (shift - 1);
      if (rem > mid || (rem == mid && (half & 1) == 1)) half++;
      return (short) (sign | half);
    }
    int half = (e << 10) | (mant >>> 13);
    int rem = mant & 0x1fff;
    if (rem > 0x1000 || (rem == 0x1000 && (half & 1) == 1)) half++;
    return (short) (sign | half);
  }
}
