package feedline.common.sft;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model's tokenizer, read from its {@code tokenizer.json} with DJL's binding of the Hugging Face
 * tokenizers library, offline. Text is encoded as is: no special tokens are added (the chat
 * template writes them), no truncation, no padding. Thread-safe for encoding; one per JVM is enough.
 */
public final class SftTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final String sha256;

  private SftTokenizer(HuggingFaceTokenizer tokenizer, String sha256) {
    this.tokenizer = tokenizer;
    this.sha256 = sha256;
  }

  /** Loads {@code tokenizer.json} (a file, or a model folder holding one). */
  public static SftTokenizer load(Path tokenizerJsonOrDir) {
    Path file = Files.isDirectory(tokenizerJsonOrDir) ? tokenizerJsonOrDir.resolve("tokenizer.json") : tokenizerJsonOrDir;
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no tokenizer.json at " + file + " (build.tokenizer names the model folder)");
    }
    try {
      HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(file, Map.of(
          "addSpecialTokens", "false", "truncation", "false", "padding", "false",
          "modelMaxLength", String.valueOf(Integer.MAX_VALUE), "maxLength", String.valueOf(Integer.MAX_VALUE)));
      return new SftTokenizer(t, TokenizerFiles.sha256(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load tokenizer " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot load tokenizer " + file + ": " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the tokenizer.json bytes (hex). */
  public String sha256() {
    return sha256;
  }

  /**
   * Encodes text. Offsets are Java {@code char} indexes into {@code text}: token {@code i} covers
   * {@code [starts[i], ends[i])} (special tokens included; tokens with no source text have an empty span).
   */
  public Encoded encode(String text) {
    Encoding e = tokenizer.encode(text, false, false);
    long[] ids = e.getIds();
    CharSpan[] spans = e.getCharTokenSpans();
    int n = ids.length;
    int[] out = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    CodePointIndex cp = CodePointIndex.of(text);
    for (int i = 0; i < n; i++) {
      out[i] = Math.toIntExact(ids[i]);
      CharSpan s = spans == null || i >= spans.length ? null : spans[i];
      if (s == null) {
        starts[i] = i == 0 ? 0 : ends[i - 1];
        ends[i] = starts[i];
      } else {
        starts[i] = cp.toCharIndex(s.getStart());
        ends[i] = cp.toCharIndex(s.getEnd());
      }
    }
    return new Encoded(out, starts, ends);
  }

  /** Token ids only. */
  public int[] ids(String text) {
    long[] ids = tokenizer.encode(text, false, false).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) out[i] = Math.toIntExact(ids[i]);
    return out;
  }

  public String decode(int[] ids) {
    long[] l = new long[ids.length];
    for (int i = 0; i < ids.length; i++) l[i] = ids[i];
    return tokenizer.decode(l, false);
  }

  /** Id of a token string (e.g. a special token), or -1 when the vocabulary has none such as one token. */
  public int tokenId(String token) {
    if (token == null || token.isEmpty()) return -1;
    int[] ids = ids(token);
    return ids.length == 1 && token.equals(decode(ids)) ? ids[0] : -1;
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  /** Ids and per-token character spans. */
  public record Encoded(int[] ids, int[] starts, int[] ends) {
    public int size() {
      return ids.length;
    }
  }

  /**
   * The tokenizers library reports offsets in Unicode code points; Java strings index UTF-16
   * units. This maps one to the other (identity for text without supplementary characters).
   */
  static final class CodePointIndex {
    private final int[] charAt;

    private CodePointIndex(int[] charAt) {
      this.charAt = charAt;
    }

    static CodePointIndex of(String text) {
      int cps = text.codePointCount(0, text.length());
      if (cps == text.length()) return new CodePointIndex(null);
      int[] m = new int[cps + 1];
      int ci = 0;
      for (int k = 0; k < cps; k++) {
        m[k] = ci;
        ci += Character.charCount(text.codePointAt(ci));
      }
      m[cps] = text.length();
      return new CodePointIndex(m);
    }

    int toCharIndex(int codePoint) {
      if (charAt == null) return codePoint;
      return charAt[Math.max(0, Math.min(codePoint, charAt.length - 1))];
    }
  }
}
