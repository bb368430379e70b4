package feedline.common.clean;

import static feedline.common.clean.QualityMeter.*;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Gopher quality rules and their CJK variants, evaluated on measured signals in a fixed order;
 * the first rule that fires is the verdict. Space-delimited text is judged in words, CJK text in
 * characters; text in a script without word spaces that no rule is written for (Thai, Khmer ...)
 * is judged only on its length in characters, symbols and digits.
 */
public final class QualityRules {
  private QualityRules() {}

  /** The length rules (checked before the language, whose guess is unreliable on very short texts). */
  public static Optional<Verdict> length(Map<String, Double> m, Scripts.Counts counts, QualityThresholds t) {
    Scripts.Shape shape = counts.shape();
    double units = m.get(UNITS);
    double chars = m.get(CHARS);
    if (t.on(CleanRule.MAX_LENGTH)) {
      if (shape == Scripts.Shape.CJK && counts.cjkChars() > t.maxCjkChars()) {
        return fire(CleanRule.MAX_LENGTH, "cjk_chars", counts.cjkChars(), ">", t.maxCjkChars());
      }
      if (shape != Scripts.Shape.CJK && units > t.maxWords()) return fire(CleanRule.MAX_LENGTH, "words", units, ">", t.maxWords());
    }
    if (t.on(CleanRule.MIN_LENGTH)) {
      switch (shape) {
        case CJK -> {
          if (counts.cjkChars() < t.minCjkChars()) return fire(CleanRule.MIN_LENGTH, "cjk_chars", counts.cjkChars(), "<", t.minCjkChars());
        }
        case SPACED -> {
          if (units < t.minWords()) return fire(CleanRule.MIN_LENGTH, "words", units, "<", t.minWords());
        }
        default -> {
          if (chars < t.minOtherChars()) return fire(CleanRule.MIN_LENGTH, "chars", chars, "<", t.minOtherChars());
        }
      }
    }
    return Optional.empty();
  }

  /** The other rules, in order. */
  public static Optional<Verdict> evaluate(Map<String, Double> m, Scripts.Counts counts, QualityThresholds t) {
    Scripts.Shape shape = counts.shape();
    // ratios over a handful of units say little (Gopher only judges documents of 50 words and more)
    boolean enoughUnits = m.get(UNITS) >= t.ratioMinUnits();
    if (enoughUnits && t.on(CleanRule.SYMBOL_RATIO) && m.get(SYMBOL_RATIO) > t.maxSymbolRatio()) {
      return fire(CleanRule.SYMBOL_RATIO, SYMBOL_RATIO, m.get(SYMBOL_RATIO), ">", t.maxSymbolRatio());
    }
    if (enoughUnits && t.on(CleanRule.DIGIT_RATIO) && m.get(DIGIT_RATIO) > t.maxDigitRatio()) {
      return fire(CleanRule.DIGIT_RATIO, DIGIT_RATIO, m.get(DIGIT_RATIO), ">", t.maxDigitRatio());
    }
    if (shape == Scripts.Shape.UNSEGMENTED || shape == Scripts.Shape.NONE) return Optional.empty();
    boolean cjk = shape == Scripts.Shape.CJK;
    if (enoughUnits && t.on(CleanRule.ALPHA_WORDS)) {
      double min = cjk ? t.minCjkLetters() : t.minAlphaWords();
      if (m.get(ALPHA_FRACTION) < min) return fire(CleanRule.ALPHA_WORDS, ALPHA_FRACTION, m.get(ALPHA_FRACTION), "<", min);
    }
    // Gopher's word length bounds hold for alphabetic scripts; Hangul words are syllable blocks
    if (enoughUnits && t.on(CleanRule.MEAN_WORD_LENGTH) && !cjk && counts.share("hangul") < 0.5 && m.containsKey(MEAN_WORD_LENGTH)) {
      double mean = m.get(MEAN_WORD_LENGTH);
      if (mean < t.minMeanWordLength()) return fire(CleanRule.MEAN_WORD_LENGTH, MEAN_WORD_LENGTH, mean, "<", t.minMeanWordLength());
      if (mean > t.maxMeanWordLength()) return fire(CleanRule.MEAN_WORD_LENGTH, MEAN_WORD_LENGTH, mean, ">", t.maxMeanWordLength());
    }
    boolean manyLines = m.get(LINES) >= t.minLines();
    if (manyLines && t.on(CleanRule.LINE_PUNCTUATION) && m.get(LINE_PUNCT_FRACTION) < t.minLinePunct()) {
      return fire(CleanRule.LINE_PUNCTUATION, LINE_PUNCT_FRACTION, m.get(LINE_PUNCT_FRACTION), "<", t.minLinePunct());
    }
    if (manyLines && t.on(CleanRule.BULLET_LINES) && m.get(BULLET_LINE_FRACTION) > t.maxBulletLines()) {
      return fire(CleanRule.BULLET_LINES, BULLET_LINE_FRACTION, m.get(BULLET_LINE_FRACTION), ">", t.maxBulletLines());
    }
    if (manyLines && t.on(CleanRule.ELLIPSIS_LINES) && m.get(ELLIPSIS_LINE_FRACTION) > t.maxEllipsisLines()) {
      return fire(CleanRule.ELLIPSIS_LINES, ELLIPSIS_LINE_FRACTION, m.get(ELLIPSIS_LINE_FRACTION), ">", t.maxEllipsisLines());
    }
    if (t.on(CleanRule.DUPLICATE_LINES) && m.containsKey(DUP_LINE_FRACTION)) {
      if (m.get(DUP_LINE_FRACTION) > t.maxDupLineFraction()) {
        return fire(CleanRule.DUPLICATE_LINES, DUP_LINE_FRACTION, m.get(DUP_LINE_FRACTION), ">", t.maxDupLineFraction());
      }
      if (m.get(DUP_LINE_CHAR_FRACTION) > t.maxDupLineCharFraction()) {
        return fire(CleanRule.DUPLICATE_LINES, DUP_LINE_CHAR_FRACTION, m.get(DUP_LINE_CHAR_FRACTION), ">", t.maxDupLineCharFraction());
      }
    }
    if (t.on(CleanRule.DUPLICATE_PARAGRAPHS)) {
      if (m.get(DUP_PARA_FRACTION) > t.maxDupParaFraction()) {
        return fire(CleanRule.DUPLICATE_PARAGRAPHS, DUP_PARA_FRACTION, m.get(DUP_PARA_FRACTION), ">", t.maxDupParaFraction());
      }
      if (m.get(DUP_PARA_CHAR_FRACTION) > t.maxDupParaCharFraction()) {
        return fire(CleanRule.DUPLICATE_PARAGRAPHS, DUP_PARA_CHAR_FRACTION, m.get(DUP_PARA_CHAR_FRACTION), ">", t.maxDupParaCharFraction());
      }
    }
    if (t.on(CleanRule.TOP_NGRAM)) {
      for (int i = 0; i < t.topNgramN().size(); i++) {
        String k = topNgram(t.topNgramN().get(i));
        if (m.getOrDefault(k, 0.0) > t.topNgramMax().get(i)) return fire(CleanRule.TOP_NGRAM, k, m.get(k), ">", t.topNgramMax().get(i));
      }
    }
    if (t.on(CleanRule.DUPLICATE_NGRAMS)) {
      for (int i = 0; i < t.dupNgramN().size(); i++) {
        String k = dupNgram(t.dupNgramN().get(i));
        if (m.getOrDefault(k, 0.0) > t.dupNgramMax().get(i)) {
          return fire(CleanRule.DUPLICATE_NGRAMS, k, m.get(k), ">", t.dupNgramMax().get(i));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A quality score in [0, 1]: the mean headroom left under the thresholds of the ratio and
   * repetition rules that apply to the text (1 = nowhere near a threshold, 0 = at or past it). For
   * a "max" threshold the headroom is {@code 1 - value / max}; for a "min" threshold it is
   * {@code (value - min) / (1 - min)}. Disabled rules count too, so the score does not depend on
   * which rules drop. A ranking signal for later stages (dedup's survivor policy), not a verdict.
   */
  public static double score(Map<String, Double> m, Scripts.Counts counts, QualityThresholds t) {
    Scripts.Shape shape = counts.shape();
    double sum = 0;
    int n = 0;
    sum += underMax(m.get(SYMBOL_RATIO), t.maxSymbolRatio());
    sum += underMax(m.get(DIGIT_RATIO), t.maxDigitRatio());
    n += 2;
    if (shape == Scripts.Shape.CJK || shape == Scripts.Shape.SPACED) {
      boolean cjk = shape == Scripts.Shape.CJK;
      sum += overMin(m.get(ALPHA_FRACTION), cjk ? t.minCjkLetters() : t.minAlphaWords());
      n++;
      if (m.get(LINES) >= t.minLines()) {
        sum += overMin(m.get(LINE_PUNCT_FRACTION), t.minLinePunct());
        n++;
      }
      sum += underMax(m.get(DUP_LINE_CHAR_FRACTION), t.maxDupLineCharFraction());
      sum += underMax(m.get(DUP_PARA_CHAR_FRACTION), t.maxDupParaCharFraction());
      n += 2;
      for (int i = 0; i < t.topNgramN().size(); i++) {
        sum += underMax(m.getOrDefault(topNgram(t.topNgramN().get(i)), 0.0), t.topNgramMax().get(i));
        n++;
      }
      for (int i = 0; i < t.dupNgramN().size(); i++) {
        sum += underMax(m.getOrDefault(dupNgram(t.dupNgramN().get(i)), 0.0), t.dupNgramMax().get(i));
        n++;
      }
    }
    return Math.round(sum / n * 10000.0) / 10000.0;
  }

  private static double underMax(Double value, double max) {
    if (value == null) return 1;
    if (max <= 0) return value <= 0 ? 1 : 0;
    return Math.max(0, Math.min(1, 1 - value / max));
  }

  private static double overMin(Double value, double min) {
    if (value == null) return 1;
    if (min >= 1) return value >= 1 ? 1 : 0;
    return Math.max(0, Math.min(1, (value - min) / (1 - min)));
  }

  static Optional<Verdict> fire(CleanRule rule, String signal, double value, String op, double threshold) {
    return Optional.of(new Verdict(rule, signal + "=" + fmt(value) + " " + op + " " + fmt(threshold)));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.4f", d);
  }
}
