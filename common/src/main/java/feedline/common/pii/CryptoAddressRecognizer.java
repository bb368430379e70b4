package feedline.common.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bitcoin addresses: legacy Base58Check (P2PKH, P2SH, testnet) and segwit bech32 / bech32m. */
public final class CryptoAddressRecognizer extends RegexRecognizer {
  private static final Pattern P = Pattern.compile(
      "(?<![0-9A-Za-z])(?:[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}|(?:bc|tb|BC|TB)1[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87})(?![0-9A-Za-z])");

  public CryptoAddressRecognizer() {
    super("btc_checksum", P);
  }

  @Override
  Span check(String text, Matcher m) {
    String s = m.group();
    boolean ok = s.regionMatches(true, 0, "bc1", 0, 3) || s.regionMatches(true, 0, "tb1", 0, 3)
        ? Checksums.bech32Address(s)
        : Checksums.base58Check(s, 0x00, 0x05, 0x6f, 0xc4);
    return ok ? new Span(m.start(), m.end(), PiiType.CRYPTO_ADDRESS, 0.95, name()) : null;
  }
}
