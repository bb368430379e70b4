package feedline.common.augment;

import java.util.List;

/**
 * Turns texts into dense vectors whose cosine measures closeness of meaning. One instance per JVM
 * (it may hold a model); {@link #embed} may be called from several threads at once.
 */
public interface TextEmbedder {
  /** Names the embedder and its model, for reports. */
  String name();

  /** One vector per text, in order, all of the same dimension. */
  List<float[]> embed(List<String> texts);

  /** Cosine similarity of the two texts' vectors, in [-1, 1]. */
  default double similarity(String a, String b) {
    List<float[]> v = embed(List.of(a, b));
    return cosine(v.get(0), v.get(1));
  }

  /** Cosine of two vectors of the same length (0 when either is all zeros). */
  static double cosine(float[] x, float[] y) {
    if (x.length != y.length) throw new IllegalArgumentException("vectors of different lengths: " + x.length + " and " + y.length);
    double dot = 0;
    double nx = 0;
    double ny = 0;
    for (int i = 0; i < x.length; i++) {
      dot += (double) x[i] * y[i];
      nx += (double) x[i] * x[i];
      ny += (double) y[i] * y[i];
    }
    if (nx == 0 || ny == 0) return 0;
    return Math.max(-1, Math.min(1, dot / Math.sqrt(nx * ny)));
  }
}
