package feedline.common.pii;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The check-digit algorithms the recognizers validate with. Inputs are normalized (no separators). */
public final class Checksums {
  private static final int[] GB11643_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] GB11643_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  /** IBAN lengths per country (ISO 13616 registry). */
  static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
      Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
      Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
      Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
      Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
      Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
      Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
      Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
      Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
      Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
      Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
      Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
      Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
      Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
      Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
      Map.entry("VG", 24), Map.entry("XK", 20));

  private Checksums() {}

  /** Luhn (mod 10) over a string of digits. */
  public static boolean luhn(String digits) {
    if (digits.isEmpty()) return false;
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) return false;
      if (dbl) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /** The Luhn check digit that completes {@code body}. */
  public static int luhnCheckDigit(String body) {
    for (int c = 0; c <= 9; c++) {
      if (luhn(body + c)) return c;
    }
    throw new IllegalStateException("unreachable");
  }

  /** GB 11643 check character for the first 17 digits of a resident identity number. */
  public static char gb11643CheckChar(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * GB11643_WEIGHTS[i];
    return GB11643_CHECK[sum % 11];
  }

  /**
   * A valid 18-character resident identity number: region code starting 1-8, a real birth date
   * between 1900-01-01 and {@code today}, and the GB 11643 check character (X upper or lower case).
   */
  public static boolean chineseId(String id, LocalDate today) {
    if (id.length() != 18) return false;
    for (int i = 0; i < 17; i++) {
      if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') return false;
    }
    char region = id.charAt(0);
    if (region < '1' || region > '8') return false;
    if (birthDate(id.substring(6, 14), today) == null) return false;
    char last = Character.toUpperCase(id.charAt(17));
    return last == gb11643CheckChar(id.substring(0, 17));
  }

  /** yyyyMMdd as a date between 1900-01-01 and {@code today}, or null. */
  public static LocalDate birthDate(String yyyymmdd, LocalDate today) {
    try {
      int y = Integer.parseInt(yyyymmdd.substring(0, 4));
      int m = Integer.parseInt(yyyymmdd.substring(4, 6));
      int d = Integer.parseInt(yyyymmdd.substring(6, 8));
      if (y < 1900) return null;
      LocalDate date = LocalDate.of(y, m, d);
      return date.isAfter(today) ? null : date;
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }

  /** ISO 13616 IBAN: known country, its length, and mod 97 == 1. {@code iban} has no spaces. */
  public static boolean iban(String iban) {
    String s = iban.toUpperCase(Locale.ROOT);
    if (s.length() < 15 || s.length() > 34) return false;
    Integer len = IBAN_LENGTHS.get(s.substring(0, 2));
    if (len == null || len != s.length()) return false;
    if (!Character.isDigit(s.charAt(2)) || !Character.isDigit(s.charAt(3))) return false;
    return mod97(s.substring(4) + s.substring(0, 4)) == 1;
  }

  /** The remainder mod 97 of an alphanumeric string with letters as 10..35; -1 on other characters. */
  public static int mod97(String s) {
    int r = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (c >= 'A' && c <= 'Z') v = c - 'A' + 10;
      else return -1;
      r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
    }
    return r;
  }

  /** Base58Check with a 25-byte payload whose version byte is one of {@code versions}. */
  public static boolean base58Check(String s, int... versions) {
    byte[] raw = base58Decode(s);
    if (raw == null || raw.length != 25) return false;
    byte[] body = Arrays.copyOfRange(raw, 0, 21);
    byte[] check = Arrays.copyOfRange(raw, 21, 25);
    byte[] h = sha256(sha256(body));
    if (!Arrays.equals(check, Arrays.copyOf(h, 4))) return false;
    int version = body[0] & 0xff;
    for (int v : versions) {
      if (v == version) return true;
    }
    return false;
  }

  static byte[] base58Decode(String s) {
    BigInteger n = BigInteger.ZERO;
    BigInteger b58 = BigInteger.valueOf(58);
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') zeros++;
    for (int i = 0; i < s.length(); i++) {
      int d = BASE58.indexOf(s.charAt(i));
      if (d < 0) return null;
      n = n.multiply(b58).add(BigInteger.valueOf(d));
    }
    byte[] bytes = n.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    if (n.signum() == 0) bytes = new byte[0];
    else bytes = Arrays.copyOfRange(bytes, skip, bytes.length);
    byte[] out = new byte[zeros + bytes.length];
    System.arraycopy(bytes, 0, out, zeros, bytes.length);
    return out;
  }

  static String base58Encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) zeros++;
    BigInteger n = new BigInteger(1, data);
    StringBuilder sb = new StringBuilder();
    BigInteger b58 = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(b58);
      sb.append(BASE58.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < zeros; i++) sb.append('1');
    return sb.reverse().toString();
  }

  /** A Base58Check string for a version byte and a 20-byte hash. */
  static String base58CheckEncode(int version, byte[] hash20) {
    byte[] body = new byte[21];
    body[0] = (byte) version;
    System.arraycopy(hash20, 0, body, 1, 20);
    byte[] h = sha256(sha256(body));
    byte[] all = Arrays.copyOf(body, 25);
    System.arraycopy(h, 0, all, 21, 4);
    return base58Encode(all);
  }

  /**
   * A segwit address (BIP 173 bech32 for version 0, BIP 350 bech32m for versions 1-16) with a
   * human-readable part of {@code bc} or {@code tb}; mixed case is invalid.
   */
  public static boolean bech32Address(String addr) {
    if (!addr.equals(addr.toLowerCase(Locale.ROOT)) && !addr.equals(addr.toUpperCase(Locale.ROOT))) return false;
    String s = addr.toLowerCase(Locale.ROOT);
    int sep = s.lastIndexOf('1');
    if (sep < 1 || s.length() > 90 || sep + 7 > s.length()) return false;
    String hrp = s.substring(0, sep);
    if (!hrp.equals("bc") && !hrp.equals("tb")) return false;
    int[] data = new int[s.length() - sep - 1];
    for (int i = 0; i < data.length; i++) {
      data[i] = BECH32.indexOf(s.charAt(sep + 1 + i));
      if (data[i] < 0) return false;
    }
    int poly = polymod(hrpExpand(hrp), data);
    int version = data[0];
    if (version > 16) return false;
    int expected = version == 0 ? 1 : 0x2bc830a3;
    if (poly != expected) return false;
    int programBits = (data.length - 7) * 5;
    int programBytes = programBits / 8;
    if (version == 0) return programBytes == 20 || programBytes == 32;
    return programBytes >= 2 && programBytes <= 40;
  }

  /** Encodes a segwit v0 address (bech32) for a 20-byte program. */
  static String bech32EncodeV0(String hrp, byte[] program) {
    int[] five = toFive(program);
    int[] data = new int[five.length + 1];
    data[0] = 0;
    System.arraycopy(five, 0, data, 1, five.length);
    int[] withZeros = Arrays.copyOf(data, data.length + 6);
    int poly = polymod(hrpExpand(hrp), withZeros) ^ 1;
    StringBuilder sb = new StringBuilder(hrp).append('1');
    for (int d : data) sb.append(BECH32.charAt(d));
    for (int i = 0; i < 6; i++) sb.append(BECH32.charAt((poly >> (5 * (5 - i))) & 31));
    return sb.toString();
  }

  private static int[] toFive(byte[] bytes) {
    int acc = 0;
    int bits = 0;
    int[] out = new int[(bytes.length * 8 + 4) / 5];
    int k = 0;
    for (byte b : bytes) {
      acc = (acc << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out[k++] = (acc >> bits) & 31;
      }
    }
    if (bits > 0) out[k++] = (acc << (5 - bits)) & 31;
    return Arrays.copyOf(out, k);
  }

  private static int[] hrpExpand(String hrp) {
    int[] out = new int[hrp.length() * 2 + 1];
    for (int i = 0; i < hrp.length(); i++) {
      out[i] = hrp.charAt(i) >> 5;
      out[i + hrp.length() + 1] = hrp.charAt(i) & 31;
    }
    return out;
  }

  private static int polymod(int[] hrp, int[] data) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int[] part : new int[][] {hrp, data}) {
      for (int v : part) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (int i = 0; i < 5; i++) {
          if (((top >> i) & 1) != 0) chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }
}
