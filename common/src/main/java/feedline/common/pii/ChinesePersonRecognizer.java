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
      if (nature.equals("nr")) {
        int sur = ChineseNames.surnameAt(text, start);
        // a Chinese name starts with a surname; HanLP also tags words like "运单号" nr
        if (sur == 0 || t.word.endsWith("号") || t.word.endsWith("码")) continue;
        // HanLP at times takes the function word after a name along ("姚明和")
        while (end - start > sur + 1 && CuedChineseNameRecognizer.STOP.indexOf(text.charAt(end - 1)) >= 0) end--;
        end = extend(text, start, end, sur);
      }
      out.add(new Span(start, end, PiiType.PERSON, nature.equals("nr") ? 0.75 : 0.65, name()));
    }
    return out;
  }

  /**
   * HanLP sometimes stops one character short ("易建" of "易建联", "上官" of "上官婉儿"): a name of
   * surname plus at most one given character is extended by one Han character when a boundary
   * (a function word, punctuation, space or the end) follows that character.
   */
  static int extend(String text, int start, int end, int surname) {
    int given = end - start - surname;
    if (given == 0 && surname == 2) {
      // a compound surname alone ("上官"): take up to two given-name characters
      int e = end;
      while (e < text.length() && e - end < 2 && isHan(text.charAt(e)) && CuedChineseNameRecognizer.STOP.indexOf(text.charAt(e)) < 0) e++;
      return e;
    }
    if (given > 1 || end >= text.length()) return end;
    char c = text.charAt(end);
    if (!isHan(c) || CuedChineseNameRecognizer.STOP.indexOf(c) >= 0) return end;
    if (end + 1 < text.length()) {
      char next = text.charAt(end + 1);
      if (isHan(next) && CuedChineseNameRecognizer.STOP.indexOf(next) < 0) return end;
    }
    return end + 1;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
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
