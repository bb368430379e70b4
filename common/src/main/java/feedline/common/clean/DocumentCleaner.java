package feedline.common.clean;

import feedline.common.text.DoorNormalizer;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cleans one document: checks that need the raw text (empty, too long to process), mojibake repair,
 * the binary garbage check, then the other corrections and normalization (each step counted), then language identification and
 * the filters (blocked domains, bad words, language keep-list, quality rules). Thread-safe: holds
 * only immutable configuration and the language identifier.
 */
public final class DocumentCleaner {
  public static final String MOJIBAKE = "mojibake";
  public static final String INVISIBLE = "invisible";
  public static final String HTML_ENTITIES = "html_entities";
  public static final String MARKUP = "markup";
  public static final String UNICODE_FORM = "unicode_form";
  public static final String WIDTH = "width";
  public static final String LINE_WRAPS = "line_wraps";
  public static final String TRADITIONAL_TO_SIMPLIFIED = "traditional_to_simplified";
  public static final String WHITESPACE = "whitespace";
  public static final String PUNCTUATION_RUNS = "punctuation_runs";

  /** Characters of a text the script counts look at (enough to tell the shape of any document). */
  private static final int SCRIPT_SAMPLE = 200_000;

  private final CleanOptions o;
  private final LanguageIdentifier langId;
  private final Blocklists blocklists;
  private final MojibakeRepair mojibake;

  public DocumentCleaner(CleanOptions options) {
    this.o = options;
    this.langId = new LanguageIdentifier(options.lang().minConfidence(), options.lang().maxChars());
    this.blocklists = new Blocklists(options.badWordsOn() ? options.badWords() : List.of(),
        options.domainsOn() ? options.blockedDomains() : List.of());
    this.mojibake = new MojibakeRepair(options.correct().mojibakeMinConfidence());
  }

  public CleanOptions options() {
    return o;
  }

  /**
   * @param text the document text (may be null)
   * @param urls the document's URLs (from the configured url columns), for the domain blocklist
   */
  public CleanResult clean(String text, List<String> urls) {
    QualityThresholds t = o.filters();
    Map<String, Integer> edits = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return dropped(text, edits, Map.of(), new Verdict(CleanRule.EMPTY_TEXT, text == null ? "text is null" : "text is blank"));
    }
    if (t.on(CleanRule.MAX_LENGTH) && text.length() > t.maxInputChars()) {
      return dropped(text, edits, Map.of(QualityMeter.CHARS, (double) text.length()), new Verdict(CleanRule.MAX_LENGTH,
          "chars=" + text.length() + " > max-input-chars " + t.maxInputChars()));
    }
    String s = text;
    CleanOptions.Correct c = o.correct();
    CleanOptions.Normalize n = o.normalize();
    if (c.mojibake()) {
      MojibakeRepair.Result r = mojibake.repair(s);
      s = note(edits, MOJIBAKE, new Edited(r.text(), r.repairs()));
    }
    // after the repair: UTF-8 read as Latin-1 is full of C1 controls that were never garbage
    double garbage = QualityMeter.round(QualityMeter.garbageRatio(s, Integer.MAX_VALUE));
    if (t.on(CleanRule.GARBAGE) && garbage > t.maxGarbageRatio()) {
      return dropped(text, edits, Map.of(QualityMeter.GARBAGE_RATIO, garbage), new Verdict(CleanRule.GARBAGE,
          "garbage_ratio=" + garbage + " > " + t.maxGarbageRatio()));
    }
    if (n.invisible()) s = note(edits, INVISIBLE, InvisibleChars.strip(s));
    if (n.htmlEntities()) s = note(edits, HTML_ENTITIES, MarkupCleaner.decodeEntities(s));
    if (n.markup()) s = note(edits, MARKUP, MarkupCleaner.stripTags(s));
    if (n.unicodeForm() != DoorNormalizer.Form.NONE) {
      Normalizer.Form f = Normalizer.Form.valueOf(n.unicodeForm().name());
      if (!Normalizer.isNormalized(s, f)) {
        String out = Normalizer.normalize(s, f);
        s = note(edits, UNICODE_FORM, new Edited(out, out.equals(s) ? 0 : 1));
      }
    }
    Scripts.Counts counts = Scripts.count(s, SCRIPT_SAMPLE);
    if (n.width()) s = note(edits, WIDTH, WidthNormalizer.normalize(s, counts.shape() == Scripts.Shape.CJK));
    if (c.lineWraps()) s = note(edits, LINE_WRAPS, LineWrapRepair.repair(s, c.wrapMinLineWidth()));
    if (c.traditionalToSimplified()) s = note(edits, TRADITIONAL_TO_SIMPLIFIED, ChineseConverter.toSimplified(s, counts));
    if (n.whitespace()) s = note(edits, WHITESPACE, WhitespaceNormalizer.normalize(s, n.maxBlankLines()));
    if (n.punctuationRuns()) s = note(edits, PUNCTUATION_RUNS, PunctuationRuns.shorten(s, n.maxPunctuationRun()));

    if (s.isBlank()) return dropped(s, edits, Map.of(), new Verdict(CleanRule.EMPTY_TEXT, "text is blank after cleaning"));
    counts = Scripts.count(s, SCRIPT_SAMPLE);
    LanguageIdentifier.Guess guess = langId.identify(s, counts);
    Map<String, Double> quality = QualityMeter.measure(s, counts, t.topNgramN(), t.dupNgramN(), t.cjkNgramScale(), t.maxUnits());
    quality.put(QualityMeter.GARBAGE_RATIO, garbage);
    int badHits = blocklists.badWordHits(s);
    quality.put(QualityMeter.BAD_WORDS, (double) badHits);

    Verdict v = null;
    String blocked = blocklists.blockedDomain(urls, s, o.scanTextUrls());
    if (blocked != null) {
      v = new Verdict(CleanRule.URL_DOMAINS, "domain " + blocked + " is blocked");
    } else if (blocklists.hasWords() && badHits > o.maxBadWordHits()) {
      v = new Verdict(CleanRule.BAD_WORDS, "bad_words=" + badHits + " > " + o.maxBadWordHits());
    } else {
      v = QualityRules.length(quality, counts, t).orElse(null);
      if (v == null && !o.lang().keep().isEmpty() && !o.lang().keep().contains(guess.lang())) {
        v = new Verdict(CleanRule.LANGUAGE, "lang=" + guess.lang() + " (confidence " + guess.confidence() + ") not in " + o.lang().keep());
      }
      if (v == null) v = QualityRules.evaluate(quality, counts, t).orElse(null);
    }
    Double score = QualityRules.score(quality, counts, t);
    return new CleanResult(s, guess.lang(), guess.confidence(), counts.shares(), quality, score, edits, v);
  }

  private static String note(Map<String, Integer> edits, String step, Edited e) {
    if (e.changes() > 0) edits.merge(step, e.changes(), Integer::sum);
    return e.text();
  }

  private static CleanResult dropped(String text, Map<String, Integer> edits, Map<String, Double> quality, Verdict v) {
    return new CleanResult(text, null, 0, Map.of(), new LinkedHashMap<>(quality), null, edits, v);
  }
}
