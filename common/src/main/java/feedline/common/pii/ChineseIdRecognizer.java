package feedline.common.pii;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Chinese resident identity number (GB 11643): 18 characters, region, birth date, check character. */
public final class ChineseIdRecognizer extends RegexRecognizer {
  private static final Pattern P = Pattern.compile(
      "(?<![0-9A-Za-z])[1-8]\\d{5}[ ]?(?:19|20)\\d{2}[01]\\d[0-3]\\d[ ]?\\d{3}[0-9Xx](?![0-9A-Za-z])");
  private final LocalDate today;

  public ChineseIdRecognizer(LocalDate today) {
    super("cn_id_gb11643", P);
    this.today = today;
  }

  @Override
  Span check(String text, Matcher m) {
    String id = compact(m.group());
    if (!Checksums.chineseId(id, today)) return null;
    return new Span(m.start(), m.end(), PiiType.ID_NUMBER, 0.95, name());
  }
}
