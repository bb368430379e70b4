package feedline.jobs.dedup;

import java.nio.ByteBuffer;

/** Shingle sets and signatures as compact binary columns (8 bytes per shingle, 4 per signature value). */
final class Packed {
  private Packed() {}

  static byte[] longs(long[] a) {
    ByteBuffer b = ByteBuffer.allocate(a.length * 8);
    b.asLongBuffer().put(a);
    return b.array();
  }

  static long[] longs(byte[] bytes) {
    long[] a = new long[bytes.length / 8];
    ByteBuffer.wrap(bytes).asLongBuffer().get(a);
    return a;
  }

  static byte[] ints(int[] a) {
    ByteBuffer b = ByteBuffer.allocate(a.length * 4);
    b.asIntBuffer().put(a);
    return b.array();
  }

  static int[] ints(byte[] bytes) {
    int[] a = new int[bytes.length / 4];
    ByteBuffer.wrap(bytes).asIntBuffer().get(a);
    return a;
  }
}
