package feedline.common.pii;

import java.util.Locale;

/** The kinds of personal data feedline recognizes. The names are stable: outputs and config use them. */
public enum PiiType {
  PERSON, PHONE, EMAIL, ID_NUMBER, BANK_CARD, IBAN, IP_ADDRESS, URL, CRYPTO_ADDRESS,
  PASSPORT, LICENSE_PLATE, ADDRESS, DATE_OF_BIRTH;

  /** Column-friendly lower-case name, e.g. {@code bank_card}. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a canonical name, case-insensitively; null when unknown. */
  public static PiiType parse(String s) {
    if (s == null) return null;
    String n = s.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (PiiType t : values()) {
      if (t.name().equals(n)) return t;
    }
    return null;
  }
}
