package feedline.common.collect;

import feedline.common.model.Formats;
import feedline.common.model.Reasons;
import feedline.common.text.DoorNormalizer;
import feedline.common.text.Hashing;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one file: checks it, extracts its records, normalizes them at the door and gives each
 * a stable id. Every record read ends as a document or a quarantine entry with a reason.
 */
public final class FileCollector {
  private static final int SNIFF = 8192;

  private final CollectOptions options;
  private final DoorNormalizer normalizer;

  public FileCollector(CollectOptions options) {
    this.options = options;
    this.normalizer = new DoorNormalizer(options.form());
  }

  public List<CollectResult> collect(String uri, byte[] bytes) {
    String format = Formats.of(Extractors.fileName(uri));
    if (format == null) {
      return List.of(quarantine(uri, "0", null, Reasons.UNSUPPORTED_FORMAT, "unknown file extension", null));
    }
    if (bytes.length == 0) {
      return List.of(quarantine(uri, "0", format, Reasons.EMPTY_FILE, "file has 0 bytes", null));
    }
    if (Formats.isTextual(format) && looksBinary(bytes)) {
      return List.of(quarantine(uri, "0", format, Reasons.BINARY_CONTENT,
          "binary bytes under a ." + format + " name (" + describeBinary(bytes) + ")", null));
    }
    String fileSha = Hashing.sha256(bytes);
    List<CollectResult> out = new ArrayList<>();
    for (Extracted e : Extractors.extract(uri, format, bytes, options)) {
      if (e instanceof Extracted.Failed f) {
        out.add(quarantine(uri, f.recordKey(), format, f.reason(), f.detail(), f.payload()));
      } else if (e instanceof Extracted.Text t) {
        out.add(document(uri, format, fileSha, bytes.length, t));
      }
    }
    if (out.isEmpty()) {
      out.add(quarantine(uri, "0", format, Reasons.NO_TEXT, "file holds no records", null));
    }
    return out;
  }

  private CollectResult document(String uri, String format, String fileSha, long size, Extracted.Text t) {
    String raw = t.text();
    long undecodable = t.undecodableBytes();
    if (undecodable > 0 && undecodable > options.maxUndecodableRatio() * Math.max(1, size)) {
      return quarantine(uri, t.recordKey(), format, Reasons.UNDECODABLE_TEXT,
          undecodable + " of " + size + " bytes undecodable as " + t.charset()
              + " (limit collect.max-undecodable-ratio=" + options.maxUndecodableRatio() + ")", null);
    }
    DoorNormalizer.Result n = normalizer.normalize(raw);
    String text = n.text().strip();
    if (text.isEmpty()) {
      return quarantine(uri, t.recordKey(), format, Reasons.NO_TEXT, "no text after extraction and normalization", null);
    }
    if (text.length() > options.maxChars()) {
      return quarantine(uri, t.recordKey(), format, Reasons.TOO_LARGE,
          text.length() + " chars exceed collect.max-chars=" + options.maxChars(), null);
    }
    String sha = Hashing.sha256(text);
    String id = Hashing.docId(options.source(), uri, t.recordKey(), sha);
    return new CollectResult.Document(new CollectedDocument(id, options.source(), uri, t.recordKey(), format,
        t.charset(), text, text.length(), raw.length(), n.controlCharsRemoved(), undecodable, sha, fileSha, size,
        normalizeFields(t.fields())));
  }

  private java.util.Map<String, String> normalizeFields(java.util.Map<String, String> fields) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, v == null ? null : normalizer.normalize(v).text()));
    return out;
  }

  private static CollectResult quarantine(String uri, String key, String format, String reason, String detail, String payload) {
    return new CollectResult.Quarantined(uri, key, format, reason, detail, payload);
  }

  /** More than 1% NUL bytes (outside UTF-16) or more than 5% other control bytes in the first 8 KiB. */
  static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, SNIFF);
    if (n >= 2 && (((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) || ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF))) {
      return false;
    }
    int nul = 0;
    int ctrl = 0;
    int zeroEven = 0;
    int zeroOdd = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        nul++;
        if ((i & 1) == 0) zeroEven++; else zeroOdd++;
      } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
        ctrl++;
      }
    }
    boolean utf16Like = nul > n * 0.3 && (zeroEven < n * 0.02 || zeroOdd < n * 0.02);
    if (nul > Math.max(2, n * 0.01) && !utf16Like) return true;
    return ctrl > n * 0.05;
  }

  private static String describeBinary(byte[] b) {
    int n = Math.min(b.length, 4);
    StringBuilder sb = new StringBuilder("starts with");
    for (int i = 0; i < n; i++) sb.append(String.format(" %02x", b[i] & 0xFF));
    return sb.toString();
  }
}
