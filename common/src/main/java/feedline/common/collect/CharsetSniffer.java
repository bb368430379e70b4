package feedline.common.collect;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Detects the encoding of text bytes and decodes them to a Java string. Order: byte order mark,
 * strict UTF-8, then ICU's statistical detector (GB18030, Big5, Shift_JIS, EUC-*, UTF-16,
 * ISO-8859-x), with a Chinese-aware tie break between GB18030 and Big5. Bytes that no charset can
 * decode become U+FFFD and are counted, never silently dropped.
 */
public final class CharsetSniffer {
  private static final int SAMPLE = 64 * 1024;

  private CharsetSniffer() {}

  public static DecodedText decode(byte[] bytes) {
    return decode(bytes, null);
  }

  /** Decodes with {@code forced} when given (a charset name from config), else detects. */
  public static DecodedText decode(byte[] bytes, String forced) {
    if (forced != null && !forced.isBlank() && !forced.equalsIgnoreCase("auto")) {
      Charset cs = Charset.forName(forced);
      return lenient(bytes, 0, cs, 100);
    }
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return lenient(bytes, 3, StandardCharsets.UTF_8, 100);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return lenient(bytes, 2, StandardCharsets.UTF_16LE, 100);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return lenient(bytes, 2, StandardCharsets.UTF_16BE, 100);
    }
    String utf16 = guessBomlessUtf16(bytes);
    if (utf16 != null) return lenient(bytes, 0, Charset.forName(utf16), 80);
    if (isStrictUtf8(bytes)) {
      return new DecodedText(new String(bytes, StandardCharsets.UTF_8), "UTF-8", 100, 0);
    }

    CharsetDetector detector = new CharsetDetector();
    byte[] sample = bytes.length > SAMPLE ? java.util.Arrays.copyOf(bytes, SAMPLE) : bytes;
    detector.setText(sample);
    CharsetMatch[] matches = detector.detectAll();
    DecodedText best = null;
    for (CharsetMatch m : matches) {
      String name = canonical(m.getName());
      if (!Charset.isSupported(name)) continue;
      DecodedText d = lenient(bytes, 0, Charset.forName(name), m.getConfidence());
      if (best == null || better(d, best)) best = d;
      if (best.undecodableBytes() == 0 && m.getConfidence() >= 50 && !isCjkCandidate(name)) break;
    }
    // ICU ranks CJK encodings from short samples unreliably: try the common Chinese ones explicitly.
    for (String name : List.of("GB18030", "Big5")) {
      DecodedText d = lenient(bytes, 0, Charset.forName(name), 10);
      if (best == null || betterCjk(d, best)) best = d;
    }
    if (best == null) best = lenient(bytes, 0, StandardCharsets.ISO_8859_1, 0);
    return best;
  }

  private static boolean isCjkCandidate(String name) {
    return name.equals("GB18030") || name.equals("Big5") || name.equals("Shift_JIS") || name.startsWith("EUC");
  }

  private static String canonical(String icuName) {
    return switch (icuName) {
      case "GB18030", "GBK", "GB2312" -> "GB18030";
      case "ISO-8859-1" -> "windows-1252";
      default -> icuName;
    };
  }

  private static boolean better(DecodedText a, DecodedText b) {
    if (a.undecodableBytes() != b.undecodableBytes()) return a.undecodableBytes() < b.undecodableBytes();
    return a.confidence() > b.confidence();
  }

  /** Prefers the decoding with no errors and more common CJK characters (GB vs Big5 confusion). */
  private static boolean betterCjk(DecodedText cand, DecodedText best) {
    if (cand.undecodableBytes() != best.undecodableBytes()) return cand.undecodableBytes() < best.undecodableBytes();
    double sc = commonHanShare(cand.text());
    double sb = commonHanShare(best.text());
    if (sc == 0 && sb == 0) return false;
    return sc > sb + 0.05;
  }

  /** Share of characters that are CJK ideographs in the frequent range or ASCII; wrong decodings land in rare blocks. */
  static double commonHanShare(String s) {
    int n = Math.min(s.length(), 20000);
    if (n == 0) return 0;
    int good = 0;
    int han = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x4E00 && c <= 0x9FA5) {
        han++;
        if (CommonHan.isCommon(c)) good++;
      }
    }
    return han == 0 ? 0 : (double) good / han;
  }

  public static boolean isStrictUtf8(byte[] bytes) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      dec.decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** UTF-16 without a byte order mark: many zero bytes at alternating positions. */
  private static String guessBomlessUtf16(byte[] b) {
    int n = Math.min(b.length, 4096) & ~1;
    if (n < 4) return null;
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < n; i += 2) {
      if (b[i] == 0) evenZero++;
      if (b[i + 1] == 0) oddZero++;
    }
    int pairs = n / 2;
    if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return "UTF-16LE";
    if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return "UTF-16BE";
    return null;
  }

  /** Decodes, replacing malformed input with U+FFFD and counting the bytes involved. */
  static DecodedText lenient(byte[] bytes, int offset, Charset cs, int confidence) {
    CharsetDecoder dec = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) (bytes.length * (double) dec.maxCharsPerByte()) + 16));
    long bad = 0;
    while (true) {
      CoderResult r = in.hasRemaining() ? dec.decode(in, out, true) : CoderResult.UNDERFLOW;
      if (r.isError()) {
        bad += r.length();
        out.put('\uFFFD');
        in.position(in.position() + r.length());
      } else if (r.isUnderflow()) {
        dec.flush(out);
        break;
      } else if (r.isOverflow()) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
        out.flip();
        bigger.put(out);
        out = bigger;
      }
    }
    out.flip();
    return new DecodedText(out.toString(), cs.name(), confidence, bad);
  }
}
