package feedline.common.augment;

import feedline.common.model.Reasons;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a variant against its parent and keeps it only inside the bounds of its method: not a copy
 * ({@code too_similar}), not a different text ({@code drifted}: similarity or length ratio out of
 * bounds), and every placeholder and number of the parent still there ({@code placeholder_lost}).
 * Similarity is the cosine of character n-gram counts ({@code n} for most text, {@code nCjk} for
 * Chinese, where one character carries more meaning). With a {@link TextEmbedder} attached
 * ({@link #withEmbedding}), a variant that passed every other bound must also reach a minimum cosine
 * between its embedding and its parent's, or it is dropped as {@code drifted}.
 */
public final class ConsistencyCheck implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Bounds for one method. */
  public record Bounds(double minSimilarity, double maxSimilarity, double minLengthRatio, double maxLengthRatio)
      implements Serializable {
    public Bounds {
      if (!(minSimilarity >= 0 && minSimilarity <= maxSimilarity && maxSimilarity <= 1)) {
        throw new IllegalArgumentException("need 0 <= min-similarity <= max-similarity <= 1, got " + minSimilarity + ", " + maxSimilarity);
      }
      if (!(minLengthRatio > 0 && minLengthRatio <= 1 && maxLengthRatio >= 1)) {
        throw new IllegalArgumentException("need 0 < min-length-ratio <= 1 <= max-length-ratio, got " + minLengthRatio + ", " + maxLengthRatio);
      }
    }
  }

  /** The check's answer: kept, or the drop reason with a detail; the scores either way. */
  public record Verdict(boolean kept, String reason, String detail, double similarity, double lengthRatio) {}

  private final Map<String, Bounds> bounds;
  private final Bounds fallback;
  private final int n;
  private final int nCjk;
  private final transient TextEmbedder embedder;
  private final Map<String, Double> minEmbedding;
  private final double minEmbeddingFallback;

  public ConsistencyCheck(Map<String, Bounds> bounds, Bounds fallback, int n, int nCjk) {
    this(bounds, fallback, n, nCjk, null, Map.of(), 0);
  }

  private ConsistencyCheck(Map<String, Bounds> bounds, Bounds fallback, int n, int nCjk, TextEmbedder embedder,
      Map<String, Double> minEmbedding, double minEmbeddingFallback) {
    this.bounds = Map.copyOf(bounds);
    this.fallback = fallback;
    this.n = n;
    this.nCjk = nCjk;
    this.embedder = embedder;
    this.minEmbedding = Map.copyOf(minEmbedding);
    this.minEmbeddingFallback = minEmbeddingFallback;
  }

  /**
   * This check plus an embedding bound: the cosine of parent and variant embeddings must be at least
   * {@code perMethod.get(method)}, else {@code fallback} (each in [-1, 1]).
   */
  public ConsistencyCheck withEmbedding(TextEmbedder embedder, double fallback, Map<String, Double> perMethod) {
    java.util.Objects.requireNonNull(embedder, "embedder");
    checkCosine(fallback);
    perMethod.values().forEach(ConsistencyCheck::checkCosine);
    return new ConsistencyCheck(bounds, this.fallback, n, nCjk, embedder, perMethod, fallback);
  }

  private static void checkCosine(double v) {
    if (!(v >= -1 && v <= 1)) throw new IllegalArgumentException("need -1 <= min-embedding-similarity <= 1, got " + v);
  }

  /** The embedding bound of {@code method}, or NaN without an embedder. */
  public double minEmbeddingSimilarity(String method) {
    return embedder == null ? Double.NaN : minEmbedding.getOrDefault(method, minEmbeddingFallback);
  }

  public Bounds boundsOf(String method) {
    return bounds.getOrDefault(method, fallback);
  }

  public Verdict check(String method, String parent, String variant) {
    if (variant == null || variant.isBlank()) return new Verdict(false, Reasons.DRIFTED, "empty variant", 0, 0);
    double sim = similarity(parent, variant);
    double ratio = parent.isEmpty() ? 0 : (double) variant.codePointCount(0, variant.length())
        / parent.codePointCount(0, parent.length());
    String lost = lost(ProtectedSpans.placeholders(parent), ProtectedSpans.placeholders(variant));
    if (lost != null) return new Verdict(false, Reasons.PLACEHOLDER_LOST, "placeholder " + lost, sim, ratio);
    lost = lost(ProtectedSpans.numbers(parent), ProtectedSpans.numbers(variant));
    if (lost != null) return new Verdict(false, Reasons.PLACEHOLDER_LOST, "number " + lost, sim, ratio);
    Bounds b = boundsOf(method);
    if (variant.strip().equals(parent.strip())) return new Verdict(false, Reasons.TOO_SIMILAR, "same text as parent", sim, ratio);
    if (ratio < b.minLengthRatio() || ratio > b.maxLengthRatio()) {
      return new Verdict(false, Reasons.DRIFTED, String.format("length ratio %.3f outside [%.3f, %.3f]", ratio,
          b.minLengthRatio(), b.maxLengthRatio()), sim, ratio);
    }
    if (sim > b.maxSimilarity() + 1e-9) {
      return new Verdict(false, Reasons.TOO_SIMILAR, String.format("similarity %.3f > %.3f", sim, b.maxSimilarity()), sim, ratio);
    }
    if (sim < b.minSimilarity() - 1e-9) {
      return new Verdict(false, Reasons.DRIFTED, String.format("similarity %.3f < %.3f", sim, b.minSimilarity()), sim, ratio);
    }
    if (embedder != null) {
      double min = minEmbeddingSimilarity(method);
      double e = embedder.similarity(parent, variant);
      if (e < min - 1e-9) {
        return new Verdict(false, Reasons.DRIFTED, String.format("embedding similarity %.3f < %.3f (%s)", e, min, embedder.name()),
            sim, ratio);
      }
    }
    return new Verdict(true, null, null, sim, ratio);
  }

  /** Cosine similarity of character n-gram counts (lower-cased, whitespace runs as one space). */
  public double similarity(String a, String b) {
    int size = Lang.guess(a) == Lang.ZH ? nCjk : n;
    Map<String, Integer> x = grams(a, size);
    Map<String, Integer> y = grams(b, size);
    if (x.isEmpty() || y.isEmpty()) return x.isEmpty() && y.isEmpty() ? 1 : 0;
    double dot = 0;
    for (Map.Entry<String, Integer> e : x.entrySet()) {
      Integer o = y.get(e.getKey());
      if (o != null) dot += (double) e.getValue() * o;
    }
    return dot / (norm(x) * norm(y));
  }

  private static double norm(Map<String, Integer> v) {
    double s = 0;
    for (int c : v.values()) s += (double) c * c;
    return Math.sqrt(s);
  }

  static Map<String, Integer> grams(String s, int size) {
    String t = s.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
    int[] cps = t.codePoints().toArray();
    Map<String, Integer> out = new HashMap<>();
    if (cps.length < size) {
      if (cps.length > 0) out.put(t, 1);
      return out;
    }
    for (int i = 0; i + size <= cps.length; i++) out.merge(new String(cps, i, size), 1, Integer::sum);
    return out;
  }

  /** The first item of {@code parent} missing from {@code variant} (as multisets), or null. */
  private static String lost(List<String> parent, List<String> variant) {
    List<String> rest = new ArrayList<>(variant);
    for (String p : parent) {
      if (!rest.remove(p)) return p;
    }
    return null;
  }
}
