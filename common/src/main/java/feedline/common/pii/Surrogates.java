package feedline.common.pii;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic surrogates of the same format: a valid-looking phone for a phone (same grouping), an
 * identity number with a valid check character, a Luhn-valid card of the same issuer, an IBAN with
 * valid check digits, documentation-range IP addresses, reserved example domains. The surrogate is a
 * function of the seed only, and the seed is derived from the value, so a value always gets the same
 * surrogate.
 */
public final class Surrogates {
  private static final List<String> EN_FIRST = List.of("Alex", "Jordan", "Taylor", "Morgan", "Casey", "Jamie", "Robin",
      "Avery", "Riley", "Quinn", "Harper", "Rowan", "Emerson", "Hayden", "Parker", "Reese");
  private static final List<String> EN_LAST = List.of("Smith", "Johnson", "Brown", "Taylor", "Walker", "Harris",
      "Clarke", "Lewis", "Young", "Hall", "Allen", "Wright", "Scott", "Green", "Baker", "Turner");
  private static final List<String> CN_REGIONS = List.of("110101", "110105", "310104", "310115", "440106", "440305",
      "330106", "320102", "510104", "420106", "610113", "500103");
  private static final List<String> CN_ADDRESSES = List.of("北京市朝阳区建国路100号", "上海市浦东新区世纪大道200号",
      "广州市天河区天河路300号", "深圳市南山区科技南路18号", "杭州市西湖区文三路90号", "成都市武侯区人民南路66号");
  private static final List<String> EN_ADDRESSES = List.of("100 Main Street", "42 Oak Avenue", "7 Elm Road",
      "250 Maple Drive", "18 Cedar Lane", "9 Birch Court");
  private static final String PLATE_PROVINCES = "京沪粤浙苏川鄂湘";
  private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

  private Surrogates() {}

  public static String fake(PiiType type, String value, byte[] seed) {
    value = WidthFold.fold(value); // full-width digits get ASCII fakes, never themselves back
    SplittableRandom r = new SplittableRandom(ByteBuffer.wrap(seed, 0, 8).getLong());
    switch (type) {
      case PHONE: return phone(value, r);
      case ID_NUMBER: return chineseId(value, r);
      case BANK_CARD: return card(value, r);
      case IBAN: return iban(value, r);
      case EMAIL: return email(value, r);
      case IP_ADDRESS: return value.contains(":")
          ? "2001:db8::" + Integer.toHexString(1 + r.nextInt(0xfffe))
          : List.of("192.0.2.", "198.51.100.", "203.0.113.").get(r.nextInt(3)) + (1 + r.nextInt(254));
      case URL: return (value.regionMatches(true, 0, "http://", 0, 7) ? "http://" : "https://")
          + "www.example.com/page/" + Integer.toString(r.nextInt(1 << 20), 36);
      case CRYPTO_ADDRESS: return crypto(value, r);
      case PERSON: return person(value, r);
      case LICENSE_PLATE: return plate(value, r);
      case ADDRESS: return ChinesePersonRecognizer.hasHan(value)
          ? CN_ADDRESSES.get(r.nextInt(CN_ADDRESSES.size())) : EN_ADDRESSES.get(r.nextInt(EN_ADDRESSES.size()));
      case DATE_OF_BIRTH: return date(value, r);
      case PASSPORT: default: return sameShape(value, 0, r);
    }
  }

  /** Replaces digits by random digits and letters by random letters of the same case, from {@code keep} on. */
  static String sameShape(String value, int keep, SplittableRandom r) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (i < keep) sb.append(c);
      else if (c >= '0' && c <= '9') sb.append((char) ('0' + r.nextInt(10)));
      else if (c >= 'A' && c <= 'Z') sb.append((char) ('A' + r.nextInt(26)));
      else if (c >= 'a' && c <= 'z') sb.append((char) ('a' + r.nextInt(26)));
      else sb.append(c);
    }
    return sb.toString();
  }

  /** Writes {@code digits} into the digit positions of {@code layout}, keeping every other character. */
  static String layout(String layout, String digits) {
    StringBuilder sb = new StringBuilder(layout.length());
    int k = 0;
    for (int i = 0; i < layout.length(); i++) {
      char c = layout.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 0x80 && k < digits.length()) sb.append(digits.charAt(k++));
      else sb.append(c);
    }
    return sb.toString();
  }

  private static String phone(String value, SplittableRandom r) {
    String digits = value.replaceAll("[^0-9]", "");
    int ccEnd = 0;
    if (value.startsWith("+") || value.startsWith("＋")) ccEnd = digits.startsWith("86") || digits.startsWith("44") ? 2 : 1;
    else if (digits.startsWith("00")) ccEnd = digits.startsWith("0086") ? 4 : 3;
    String national = digits.substring(ccEnd);
    String kept;
    if (national.length() == 11 && national.charAt(0) == '1') {
      kept = "1" + "3456789".charAt(r.nextInt(7)) + r.nextInt(10); // a Chinese mobile prefix
    } else {
      kept = national.substring(0, Math.min(3, national.length())); // area code or carrier prefix
    }
    StringBuilder sb = new StringBuilder(digits.substring(0, ccEnd)).append(kept);
    while (sb.length() < digits.length()) sb.append((char) ('0' + r.nextInt(10)));
    return layoutDigits(value, sb.toString());
  }

  private static String layoutDigits(String layout, String digits) {
    StringBuilder sb = new StringBuilder(layout.length());
    int k = 0;
    for (int i = 0; i < layout.length(); i++) {
      char c = layout.charAt(i);
      if (c >= '0' && c <= '9' && k < digits.length()) sb.append(digits.charAt(k++));
      else sb.append(c);
    }
    return sb.toString();
  }

  private static String chineseId(String value, SplittableRandom r) {
    String region = CN_REGIONS.get(r.nextInt(CN_REGIONS.size()));
    String date = String.format(Locale.ROOT, "%04d%02d%02d", 1950 + r.nextInt(56), 1 + r.nextInt(12), 1 + r.nextInt(28));
    String body = region + date + String.format(Locale.ROOT, "%03d", r.nextInt(1000));
    String id = body + Checksums.gb11643CheckChar(body);
    return layout(value, id);
  }

  private static String card(String value, SplittableRandom r) {
    String d = value.replaceAll("[^0-9]", "");
    int keep = d.startsWith("62") || d.startsWith("4") ? 2 : 4;
    StringBuilder sb = new StringBuilder(d.substring(0, keep));
    while (sb.length() < d.length() - 1) sb.append((char) ('0' + r.nextInt(10)));
    sb.append(Checksums.luhnCheckDigit(sb.toString()));
    return layoutDigits(value, sb.toString());
  }

  private static String iban(String value, SplittableRandom r) {
    String c = RegexRecognizer.compact(value);
    String country = c.substring(0, 2);
    String bban = sameShape(c.substring(4), 0, r).toUpperCase(Locale.ROOT);
    int check = 98 - Checksums.mod97(bban + country + "00");
    String iban = country + String.format(Locale.ROOT, "%02d", check) + bban;
    return layout(value, iban);
  }

  private static String email(String value, SplittableRandom r) {
    String first = EN_FIRST.get(r.nextInt(EN_FIRST.size())).toLowerCase(Locale.ROOT);
    String last = EN_LAST.get(r.nextInt(EN_LAST.size())).toLowerCase(Locale.ROOT);
    return first + "." + last + r.nextInt(100) + "@" + List.of("example.com", "example.org", "example.net").get(r.nextInt(3));
  }

  private static String crypto(String value, SplittableRandom r) {
    byte[] hash = new byte[20];
    for (int i = 0; i < 20; i++) hash[i] = (byte) r.nextInt(256);
    if (value.regionMatches(true, 0, "bc1", 0, 3) || value.regionMatches(true, 0, "tb1", 0, 3)) {
      return Checksums.bech32EncodeV0(value.substring(0, 2).toLowerCase(Locale.ROOT), hash);
    }
    byte[] raw = Checksums.base58Decode(value);
    int version = raw == null || raw.length == 0 ? 0 : raw[0] & 0xff;
    return Checksums.base58CheckEncode(version, hash);
  }

  private static String person(String value, SplittableRandom r) {
    if (ChinesePersonRecognizer.hasHan(value)) {
      StringBuilder sb = new StringBuilder();
      sb.append(ChineseNames.SINGLE.charAt(r.nextInt(40)));
      int given = Math.max(1, Math.min(2, value.length() - 1));
      for (int i = 0; i < given; i++) sb.append(ChineseNames.GIVEN.charAt(r.nextInt(ChineseNames.GIVEN.length())));
      return sb.toString();
    }
    String first = EN_FIRST.get(r.nextInt(EN_FIRST.size()));
    return value.strip().contains(" ") ? first + " " + EN_LAST.get(r.nextInt(EN_LAST.size())) : first;
  }

  private static String plate(String value, SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    sb.append(PLATE_PROVINCES.charAt(r.nextInt(PLATE_PROVINCES.length())));
    sb.append(PLATE_LETTERS.charAt(r.nextInt(PLATE_LETTERS.length())));
    String rest = value.substring(2);
    if (rest.startsWith("·") || rest.startsWith("•")) {
      sb.append(rest.charAt(0));
      rest = rest.substring(1);
    }
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      sb.append(Character.isDigit(c) ? (char) ('0' + r.nextInt(10))
          : Character.isLetter(c) && c < 0x80 ? PLATE_LETTERS.charAt(r.nextInt(PLATE_LETTERS.length())) : c);
    }
    return sb.toString();
  }

  /** A random birth date written in the original's layout: the 4-digit run is the year, others month then day. */
  private static String date(String value, SplittableRandom r) {
    int year = 1950 + r.nextInt(56);
    int month = 1 + r.nextInt(12);
    int day = 1 + r.nextInt(28);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(value);
    StringBuffer sb = new StringBuffer();
    boolean monthDone = false;
    boolean hasMonthName = value.matches("(?s).*[A-Za-z]{3}.*");
    while (m.find()) {
      String g = m.group();
      String rep;
      if (g.length() == 4) rep = Integer.toString(year);
      else if (!monthDone && !hasMonthName) {
        rep = g.length() == 2 ? String.format(Locale.ROOT, "%02d", month) : Integer.toString(month);
        monthDone = true;
      } else {
        rep = g.length() == 2 ? String.format(Locale.ROOT, "%02d", day) : Integer.toString(day);
      }
      m.appendReplacement(sb, rep);
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
