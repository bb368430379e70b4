package feedline.common.pii;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinese personal names with HanLP's person-name recognition (role tagging over the Viterbi
 * segmentation, data shipped in the portable jar). Terms tagged {@code nr} (Chinese names),
 * {@code nrf} (transliterated names) and {@code nrj} (Japanese names) become PERSON spans.
 * Building one loads HanLP's dictionaries: build it once per JVM.
 */
public final class ChinesePersonRecognizer implements Recognizer {
  private final Segment segment;

  public ChinesePersonRecognizer() {
    HanLP.Config.ShowTermNature = true;
    segment = HanLP.newSegment().enableNameRecognize(true).enableTranslatedNameRecognize(true)
        .enableJapaneseNameRecognize(false).enableOrganizationRecognize(false).enablePlaceRecognize(false)
        .enableOffset(true);
  }

  @Override
  public String name() {
    return "hanlp_nr";
  }

  @Override
  public List<Span> find(String text) {
    List<Span> out = new ArrayList<>();
    if (!hasHan(text)) return out;
    List<Term> terms;
    synchronized (segment) {
      terms = segment.seg(text);
    }
    for (Term t : terms) {
      if (t.nature == null || t.word.length() < 2) continue;
      String nature = t.nature.toString();
      if (!nature.equals("nr") && !nature.equals("nrf")) continue;
      if (!allHan(t.word)) continue;
      int start = t.offset;
      int end = start + t.word.length();
      if (start < 0 || end > text.length() || !text.regionMatches(start, t.word, 0, t.word.length())) {
        start = text.indexOf(t.word);
        if (start < 0) continue;
        end = start + t.word.length();
      }
      out.add(new Span(start, end, PiiType.PERSON, nature.equals("nr") ? 0.75 : 0.65, name()));
    }
    return out;
  }

  static boolean hasHan(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) return true;
      i += Character.charCount(cp);
    }
    return false;
  }

  static boolean allHan(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN && cp != '·' && cp != '•') return false;
      i += Character.charCount(cp);
    }
    return true;
  }
}
