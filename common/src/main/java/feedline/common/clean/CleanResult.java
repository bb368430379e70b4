package feedline.common.clean;

import java.util.Map;

/**
 * One document after cleaning.
 *
 * @param text the cleaned text (the input text, untouched, when a check before cleaning dropped it)
 * @param lang ISO 639-1 code or {@code und}; null when the document was dropped before language id
 * @param langConfidence confidence of {@code lang} in [0, 1]
 * @param scripts share of each script among the letters
 * @param quality quality signals (see {@link QualityMeter}), kept for rows that pass too
 * @param qualityScore {@link QualityRules#score} in [0, 1], or null when the document was dropped before measuring
 * @param edits changes made, per normalization or correction step (steps that changed nothing are absent)
 * @param verdict the rule that dropped the document, or null when it is kept
 */
public record CleanResult(String text, String lang, double langConfidence, Map<String, Double> scripts,
    Map<String, Double> quality, Double qualityScore, Map<String, Integer> edits, Verdict verdict) {

  public boolean kept() {
    return verdict == null;
  }
}
