package feedline.common.clean;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Language of a document. CJK text is decided by script, counted in units (one CJK character or
 * one space-delimited word each): when CJK units are the majority the text is Japanese if it has
 * kana, else Chinese. Everything else goes to optimaize's n-gram language detector (71 built-in
 * profiles) with the CJK characters taken out, so English with a few Chinese words is English.
 * A best guess below {@code minConfidence}, or a text without letters, is {@code und}.
 * Thread-safe; the profiles load once per JVM (about a second).
 */
public final class LanguageIdentifier {
  public static final String UNDETERMINED = "und";

  /** Language code (ISO 639-1, or und) and the confidence in [0, 1]. */
  public record Guess(String lang, double confidence) {}

  private final LanguageDetector detector;
  private final TextObjectFactory texts;
  private final double minConfidence;
  private final int maxChars;

  public LanguageIdentifier(double minConfidence, int maxChars) {
    this.detector = Profiles.DETECTOR;
    this.texts = CommonTextObjectFactories.forDetectingOnLargeText();
    this.minConfidence = minConfidence;
    this.maxChars = maxChars;
  }

  public Guess identify(String text, Scripts.Counts counts) {
    if (text == null || counts.total() == 0) return new Guess(UNDETERMINED, 0);
    int units = counts.cjkChars() + counts.spacedWords() + counts.unsegmentedChars();
    if (counts.cjkChars() > 0 && counts.cjkChars() >= counts.spacedWords() + counts.unsegmentedChars()) {
      double share = round(counts.cjkChars() / (double) units);
      boolean japanese = counts.kanaChars() * 10 >= counts.cjkChars();
      return new Guess(japanese ? "ja" : "zh", share);
    }
    String sample = text.length() > maxChars ? text.substring(0, maxChars) : text;
    if (counts.cjkChars() > 0) sample = withoutCjk(sample);
    List<DetectedLanguage> probs = detector.getProbabilities(texts.forText(sample));
    if (probs.isEmpty()) return new Guess(UNDETERMINED, 0);
    DetectedLanguage best = probs.get(0);
    if (best.getProbability() < minConfidence) return new Guess(UNDETERMINED, round(best.getProbability()));
    return new Guess(best.getLocale().getLanguage(), round(best.getProbability()));
  }

  /** The detector over every built-in profile, loaded once per JVM on first use. */
  private static final class Profiles {
    static final LanguageDetector DETECTOR = load();

    private static LanguageDetector load() {
      try {
        List<LanguageProfile> profiles = new LanguageProfileReader().readAllBuiltIn();
        return LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read optimaize's built-in language profiles", e);
      }
    }
  }

  private static String withoutCjk(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      sb.appendCodePoint(Scripts.isCjk(cp) ? ' ' : cp);
    }
    return sb.toString();
  }

  private static double round(double d) {
    return Math.round(d * 10000.0) / 10000.0;
  }
}
