package feedline.common.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers of 13-19 digits, plain or grouped by spaces or dashes, with a Luhn check and
 * a known issuer prefix (UnionPay, Visa, Mastercard, American Express, JCB, Discover, Diners).
 */
public final class BankCardRecognizer extends RegexRecognizer {
  private static final Pattern P = Pattern.compile("(?<![0-9A-Za-z.\\-])(?:\\d[ -]?){12,18}\\d(?![0-9A-Za-z]|[.\\-]\\d)");

  public BankCardRecognizer() {
    super("card_luhn_iin", P);
  }

  @Override
  Span check(String text, Matcher m) {
    String raw = m.group();
    if (!consistentSeparators(raw) || raw.contains("  ") || raw.contains("--")) return null;
    String d = compact(raw);
    String issuer = issuer(d);
    if (issuer == null || !Checksums.luhn(d)) return null;
    // grouped numbers have the shape of a card; a bare run of digits needs context to pass the threshold
    boolean grouped = raw.length() != d.length();
    return new Span(m.start(), m.end(), PiiType.BANK_CARD, grouped ? 0.8 : 0.6, name());
  }

  /** The issuer for a card number's prefix and length, or null when no known scheme issues it. */
  public static String issuer(String d) {
    int n = d.length();
    int p2 = Integer.parseInt(d.substring(0, 2));
    int p3 = Integer.parseInt(d.substring(0, 3));
    int p4 = Integer.parseInt(d.substring(0, 4));
    int p6 = Integer.parseInt(d.substring(0, 6));
    if (p2 == 62 && n >= 16 && n <= 19) return "unionpay";
    if (d.charAt(0) == '4' && (n == 13 || n == 16 || n == 19)) return "visa";
    if (((p2 >= 51 && p2 <= 55) || (p6 >= 222100 && p6 <= 272099)) && n == 16) return "mastercard";
    if ((p2 == 34 || p2 == 37) && n == 15) return "amex";
    if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return "jcb";
    if ((p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) && n >= 16 && n <= 19) return "discover";
    if ((p2 == 36 || p2 == 38 || (p3 >= 300 && p3 <= 305)) && n >= 14 && n <= 19) return "diners";
    return null;
  }
}
