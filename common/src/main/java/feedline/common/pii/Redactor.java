package feedline.common.pii;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces spans in a text according to a mode per type. Only the span's characters change: the
 * punctuation and spacing around a value stay as they were. Thread-safe.
 */
public final class Redactor {
  /** Salt for surrogates when no HMAC key is configured (fakes are then stable but unkeyed). */
  private static final byte[] DEFAULT_FAKE_KEY = "feedline-surrogate-v1".getBytes(StandardCharsets.UTF_8);

  private final Map<PiiType, RedactionMode> modes;
  private final RedactionMode defaultMode;
  private final byte[] hmacKey;
  private final int hashChars;

  /**
   * @param hmacKey key for {@link RedactionMode#HASH} (required when any type hashes) and for keyed
   *     surrogates; null when none is configured
   */
  public Redactor(Map<PiiType, RedactionMode> modes, RedactionMode defaultMode, byte[] hmacKey, int hashChars) {
    this.modes = new EnumMap<>(PiiType.class);
    this.modes.putAll(modes);
    this.defaultMode = defaultMode;
    this.hmacKey = hmacKey == null ? null : hmacKey.clone();
    this.hashChars = hashChars;
    boolean hashing = defaultMode == RedactionMode.HASH || modes.containsValue(RedactionMode.HASH);
    if (hashing && (hmacKey == null || hmacKey.length == 0)) {
      throw new IllegalArgumentException("hash mode needs an HMAC key");
    }
  }

  public RedactionMode modeOf(PiiType t) {
    return modes.getOrDefault(t, defaultMode);
  }

  /** Redacts {@code text}; {@code spans} must not overlap (see {@link SpanResolver}). */
  public Redaction redact(String text, List<Span> spans) {
    StringBuilder out = new StringBuilder(text.length());
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    Map<PiiType, Map<String, Integer>> tags = new EnumMap<>(PiiType.class);
    int at = 0;
    for (Span s : spans) {
      if (s.start() < at) throw new IllegalArgumentException("overlapping spans at " + s.start());
      out.append(text, at, s.start());
      String value = s.valueIn(text);
      counts.merge(s.type(), 1, Integer::sum);
      RedactionMode mode = modeOf(s.type());
      switch (mode) {
        case MASK -> out.append('[').append(s.type().name()).append(']');
        case TAG -> {
          Map<String, Integer> seen = tags.computeIfAbsent(s.type(), k -> new HashMap<>());
          int n = seen.computeIfAbsent(normalize(s.type(), value), k -> seen.size() + 1);
          out.append('<').append(s.type().name()).append('_').append(n).append('>');
        }
        case HASH -> out.append('<').append(s.type().name()).append(':')
            .append(hmacHex(hmacKey, s.type().name() + '\u0000' + normalize(s.type(), value)), 0, hashChars).append('>');
        case FAKE -> out.append(Surrogates.fake(s.type(), value,
            hmac(hmacKey == null ? DEFAULT_FAKE_KEY : hmacKey, "fake\u0000" + s.type().name() + '\u0000' + normalize(s.type(), value))));
        case KEEP -> out.append(value);
        default -> throw new IllegalStateException(mode.name());
      }
      at = s.end();
    }
    out.append(text, at, text.length());
    return new Redaction(out.toString(), spans, counts);
  }

  /**
   * The form two mentions of one value share: separators dropped for numbers, case folded for
   * emails, URLs and codes, whitespace collapsed for names and addresses; full-width forms folded first.
   */
  public static String normalize(PiiType type, String value) {
    value = WidthFold.fold(value);
    switch (type) {
      case PHONE: {
        String d = value.replaceAll("[^0-9]", "");
        if (d.startsWith("0086")) d = d.substring(4);
        else if (d.startsWith("86") && d.length() == 13) d = d.substring(2);
        return d;
      }
      case ID_NUMBER: case BANK_CARD: case IBAN: case PASSPORT: case LICENSE_PLATE:
        return value.replaceAll("[\\s\\-·•]", "").toUpperCase(Locale.ROOT);
      case EMAIL: case URL: case IP_ADDRESS:
        return value.toLowerCase(Locale.ROOT);
      default:
        return value.strip().replaceAll("\\s+", " ");
    }
  }

  static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static String hmacHex(byte[] key, String message) {
    return HexFormat.of().formatHex(hmac(key, message));
  }
}
