package feedline.common.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IBANs (ISO 13616), plain or printed in groups of four, validated by country length and mod 97. */
public final class IbanRecognizer extends RegexRecognizer {
  private static final Pattern P = Pattern.compile(
      "(?<![0-9A-Za-z])[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?(?![0-9A-Za-z])");

  public IbanRecognizer() {
    super("iban_mod97", P);
  }

  @Override
  Span check(String text, Matcher m) {
    String raw = m.group();
    // the optional tail may have swallowed a following word; shrink until a valid IBAN remains
    for (int end = raw.length(); end >= 15; end--) {
      if (raw.charAt(end - 1) == ' ') continue;
      String cand = raw.substring(0, end);
      if (Checksums.iban(compact(cand))) {
        return new Span(m.start(), m.start() + end, PiiType.IBAN, 0.95, name());
      }
    }
    return null;
  }
}
