package feedline.common.pii;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a {@link PiiEngine} is built from. Serializable so a Spark job can ship it to executors;
 * {@link #toString()} never shows the key.
 *
 * @param types the types to detect
 * @param thresholds minimum score per type (types not listed use 0.5)
 * @param modes redaction mode per type (types not listed use {@code defaultMode})
 * @param hmacKey key for hash mode and keyed surrogates, or null
 * @param hashChars hex characters of the HMAC kept in a hash surrogate
 * @param contextBoost score added by a type's own cue word nearby
 * @param contextPenalty score removed by a look-alike cue word nearby
 */
public record RedactOptions(Set<PiiType> types, Map<PiiType, Double> thresholds, Map<PiiType, RedactionMode> modes,
    RedactionMode defaultMode, byte[] hmacKey, int hashChars, double contextBoost, double contextPenalty)
    implements Serializable {

  public RedactOptions {
    types = types.isEmpty() ? EnumSet.noneOf(PiiType.class) : EnumSet.copyOf(types);
    Map<PiiType, Double> th = new EnumMap<>(PiiType.class);
    th.putAll(thresholds);
    thresholds = th;
    Map<PiiType, RedactionMode> md = new EnumMap<>(PiiType.class);
    md.putAll(modes);
    modes = md;
    hmacKey = hmacKey == null || hmacKey.length == 0 ? null : hmacKey.clone();
  }

  /** All types, one threshold, one mode, no key. */
  public static RedactOptions defaults(RedactionMode mode) {
    Map<PiiType, Double> th = new EnumMap<>(PiiType.class);
    for (PiiType t : PiiType.values()) th.put(t, 0.5);
    return new RedactOptions(EnumSet.allOf(PiiType.class), th, Map.of(), mode, null, 12, 0.3, 0.45);
  }

  public RedactOptions withKey(byte[] key) {
    return new RedactOptions(types, thresholds, modes, defaultMode, key, hashChars, contextBoost, contextPenalty);
  }

  public RedactOptions withModes(Map<PiiType, RedactionMode> m, RedactionMode def) {
    return new RedactOptions(types, thresholds, m, def, hmacKey, hashChars, contextBoost, contextPenalty);
  }

  public RedactOptions withTypes(Set<PiiType> t) {
    return new RedactOptions(t, thresholds, modes, defaultMode, hmacKey, hashChars, contextBoost, contextPenalty);
  }

  /** A digest of every setting (the key included, hashed): equal fingerprints build equal engines. */
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(describe().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      if (hmacKey != null) md.update(hmacKey);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String describe() {
    return "types=" + types + " thresholds=" + new TreeMap<>(thresholds) + " modes=" + new TreeMap<>(modes)
        + " default=" + defaultMode + " hashChars=" + hashChars + " boost=" + contextBoost + " penalty=" + contextPenalty;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RedactOptions r && r.fingerprint().equals(fingerprint());
  }

  @Override
  public int hashCode() {
    return fingerprint().hashCode();
  }

  @Override
  public String toString() {
    return "RedactOptions[" + describe() + " hmacKey=" + (hmacKey == null ? "(none)" : "***") + "]";
  }
}
