package feedline.common.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

  @Test
  void luhnAcceptsKnownTestCardsAndRejectsOneDigitOff() {
    assertThat(Checksums.luhn("4111111111111111")).isTrue();
    assertThat(Checksums.luhn("5555555555554444")).isTrue();
    assertThat(Checksums.luhn("378282246310005")).isTrue();
    assertThat(Checksums.luhn("4111111111111112")).isFalse();
    assertThat(Checksums.luhn("41111x1111111111")).isFalse();
    assertThat(Checksums.luhnCheckDigit("411111111111111")).isEqualTo(1);
  }

  @Test
  void chineseIdNeedsCheckCharacterRealDateAndRegion() {
    assertThat(Checksums.chineseId("11010519491231002X", TODAY)).isTrue();
    assertThat(Checksums.chineseId("11010519491231002x", TODAY)).isTrue();
    assertThat(Checksums.chineseId("110105194912310021", TODAY)).isFalse(); // wrong check character
    assertThat(Checksums.chineseId("110105194902300026", TODAY)).isFalse(); // 30 February
    assertThat(Checksums.chineseId("910105194912310025", TODAY)).isFalse(); // no region 9
    String future = "110105202712310010";
    String body = future.substring(0, 17);
    assertThat(Checksums.chineseId(body + Checksums.gb11643CheckChar(body), TODAY)).isFalse(); // born after today
  }

  @Test
  void ibanChecksCountryLengthAndMod97() {
    assertThat(Checksums.iban("GB82WEST12345698765432")).isTrue();
    assertThat(Checksums.iban("DE89370400440532013000")).isTrue();
    assertThat(Checksums.iban("GB83WEST12345698765432")).isFalse();
    assertThat(Checksums.iban("GB82WEST1234569876543")).isFalse(); // one short for GB
    assertThat(Checksums.iban("XX82WEST12345698765432")).isFalse();
  }

  @Test
  void base58CheckValidatesBitcoinAddresses() {
    assertThat(Checksums.base58Check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", 0)).isTrue();
    assertThat(Checksums.base58Check("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", 0, 5)).isTrue();
    assertThat(Checksums.base58Check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", 0)).isFalse();
    assertThat(Checksums.base58Check("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", 0)).isFalse(); // version 5 not allowed
    byte[] h = new byte[20];
    h[3] = 7;
    assertThat(Checksums.base58Check(Checksums.base58CheckEncode(0, h), 0)).isTrue();
  }

  @Test
  void bech32AndBech32mFollowBip173AndBip350() {
    assertThat(Checksums.bech32Address("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
    assertThat(Checksums.bech32Address("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")).isTrue();
    assertThat(Checksums.bech32Address("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")).isTrue();
    assertThat(Checksums.bech32Address("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")).isFalse();
    assertThat(Checksums.bech32Address("bc1Qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isFalse(); // mixed case
    byte[] h = new byte[20];
    h[0] = 1;
    assertThat(Checksums.bech32Address(Checksums.bech32EncodeV0("bc", h))).isTrue();
  }
}
