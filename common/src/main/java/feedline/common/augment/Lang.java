package feedline.common.augment;

import java.util.Locale;

/** The languages the augmenters handle, with a cheap script-based guess for rows that carry no language tag. */
public enum Lang {
  EN("en"),
  ZH("zh"),
  OTHER("other");

  private final String code;

  Lang(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** A language tag such as {@code en}, {@code en-US}, {@code zh-Hans}; null or unknown gives {@link #OTHER}. */
  public static Lang ofTag(String tag) {
    if (tag == null || tag.isBlank()) return OTHER;
    String t = tag.toLowerCase(Locale.ROOT);
    if (t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) return EN;
    if (t.equals("zh") || t.startsWith("zh-") || t.startsWith("zh_") || t.equals("cmn")) return ZH;
    return OTHER;
  }

  /** Chinese when Han characters are at least 30% of the letters, English when Latin letters dominate. */
  public static Lang guess(String text) {
    if (text == null) return OTHER;
    int han = 0;
    int latin = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) continue;
      letters++;
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      if (s == Character.UnicodeScript.HAN) han++;
      else if (s == Character.UnicodeScript.LATIN) latin++;
    }
    if (letters == 0) return OTHER;
    if (han >= 0.3 * letters) return ZH;
    if (latin >= 0.7 * letters) return EN;
    return OTHER;
  }

  /** Whether a code point is a Han ideograph. */
  public static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
