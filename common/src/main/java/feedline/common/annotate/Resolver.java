package feedline.common.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Majority resolution. Single-label tasks: the label with a unique highest vote wins when its share
 * of the item's votes exceeds {@code minShare}; otherwise the item goes to review (no_majority).
 * NER: a span (same start, end and label) is kept when its share exceeds {@code minShare}; an exact
 * tie (share equal to {@code minShare}) or kept spans that overlap send the item to review
 * (contested_span). Items with fewer than {@code minAnnotators} answers go to review.
 */
public final class Resolver {
  private final AnnotateConfig config;

  public Resolver(AnnotateConfig config) {
    this.config = config;
  }

  public Resolution resolve(String docId, List<Annotation> anns) {
    int n = anns.size();
    Map<String, Integer> votes = new TreeMap<>();
    if (config.task().singleLabel()) {
      for (Annotation a : anns) votes.merge(a.label(), 1, Integer::sum);
      String best = null;
      int top = 0;
      boolean tie = false;
      for (Map.Entry<String, Integer> e : votes.entrySet()) {
        if (e.getValue() > top) {
          best = e.getKey();
          top = e.getValue();
          tie = false;
        } else if (e.getValue() == top) {
          tie = true;
        }
      }
      double share = n == 0 ? 0 : (double) top / n;
      if (n < config.minAnnotators()) return review(docId, AnnotateReasons.TOO_FEW_ANNOTATORS, n, share, votes, anns);
      if (tie || share <= config.minShare()) return review(docId, AnnotateReasons.NO_MAJORITY, n, share, votes, anns);
      return new Resolution(docId, true, best, List.of(), n, share, null, votes, anns);
    }
    Map<Span, Integer> spanVotes = new TreeMap<>();
    for (Annotation a : anns) {
      a.spans().stream().distinct().forEach(s -> spanVotes.merge(s, 1, Integer::sum));
    }
    spanVotes.forEach((s, v) -> votes.put(s.start() + ":" + s.end() + ":" + s.label(), v));
    List<Span> kept = new ArrayList<>();
    boolean contested = false;
    double minKeptShare = 1.0;
    for (Map.Entry<Span, Integer> e : spanVotes.entrySet()) {
      double share = (double) e.getValue() / n;
      if (share > config.minShare()) {
        kept.add(e.getKey());
        minKeptShare = Math.min(minKeptShare, share);
      } else if (Math.abs(share - config.minShare()) < 1e-12) {
        contested = true;
      }
    }
    for (int i = 1; i < kept.size(); i++) {
      if (kept.get(i).start() < kept.get(i - 1).end()) contested = true;
    }
    if (n < config.minAnnotators()) return review(docId, AnnotateReasons.TOO_FEW_ANNOTATORS, n, minKeptShare, votes, anns);
    if (contested) return review(docId, AnnotateReasons.CONTESTED_SPAN, n, minKeptShare, votes, anns);
    return new Resolution(docId, true, null, kept, n, minKeptShare, null, votes, anns);
  }

  private static Resolution review(String docId, String reason, int n, double share, Map<String, Integer> votes, List<Annotation> anns) {
    return new Resolution(docId, false, null, List.of(), n, share, reason, votes, anns);
  }
}
