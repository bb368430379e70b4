package feedline.common.clean;

import com.hankcs.hanlp.HanLP;

/**
 * Traditional to Simplified Chinese with HanLP's conversion tables (the portable release ships
 * them, so nothing is downloaded). Text with kana is Japanese and is left alone. Changes =
 * characters that differ (or, when a phrase mapping changed the length, the length difference plus one).
 */
public final class ChineseConverter {
  private ChineseConverter() {}

  public static Edited toSimplified(String s, Scripts.Counts counts) {
    if (counts.letters().getOrDefault("han", 0) == 0 || counts.kanaChars() > 0) return Edited.same(s);
    String out = HanLP.convertToSimplifiedChinese(s);
    if (out.equals(s)) return Edited.same(s);
    int changes = 0;
    if (out.length() == s.length()) {
      for (int i = 0; i < s.length(); i++) if (s.charAt(i) != out.charAt(i)) changes++;
    } else {
      changes = Math.abs(out.length() - s.length()) + 1;
    }
    return new Edited(out, changes);
  }
}
