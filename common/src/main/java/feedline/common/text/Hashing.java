package feedline.common.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers and the stable document id. */
public final class Hashing {
  private Hashing() {}

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  public static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Stable document id: the first 128 bits of SHA-256 over source, uri, record key and the text's
   * hash. Same content from the same place gets the same id in every run.
   */
  public static String docId(String source, String uri, String recordKey, String textSha256) {
    MessageDigest md = digest();
    for (String part : new String[] {source, uri, recordKey, textSha256}) {
      md.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    return HexFormat.of().formatHex(md.digest(), 0, 16);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
