package feedline.common.select;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A multinomial logistic regression text classifier over hashed character n-grams, pure Java.
 * Features: the NFKC-lowercased text with collapsed whitespace, padded with a space, cut into
 * character n-grams ({@code ngramMin..ngramMax} code points), hashed into {@code dims} buckets,
 * weighted {@code 1 + ln(count)} and L2-normalized; character n-grams work for Chinese and for
 * space-separated languages alike. Training: seeded SGD with L2 on the touched weights, so the same
 * rows give the same model on every JVM.
 */
public final class CharNgramLogisticRegression implements UncertaintyScorer {

  /** Training settings. */
  public record Params(int ngramMin, int ngramMax, int dims, int epochs, double learningRate, double l2, long seed) {
    public static Params defaults() {
      return new Params(1, 3, 1 << 18, 30, 0.5, 1e-5, 42);
    }

    public Params {
      if (ngramMin < 1 || ngramMax < ngramMin) throw new IllegalArgumentException("n-gram range must be 1 <= min <= max, got " + ngramMin + ".." + ngramMax);
      if (dims < 16) throw new IllegalArgumentException("features must be >= 16, got " + dims);
      if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
  }

  private final List<String> labels;
  private final Params params;
  private final double[][] weights;
  private final double[] bias;

  private CharNgramLogisticRegression(List<String> labels, Params params) {
    this.labels = List.copyOf(labels);
    this.params = params;
    this.weights = new double[labels.size()][params.dims()];
    this.bias = new double[labels.size()];
  }

  /**
   * Trains on aligned texts and labels.
   *
   * @param labelSet the label order; null = the distinct training labels, sorted
   */
  public static CharNgramLogisticRegression train(List<String> texts, List<String> gold, List<String> labelSet, Params p) {
    if (texts.size() != gold.size()) throw new IllegalArgumentException(texts.size() + " texts but " + gold.size() + " labels");
    List<String> labels = labelSet != null && !labelSet.isEmpty() ? List.copyOf(labelSet) : gold.stream().distinct().sorted().toList();
    if (labels.size() < 2) throw new IllegalArgumentException("training needs at least two labels, got " + labels);
    CharNgramLogisticRegression m = new CharNgramLogisticRegression(labels, p);
    List<Map<Integer, Double>> xs = new ArrayList<>();
    int[] ys = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      xs.add(m.features(texts.get(i)));
      ys[i] = labels.indexOf(gold.get(i));
      if (ys[i] < 0) throw new IllegalArgumentException("training label '" + gold.get(i) + "' is not in " + labels);
    }
    int[] order = new int[texts.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Random rnd = new Random(p.seed());
    int k = labels.size();
    for (int epoch = 0; epoch < p.epochs(); epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double lr = p.learningRate() / (1 + 0.1 * epoch);
      for (int idx : order) {
        Map<Integer, Double> x = xs.get(idx);
        double[] prob = m.distribution(x);
        for (int c = 0; c < k; c++) {
          double g = prob[c] - (ys[idx] == c ? 1 : 0);
          double[] w = m.weights[c];
          for (Map.Entry<Integer, Double> f : x.entrySet()) {
            int d = f.getKey();
            w[d] -= lr * (g * f.getValue() + p.l2() * w[d]);
          }
          m.bias[c] -= lr * g;
        }
      }
    }
    return m;
  }

  @Override
  public List<String> labels() {
    return labels;
  }

  public Params params() {
    return params;
  }

  @Override
  public List<double[]> predict(List<String> texts) {
    List<double[]> out = new ArrayList<>(texts.size());
    for (String t : texts) out.add(distribution(features(t == null ? "" : t)));
    return out;
  }

  private double[] distribution(Map<Integer, Double> x) {
    int k = labels.size();
    double[] z = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double s = bias[c];
      double[] w = weights[c];
      for (Map.Entry<Integer, Double> f : x.entrySet()) s += w[f.getKey()] * f.getValue();
      z[c] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < k; c++) z[c] /= sum;
    return z;
  }

  /** Hashed, log-scaled, L2-normalized character n-gram features. */
  Map<Integer, Double> features(String text) {
    String s = " " + Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ") + " ";
    int[] cps = s.codePoints().toArray();
    Map<Integer, Integer> counts = new HashMap<>();
    for (int n = params.ngramMin(); n <= params.ngramMax(); n++) {
      for (int i = 0; i + n <= cps.length; i++) {
        String g = new String(cps, i, n);
        if (g.isBlank()) continue;
        counts.merge(Math.floorMod((n * 31 + g.hashCode()) * 0x9E3779B1, params.dims()), 1, Integer::sum);
      }
    }
    Map<Integer, Double> x = new HashMap<>();
    double norm = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      double v = 1 + Math.log(e.getValue());
      x.put(e.getKey(), v);
      norm += v * v;
    }
    double n = Math.sqrt(norm);
    if (n > 0) x.replaceAll((key, v) -> v / n);
    return x;
  }
}
