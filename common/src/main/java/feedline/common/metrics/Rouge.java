package feedline.common.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ROUGE-N, ROUGE-L and ROUGE-Lsum with the semantics of Google's rouge-score (ROUGE-1.5.5
 * compatible, no stemming): n-gram overlap clipped by counts, LCS over the token sequences, and
 * for Lsum the summary-level union LCS over newline-separated sentences without double counting.
 * Corpus scores are the mean of per-pair scores.
 *
 * @param types rouge types: rouge1 .. rouge9, rougeL, rougeLsum
 * @param tokenizer rouge-score's default tokenizer or the character mode for Chinese
 */
public record Rouge(List<String> types, RougeTokenizer tokenizer) {

  public Rouge {
    for (String t : types) {
      if (!t.equals("rougeL") && !t.equals("rougeLsum") && !t.matches("rouge[1-9]")) {
        throw new IllegalArgumentException("invalid rouge type '" + t + "'; allowed: rouge1..rouge9, rougeL, rougeLsum");
      }
    }
    types = List.copyOf(types);
  }

  public static Rouge standard(RougeTokenizer tokenizer) {
    return new Rouge(List.of("rouge1", "rouge2", "rougeL", "rougeLsum"), tokenizer);
  }

  /** Scores of one prediction against its target, by type. */
  public Map<String, RougeScore> score(String target, String prediction) {
    List<String> t = tokenizer.tokenize(target);
    List<String> p = tokenizer.tokenize(prediction);
    Map<String, RougeScore> out = new LinkedHashMap<>();
    for (String type : types) {
      if (type.equals("rougeL")) {
        out.put(type, lcsScore(t, p));
      } else if (type.equals("rougeLsum")) {
        out.put(type, summaryLevelLcs(sentences(target), sentences(prediction)));
      } else {
        int n = type.charAt(5) - '0';
        out.put(type, ngramScore(ngrams(t, n), ngrams(p, n)));
      }
    }
    return out;
  }

  /** Mean precision, recall and F-measure per type over aligned targets and predictions. */
  public Map<String, RougeScore> corpus(List<String> targets, List<String> predictions) {
    if (targets.size() != predictions.size()) {
      throw new IllegalArgumentException(predictions.size() + " predictions but " + targets.size() + " references");
    }
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (String type : types) sums.put(type, new double[3]);
    for (int i = 0; i < targets.size(); i++) {
      score(targets.get(i), predictions.get(i)).forEach((type, s) -> {
        double[] a = sums.get(type);
        a[0] += s.precision();
        a[1] += s.recall();
        a[2] += s.fmeasure();
      });
    }
    Map<String, RougeScore> out = new LinkedHashMap<>();
    int n = Math.max(1, targets.size());
    sums.forEach((type, a) -> out.put(type, new RougeScore(a[0] / n, a[1] / n, a[2] / n)));
    return out;
  }

  private List<List<String>> sentences(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String s : text.split("\n", -1)) {
      if (!s.isEmpty()) out.add(tokenizer.tokenize(s));
    }
    return out;
  }

  static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
    Map<List<String>, Integer> out = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) out.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
    return out;
  }

  static RougeScore ngramScore(Map<List<String>, Integer> target, Map<List<String>, Integer> prediction) {
    long overlap = 0;
    for (Map.Entry<List<String>, Integer> e : target.entrySet()) {
      overlap += Math.min(e.getValue(), prediction.getOrDefault(e.getKey(), 0));
    }
    long tc = target.values().stream().mapToLong(Integer::longValue).sum();
    long pc = prediction.values().stream().mapToLong(Integer::longValue).sum();
    return RougeScore.of((double) overlap / Math.max(pc, 1), (double) overlap / Math.max(tc, 1));
  }

  static RougeScore lcsScore(List<String> target, List<String> prediction) {
    if (target.isEmpty() || prediction.isEmpty()) return RougeScore.ZERO;
    int lcs = lcsTable(target, prediction)[target.size()][prediction.size()];
    return RougeScore.of((double) lcs / prediction.size(), (double) lcs / target.size());
  }

  static int[][] lcsTable(List<String> ref, List<String> can) {
    int[][] t = new int[ref.size() + 1][can.size() + 1];
    for (int i = 1; i <= ref.size(); i++) {
      for (int j = 1; j <= can.size(); j++) {
        t[i][j] = ref.get(i - 1).equals(can.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t;
  }

  /** Indices into {@code ref} of one longest common subsequence (rouge-score's backtrack). */
  static List<Integer> lcsIndices(List<String> ref, List<String> can) {
    int[][] t = lcsTable(ref, can);
    int i = ref.size();
    int j = can.size();
    List<Integer> out = new ArrayList<>();
    while (i > 0 && j > 0) {
      if (ref.get(i - 1).equals(can.get(j - 1))) {
        out.add(0, i - 1);
        i--;
        j--;
      } else if (t[i][j - 1] > t[i - 1][j]) {
        j--;
      } else {
        i--;
      }
    }
    return out;
  }

  static RougeScore summaryLevelLcs(List<List<String>> refSents, List<List<String>> canSents) {
    if (refSents.isEmpty() || canSents.isEmpty()) return RougeScore.ZERO;
    int m = refSents.stream().mapToInt(List::size).sum();
    int n = canSents.stream().mapToInt(List::size).sum();
    if (m == 0 || n == 0) return RougeScore.ZERO;
    Map<String, Integer> refCounts = new HashMap<>();
    Map<String, Integer> canCounts = new HashMap<>();
    refSents.forEach(s -> s.forEach(tok -> refCounts.merge(tok, 1, Integer::sum)));
    canSents.forEach(s -> s.forEach(tok -> canCounts.merge(tok, 1, Integer::sum)));
    int hits = 0;
    for (List<String> r : refSents) {
      TreeSet<Integer> union = new TreeSet<>();
      for (List<String> c : canSents) union.addAll(lcsIndices(r, c));
      for (int idx : union) {
        String tok = r.get(idx);
        if (canCounts.getOrDefault(tok, 0) > 0 && refCounts.getOrDefault(tok, 0) > 0) {
          hits++;
          canCounts.merge(tok, -1, Integer::sum);
          refCounts.merge(tok, -1, Integer::sum);
        }
      }
    }
    return RougeScore.of((double) hits / n, (double) hits / m);
  }
}
