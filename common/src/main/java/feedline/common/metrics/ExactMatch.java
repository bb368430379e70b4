package feedline.common.metrics;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Share of predictions equal to their reference after trimming (and, optionally, case folding and NFKC). */
public final class ExactMatch {
  private ExactMatch() {}

  public static double score(List<String> predictions, List<String> references, boolean normalize) {
    if (predictions.size() != references.size()) {
      throw new IllegalArgumentException(predictions.size() + " predictions but " + references.size() + " references");
    }
    if (predictions.isEmpty()) return 0;
    long hits = 0;
    for (int i = 0; i < predictions.size(); i++) {
      if (norm(predictions.get(i), normalize).equals(norm(references.get(i), normalize))) hits++;
    }
    return (double) hits / predictions.size();
  }

  static String norm(String s, boolean normalize) {
    String t = s == null ? "" : s.strip();
    if (!normalize) return t;
    return Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
