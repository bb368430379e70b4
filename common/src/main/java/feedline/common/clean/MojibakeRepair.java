package feedline.common.clean;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs mojibake: text whose bytes were decoded with the wrong charset. The method is the one
 * ftfy uses: take a run of characters that the wrong charset could have produced, encode it back
 * to the bytes that charset would have read, decode those bytes with the charset they really were
 * in, and keep the result only when the round trip is exact and ICU's charset detector agrees the
 * bytes are in that charset. Three cases are repaired:
 * <ul>
 *   <li>UTF-8 read as Windows-1252 or Latin-1 ({@code cafÃ©} for {@code café}, {@code ä¸­æ–‡} for
 *       {@code 中文}); applied up to three times for text that was mis-decoded twice;</li>
 *   <li>UTF-8 read as GBK ({@code 涓枃} for {@code 中文});</li>
 *   <li>GBK read as Latin-1 ({@code ÖÐÎÄ} for {@code 中文}), kept only when every character lies in
 *       GB2312's first level (the 3,755 most common characters).</li>
 * </ul>
 * Legitimate text survives because it does not round-trip: accented letters are followed by
 * letters, not by the continuation bytes UTF-8 needs, and GBK-encoded Chinese is not valid UTF-8.
 */
public final class MojibakeRepair {
  private static final Charset GBK = Charset.forName("GBK");
  private static final Charset GB18030 = Charset.forName("GB18030");
  /** Byte for each character of "sloppy" Windows-1252: Latin-1 plus the 1252 punctuation in 0x80-0x9F. */
  private static final int[] SLOPPY_1252 = new int[0x10000];

  static {
    java.util.Arrays.fill(SLOPPY_1252, -1);
    for (int b = 0; b < 0x100; b++) SLOPPY_1252[b] = b;
    Charset cp1252 = Charset.forName("windows-1252");
    for (int b = 0x80; b < 0xA0; b++) {
      String s = new String(new byte[] {(byte) b}, cp1252);
      char c = s.charAt(0);
      if (c != '\uFFFD') SLOPPY_1252[c] = b;
    }
  }

  /** Repaired text and the number of runs that were repaired. */
  public record Result(String text, int repairs) {}

  private final int minUtf8Confidence;

  /** @param minUtf8Confidence ICU confidence (0-100) the repaired bytes must reach as UTF-8 */
  public MojibakeRepair(int minUtf8Confidence) {
    this.minUtf8Confidence = minUtf8Confidence;
  }

  public Result repair(String text) {
    if (text == null || text.isEmpty()) return new Result(text, 0);
    int repairs = 0;
    String cur = text;
    for (int pass = 0; pass < 3; pass++) {
      Result r = repairUtf8As1252(cur);
      if (r.repairs() == 0) break;
      repairs += r.repairs();
      cur = r.text();
    }
    Result g = repairUtf8AsGbk(cur);
    repairs += g.repairs();
    Result l = repairGbkAsLatin1(g.text());
    repairs += l.repairs();
    return new Result(l.text(), repairs);
  }

  /** Runs of non-ASCII characters that sloppy Windows-1252 can encode, decoded back as UTF-8. */
  Result repairUtf8As1252(String s) {
    if (!hasRange(s, 0x80, 0x2122)) return new Result(s, 0);
    // Windows-1252 has no character for byte 0x9D, so a strict decoder turned the last byte of the
    // UTF-8 right double quote (E2 80 9D) into U+FFFD: put the byte back (ftfy repairs it the same way)
    if (s.contains("\u00e2\u20ac\uFFFD")) s = s.replace("\u00e2\u20ac\uFFFD", "\u00e2\u20ac\u009D");
    Splice splice = new Splice(s);
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0x80 || SLOPPY_1252[c] < 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && s.charAt(i) >= 0x80 && SLOPPY_1252[s.charAt(i)] >= 0) i++;
      if (i - start < 2) continue;
      byte[] bytes = new byte[i - start];
      for (int k = start; k < i; k++) bytes[k - start] = (byte) SLOPPY_1252[s.charAt(k)];
      String fixed = strict(bytes, StandardCharsets.UTF_8);
      if (fixed == null || !icuAgrees(bytes, "UTF-8", minUtf8Confidence)) {
        // a run may hold a legitimate accented letter next to the mojibake: try it piece by piece
        String pieces = repairPieces(s.substring(start, i));
        if (pieces == null) continue;
        fixed = pieces;
      }
      splice.replace(start, i, fixed);
    }
    return splice.result();
  }

  /** Splits a run at each UTF-8 lead byte position and repairs the sub-runs that decode; null if none do. */
  private String repairPieces(String run) {
    StringBuilder sb = new StringBuilder(run.length());
    boolean any = false;
    int i = 0;
    while (i < run.length()) {
      int b = SLOPPY_1252[run.charAt(i)];
      int len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 1;
      if (len > 1 && i + len <= run.length()) {
        byte[] bytes = new byte[len];
        for (int k = 0; k < len; k++) bytes[k] = (byte) SLOPPY_1252[run.charAt(i + k)];
        String fixed = strict(bytes, StandardCharsets.UTF_8);
        if (fixed != null && icuAgrees(bytes, "UTF-8", minUtf8Confidence)) {
          sb.append(fixed);
          any = true;
          i += len;
          continue;
        }
      }
      sb.append(run.charAt(i));
      i++;
    }
    return any ? sb.toString() : null;
  }

  /** Runs of GBK-encodable CJK-range characters, decoded back as UTF-8. */
  Result repairUtf8AsGbk(String s) {
    if (!hasRange(s, 0x2E80, 0xFFFF)) return new Result(s, 0);
    CharsetEncoder enc = GBK.newEncoder();
    Splice splice = new Splice(s);
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!gbkCandidate(s.charAt(i), enc)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && gbkCandidate(s.charAt(i), enc)) i++;
      int end = i;
      // a lead byte whose trail was lost shows as U+FFFD right after the run
      boolean cutTail = end < n && s.charAt(end) == '\uFFFD';
      if (end - start < 2) continue;
      byte[] bytes = encode(s.substring(start, end), GBK);
      if (bytes == null) continue;
      String fixed = strict(bytes, StandardCharsets.UTF_8);
      int consumed = end;
      if (fixed == null && cutTail) {
        fixed = strictPrefix(bytes);
        if (fixed != null) {
          fixed = fixed + '\uFFFD';
          consumed = end + 1;
        }
      }
      if (fixed == null || !icuAgrees(bytes, "UTF-8", minUtf8Confidence) || !hasRange(fixed, 0x80, 0x10FFFF)) continue;
      splice.replace(start, consumed, fixed);
      i = consumed;
    }
    return splice.result();
  }

  /** Runs of Latin-1 letters and signs (0xA1-0xFE) decoded back as GBK, kept when all land in GB2312 level 1. */
  Result repairGbkAsLatin1(String s) {
    if (!hasRange(s, 0xA1, 0xFE)) return new Result(s, 0);
    Splice splice = new Splice(s);
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0xA1 || c > 0xFE) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && s.charAt(i) >= 0xA1 && s.charAt(i) <= 0xFE) i++;
      int len = i - start;
      if (len < 4 || len % 2 != 0) continue;
      byte[] bytes = new byte[len];
      boolean common = true;
      for (int k = 0; k < len; k++) bytes[k] = (byte) s.charAt(start + k);
      for (int k = 0; k < len; k += 2) {
        int lead = bytes[k] & 0xFF;
        // GB2312 level-1 hanzi (0xB0-0xD7) or its punctuation rows (0xA1-0xA3)
        if (!((lead >= 0xB0 && lead <= 0xD7) || (lead >= 0xA1 && lead <= 0xA3))) common = false;
      }
      if (!common) continue;
      String fixed = strict(bytes, GB18030);
      if (fixed == null || !icuAgrees(bytes, "GB18030", 10)) continue;
      splice.replace(start, i, fixed);
    }
    return splice.result();
  }

  private static boolean gbkCandidate(char c, CharsetEncoder enc) {
    return c >= 0x80 && c != '\uFFFD' && !Character.isSurrogate(c) && enc.canEncode(c);
  }

  private static boolean hasRange(String s, int lo, int hi) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= lo && c <= hi) return true;
    }
    return false;
  }

  private static byte[] encode(String s, Charset cs) {
    try {
      ByteBuffer bb = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
      byte[] out = new byte[bb.remaining()];
      bb.get(out);
      return out;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Strict decode, or null when the bytes are not valid in {@code cs}. */
  static String strict(byte[] bytes, Charset cs) {
    CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return dec.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Valid UTF-8 once an incomplete last character (at most 3 bytes) is cut off, or null. */
  private static String strictPrefix(byte[] bytes) {
    for (int cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      String s = strict(java.util.Arrays.copyOf(bytes, bytes.length - cut), StandardCharsets.UTF_8);
      if (s != null) return s;
    }
    return null;
  }

  /** Whether ICU's detector names {@code charset} for the bytes with at least {@code minConfidence}. */
  static boolean icuAgrees(byte[] bytes, String charset, int minConfidence) {
    CharsetDetector d = new CharsetDetector();
    d.setText(bytes);
    CharsetMatch[] all = d.detectAll();
    if (all == null) return false;
    for (CharsetMatch m : all) {
      String name = m.getName();
      boolean same = name.equalsIgnoreCase(charset) || (charset.equals("GB18030") && name.startsWith("GB"));
      if (same && m.getConfidence() >= minConfidence) return true;
    }
    return false;
  }

  /** A string rebuilt from left to right with some of its ranges replaced; each replacement is one repair. */
  private static final class Splice {
    private final String s;
    private StringBuilder out;
    private int last;
    private int repairs;

    Splice(String s) {
      this.s = s;
    }

    /** Replaces {@code [start, end)}; ranges must come in order and not overlap. */
    void replace(int start, int end, String with) {
      if (out == null) out = new StringBuilder(s.length());
      out.append(s, last, start).append(with);
      last = end;
      repairs++;
    }

    Result result() {
      if (out == null) return new Result(s, 0);
      out.append(s, last, s.length());
      return new Result(out.toString(), repairs);
    }
  }
}
