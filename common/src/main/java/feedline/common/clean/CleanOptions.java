package feedline.common.clean;

import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.common.text.DoorNormalizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Everything the clean stage is configured with, bound and validated from {@code feedline.clean}. */
public record CleanOptions(
    Normalize normalize,
    Correct correct,
    Lang lang,
    QualityThresholds filters,
    boolean badWordsOn,
    List<String> badWords,
    int maxBadWordHits,
    boolean domainsOn,
    List<String> blockedDomains,
    List<String> urlColumns,
    boolean scanTextUrls) implements Serializable {

  /** Normalization steps, each switchable. */
  public record Normalize(boolean invisible, boolean htmlEntities, boolean markup, DoorNormalizer.Form unicodeForm,
      boolean width, boolean whitespace, int maxBlankLines, boolean punctuationRuns, int maxPunctuationRun) implements Serializable {}

  /** Error corrections, each switchable. */
  public record Correct(boolean mojibake, int mojibakeMinConfidence, boolean traditionalToSimplified, boolean lineWraps,
      int wrapMinLineWidth) implements Serializable {}

  /** Language identification; an empty keep-list keeps every language. */
  public record Lang(List<String> keep, double minConfidence, int maxChars) implements Serializable {}

  public static CleanOptions from(Settings s) {
    Settings n = s.sub("normalize");
    Normalize norm = new Normalize(n.bool("invisible"), n.bool("html-entities"), n.bool("markup"),
        n.enumValue("unicode-form", DoorNormalizer.Form.class), n.bool("width"), n.bool("whitespace"),
        n.integer("max-blank-lines", 0, 100), n.bool("punctuation-runs"), n.integer("max-punctuation-run", 1, 100));
    Settings c = s.sub("correct");
    Correct corr = new Correct(c.bool("mojibake"), c.integer("mojibake-min-confidence", 0, 100),
        c.bool("traditional-to-simplified"), c.bool("line-wraps"), c.integer("wrap-min-line-width", 1, 100_000));
    Settings l = s.sub("lang");
    List<String> keep = new ArrayList<>();
    for (String k : l.stringList("keep")) {
      String code = k.strip().toLowerCase(Locale.ROOT);
      if (!code.matches("[a-z]{2,3}")) throw new ConfigError(l.path("keep"), k, "ISO 639 language codes such as zh, en, und");
      keep.add(code);
    }
    Lang lang = new Lang(List.copyOf(keep), l.number("min-confidence", 0, 1), l.integer("max-chars", 100, Integer.MAX_VALUE));
    Settings f = s.sub("filters");
    QualityThresholds q = QualityThresholds.from(f);
    List<String> words = new ArrayList<>(f.stringList("bad-words.words"));
    words.addAll(Blocklists.readLines(f.stringList("bad-words.files")));
    List<String> domains = new ArrayList<>(f.stringList("url-domains.domains"));
    domains.addAll(Blocklists.readLines(f.stringList("url-domains.files")));
    return new CleanOptions(norm, corr, lang, q, f.bool("bad-words.enabled"), List.copyOf(words),
        f.integer("bad-words.max-hits", 0, Integer.MAX_VALUE), f.bool("url-domains.enabled"), List.copyOf(domains),
        f.stringList("url-domains.url-columns"), f.bool("url-domains.scan-text"));
  }
}
