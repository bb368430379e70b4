package feedline.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics over aligned gold and predicted labels: accuracy, per-class precision,
 * recall and F1, macro F1 (unweighted mean over classes), micro F1 (from pooled counts; equal to
 * accuracy when every item has exactly one gold and one predicted label from the label set) and
 * the confusion matrix ({@code confusion[gold][predicted]}). A predicted label outside the label
 * set counts as wrong and is listed in {@code unknownPredictions}. A class with no prediction has
 * precision 0, one with no gold item recall 0 (scikit-learn's zero_division=0).
 */
public record ClassificationReport(long n, double accuracy, double macroPrecision, double macroRecall, double macroF1,
    double microPrecision, double microRecall, double microF1, List<ClassScores> perClass, List<String> labels,
    long[][] confusion, long unknownPredictions) {

  /**
   * @param labels the label set in order; null or empty = every label seen in gold, then in predictions
   */
  public static ClassificationReport of(List<String> gold, List<String> predicted, List<String> labels) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(predicted.size() + " predictions but " + gold.size() + " gold labels");
    }
    List<String> set;
    boolean closed = labels != null && !labels.isEmpty();
    if (closed) {
      set = List.copyOf(new LinkedHashSet<>(labels));
    } else {
      LinkedHashSet<String> seen = new LinkedHashSet<>(gold);
      seen.addAll(predicted);
      set = List.copyOf(seen);
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < set.size(); i++) index.put(set.get(i), i);
    int k = set.size();
    long[][] confusion = new long[k][k];
    long[] predOutside = new long[k];
    long correct = 0;
    long unknown = 0;
    for (int i = 0; i < gold.size(); i++) {
      Integer g = index.get(gold.get(i));
      if (g == null) throw new IllegalArgumentException("gold label '" + gold.get(i) + "' at item " + i + " is not in the label set " + set);
      Integer p = index.get(predicted.get(i));
      if (p == null) {
        unknown++;
        predOutside[g]++;
        continue;
      }
      confusion[g][p]++;
      if (g.equals(p)) correct++;
    }
    List<ClassScores> per = new ArrayList<>();
    double sp = 0;
    double sr = 0;
    double sf = 0;
    long tpAll = 0;
    long predAll = 0;
    long goldAll = 0;
    for (int c = 0; c < k; c++) {
      long tp = confusion[c][c];
      long support = predOutside[c];
      long pred = 0;
      for (int j = 0; j < k; j++) {
        support += confusion[c][j];
        pred += confusion[j][c];
      }
      double prec = pred == 0 ? 0 : (double) tp / pred;
      double rec = support == 0 ? 0 : (double) tp / support;
      double f1 = prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
      per.add(new ClassScores(set.get(c), prec, rec, f1, support, pred));
      sp += prec;
      sr += rec;
      sf += f1;
      tpAll += tp;
      predAll += pred;
      goldAll += support;
    }
    double microP = predAll == 0 ? 0 : (double) tpAll / predAll;
    double microR = goldAll == 0 ? 0 : (double) tpAll / goldAll;
    double microF = microP + microR == 0 ? 0 : 2 * microP * microR / (microP + microR);
    long n = gold.size();
    return new ClassificationReport(n, n == 0 ? 0 : (double) correct / n, k == 0 ? 0 : sp / k, k == 0 ? 0 : sr / k,
        k == 0 ? 0 : sf / k, microP, microR, microF, per, set, confusion, unknown);
  }
}
