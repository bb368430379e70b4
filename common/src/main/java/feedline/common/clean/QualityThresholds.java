package feedline.common.clean;

import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Thresholds of the quality rules, bound from {@code feedline.clean.filters}. A rule whose block
 * says {@code enabled = false} is measured but never drops.
 */
public record QualityThresholds(
    Set<CleanRule> enabled,
    double maxGarbageRatio,
    int maxInputChars,
    int maxWords,
    int maxCjkChars,
    int minWords,
    int minCjkChars,
    int minOtherChars,
    int ratioMinUnits,
    double maxSymbolRatio,
    double maxDigitRatio,
    double minAlphaWords,
    double minCjkLetters,
    double minMeanWordLength,
    double maxMeanWordLength,
    int minLines,
    double minLinePunct,
    double maxBulletLines,
    double maxEllipsisLines,
    double maxDupLineFraction,
    double maxDupLineCharFraction,
    double maxDupParaFraction,
    double maxDupParaCharFraction,
    List<Integer> topNgramN,
    List<Double> topNgramMax,
    List<Integer> dupNgramN,
    List<Double> dupNgramMax,
    int cjkNgramScale,
    int maxUnits) implements Serializable {

  public boolean on(CleanRule r) {
    return enabled.contains(r);
  }

  public static QualityThresholds from(Settings f) {
    Set<CleanRule> on = EnumSet.of(CleanRule.EMPTY_TEXT);
    for (CleanRule r : CleanRule.values()) {
      if (r == CleanRule.EMPTY_TEXT || r == CleanRule.LANGUAGE || r == CleanRule.URL_DOMAINS || r == CleanRule.BAD_WORDS) continue;
      if (f.bool(r.key() + ".enabled")) on.add(r);
    }
    List<Integer> topN = ints(f, "top-ngram.n");
    List<Double> topMax = fractions(f, "top-ngram.max");
    List<Integer> dupN = ints(f, "duplicate-ngrams.n");
    List<Double> dupMax = fractions(f, "duplicate-ngrams.max");
    if (topN.size() != topMax.size()) {
      throw new ConfigError(f.path("top-ngram.max"), topMax, "one threshold per n in " + f.path("top-ngram.n") + " " + topN);
    }
    if (dupN.size() != dupMax.size()) {
      throw new ConfigError(f.path("duplicate-ngrams.max"), dupMax, "one threshold per n in " + f.path("duplicate-ngrams.n") + " " + dupN);
    }
    double minMean = f.number("mean-word-length.min", 0, 1000);
    double maxMean = f.number("mean-word-length.max", 0, 1000);
    if (minMean > maxMean) throw new ConfigError(f.path("mean-word-length.min"), minMean, "at most mean-word-length.max = " + maxMean);
    return new QualityThresholds(on,
        f.number("garbage.max-ratio", 0, 1),
        f.integer("max-length.max-input-chars", 1, Integer.MAX_VALUE - 64),
        f.integer("max-length.max-words", 1, Integer.MAX_VALUE),
        f.integer("max-length.max-cjk-chars", 1, Integer.MAX_VALUE),
        f.integer("min-length.min-words", 0, Integer.MAX_VALUE),
        f.integer("min-length.min-cjk-chars", 0, Integer.MAX_VALUE),
        f.integer("min-length.min-other-chars", 0, Integer.MAX_VALUE),
        f.integer("ratio-min-units", 0, Integer.MAX_VALUE),
        f.number("symbol-ratio.max", 0, 1000),
        f.number("digit-ratio.max", 0, 1),
        f.number("alpha-words.min", 0, 1),
        f.number("alpha-words.min-cjk", 0, 1),
        minMean, maxMean,
        f.integer("line-punctuation.min-lines", 1, Integer.MAX_VALUE),
        f.number("line-punctuation.min", 0, 1),
        f.number("bullet-lines.max", 0, 1),
        f.number("ellipsis-lines.max", 0, 1),
        f.number("duplicate-lines.max-line-fraction", 0, 1),
        f.number("duplicate-lines.max-char-fraction", 0, 1),
        f.number("duplicate-paragraphs.max-paragraph-fraction", 0, 1),
        f.number("duplicate-paragraphs.max-char-fraction", 0, 1),
        topN, topMax, dupN, dupMax,
        f.integer("cjk-ngram-scale", 1, 10),
        f.integer("max-units", 100, Integer.MAX_VALUE));
  }

  private static List<Integer> ints(Settings f, String key) {
    List<Integer> out = new ArrayList<>();
    for (String v : f.stringList(key)) {
      try {
        int n = Integer.parseInt(v.strip());
        if (n < 1 || n > 50) throw new NumberFormatException();
        out.add(n);
      } catch (NumberFormatException e) {
        throw new ConfigError(f.path(key), v, "a list of n-gram sizes in [1, 50]");
      }
    }
    return List.copyOf(out);
  }

  private static List<Double> fractions(Settings f, String key) {
    List<Double> out = new ArrayList<>();
    for (String v : f.stringList(key)) {
      try {
        double d = Double.parseDouble(v.strip());
        if (!(d >= 0 && d <= 1)) throw new NumberFormatException();
        out.add(d);
      } catch (NumberFormatException e) {
        throw new ConfigError(f.path(key), v, "a list of fractions in [0, 1]");
      }
    }
    return List.copyOf(out);
  }
}
