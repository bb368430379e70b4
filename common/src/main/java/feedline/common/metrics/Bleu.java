package feedline.common.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Corpus-level BLEU with sacrebleu's semantics: per segment the hypothesis n-gram counts are
 * clipped by the maximum count over the references, the closest reference length (ties to the
 * shorter) is summed for the brevity penalty, and the corpus statistics give the score. Smoothing
 * {@code exp} (the default), {@code floor}, {@code add-k} or {@code none}; optional effective order.
 *
 * @param tokenizer how hypotheses and references are tokenized (sacrebleu's default is 13a)
 * @param lowercase lowercase before tokenizing
 * @param smooth smoothing method
 * @param smoothValue value for floor (default 0.1) and add-k (default 1); NaN for the default
 * @param maxOrder highest n-gram order (4)
 * @param effectiveOrder stop at the highest order with hypothesis n-grams (for sentence-level use)
 */
public record Bleu(BleuTokenizer tokenizer, boolean lowercase, Smooth smooth, double smoothValue, int maxOrder,
    boolean effectiveOrder) {

  /** sacrebleu's smoothing methods. */
  public enum Smooth {
    NONE, FLOOR, ADD_K, EXP
  }

  public Bleu {
    if (maxOrder < 1) throw new IllegalArgumentException("maxOrder must be >= 1, got " + maxOrder);
  }

  /** sacrebleu's defaults: 13a, case-sensitive, exp smoothing, order 4. */
  public static Bleu defaults() {
    return new Bleu(BleuTokenizer.V13A, false, Smooth.EXP, Double.NaN, 4, false);
  }

  public Bleu withTokenizer(BleuTokenizer t) {
    return new Bleu(t, lowercase, smooth, smoothValue, maxOrder, effectiveOrder);
  }

  /**
   * Corpus BLEU of {@code hypotheses} against one or more reference streams; every stream holds one
   * reference per hypothesis (sacrebleu's {@code corpus_bleu(hyps, [refs1, refs2, ...])}).
   */
  public BleuScore corpus(List<String> hypotheses, List<List<String>> referenceStreams) {
    if (referenceStreams.isEmpty()) throw new IllegalArgumentException("BLEU needs at least one reference stream");
    for (List<String> stream : referenceStreams) {
      if (stream.size() != hypotheses.size()) {
        throw new IllegalArgumentException("a reference stream has " + stream.size() + " lines but there are "
            + hypotheses.size() + " hypotheses");
      }
    }
    long[] correct = new long[maxOrder];
    long[] total = new long[maxOrder];
    long sysLen = 0;
    long refLen = 0;
    for (int i = 0; i < hypotheses.size(); i++) {
      Map<List<String>, Integer> refNgrams = new HashMap<>();
      List<Integer> refLens = new ArrayList<>();
      for (List<String> stream : referenceStreams) {
        String ref = stream.get(i);
        if (ref == null) continue;
        List<String> toks = PyText.split(preprocess(ref));
        refLens.add(toks.size());
        ngrams(toks).forEach((g, c) -> refNgrams.merge(g, c, Math::max));
      }
      List<String> hyp = PyText.split(preprocess(hypotheses.get(i) == null ? "" : hypotheses.get(i)));
      sysLen += hyp.size();
      refLen += closest(hyp.size(), refLens);
      for (Map.Entry<List<String>, Integer> e : ngrams(hyp).entrySet()) {
        int n = e.getKey().size() - 1;
        total[n] += e.getValue();
        Integer r = refNgrams.get(e.getKey());
        if (r != null) correct[n] += Math.min(e.getValue(), r);
      }
    }
    return compute(correct, total, sysLen, refLen);
  }

  private String preprocess(String s) {
    if (lowercase) s = s.toLowerCase(Locale.ROOT);
    return tokenizer.tokenize(PyText.rstrip(s));
  }

  private Map<List<String>, Integer> ngrams(List<String> toks) {
    Map<List<String>, Integer> out = new HashMap<>();
    for (int n = 1; n <= maxOrder; n++) {
      for (int i = 0; i + n <= toks.size(); i++) out.merge(List.copyOf(toks.subList(i, i + n)), 1, Integer::sum);
    }
    return out;
  }

  private static int closest(int hypLen, List<Integer> refLens) {
    int bestDiff = -1;
    int best = -1;
    for (int r : refLens) {
      int diff = Math.abs(hypLen - r);
      if (bestDiff == -1 || diff < bestDiff) {
        bestDiff = diff;
        best = r;
      } else if (diff == bestDiff && r < best) {
        best = r;
      }
    }
    return Math.max(best, 0);
  }

  /** The score from sufficient statistics (sacrebleu's {@code compute_bleu}). */
  public BleuScore compute(long[] correctIn, long[] totalIn, long sysLen, long refLen) {
    double[] correct = new double[maxOrder];
    double[] total = new double[maxOrder];
    for (int i = 0; i < maxOrder; i++) {
      correct[i] = correctIn[i];
      total[i] = totalIn[i];
    }
    double value = Double.isNaN(smoothValue) ? (smooth == Smooth.FLOOR ? 0.1 : smooth == Smooth.ADD_K ? 1 : 0) : smoothValue;
    double bp = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0) : 1.0;
    double[] precisions = new double[maxOrder];
    boolean anyCorrect = false;
    for (long c : correctIn) anyCorrect |= c != 0;
    if (!anyCorrect) return result(0.0, correctIn, totalIn, precisions, bp, sysLen, refLen);
    double smoothMteval = 1.0;
    int effOrder = maxOrder;
    for (int n = 1; n <= maxOrder; n++) {
      if (smooth == Smooth.ADD_K && n > 1) {
        correct[n - 1] += value;
        total[n - 1] += value;
      }
      if (total[n - 1] == 0) break;
      if (effectiveOrder) effOrder = n;
      if (correct[n - 1] == 0) {
        if (smooth == Smooth.EXP) {
          smoothMteval *= 2;
          precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
        } else if (smooth == Smooth.FLOOR) {
          precisions[n - 1] = 100.0 * value / total[n - 1];
        }
      } else {
        precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
      }
    }
    double logSum = 0;
    for (int i = 0; i < effOrder; i++) logSum += precisions[i] > 0 ? Math.log(precisions[i]) : -9999999999.0;
    return result(bp * Math.exp(logSum / effOrder), correctIn, totalIn, precisions, bp, sysLen, refLen);
  }

  private BleuScore result(double score, long[] c, long[] t, double[] p, double bp, long sys, long ref) {
    List<Long> cl = new ArrayList<>();
    List<Long> tl = new ArrayList<>();
    List<Double> pl = new ArrayList<>();
    for (int i = 0; i < maxOrder; i++) {
      cl.add(c[i]);
      tl.add(t[i]);
      pl.add(p[i]);
    }
    return new BleuScore(score, cl, tl, pl, bp, sys, ref, tokenizer.id());
  }
}
