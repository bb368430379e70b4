package feedline.common.sft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a model folder says about its tokenizer: the chat template and the special tokens from
 * {@code tokenizer_config.json} (optional file), and the hash of {@code tokenizer.json}.
 *
 * @param chatTemplate the Jinja chat template, or null when the model has none
 * @param bosToken beginning-of-sequence token text, or null
 * @param eosToken end-of-sequence token text, or null
 * @param unkToken unknown token text, or null (byte-level tokenizers have none)
 * @param tokenizerClass e.g. {@code LlamaTokenizerFast}, {@code Qwen2Tokenizer}, or null
 * @param tokenizerSha256 hex SHA-256 of tokenizer.json
 * @param configSha256 hex SHA-256 of tokenizer_config.json, or null
 */
public record TokenizerFiles(
    String chatTemplate,
    String bosToken,
    String eosToken,
    String unkToken,
    String tokenizerClass,
    String tokenizerSha256,
    String configSha256) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static TokenizerFiles read(Path modelDir) {
    Path tok = modelDir.resolve("tokenizer.json");
    if (!Files.isRegularFile(tok)) {
      throw new IllegalArgumentException("no tokenizer.json in " + modelDir + " (build.tokenizer must name a model folder holding tokenizer.json)");
    }
    Path cfg = modelDir.resolve("tokenizer_config.json");
    if (!Files.isRegularFile(cfg)) return new TokenizerFiles(null, null, null, null, null, sha256(tok), null);
    try {
      JsonNode c = JSON.readTree(cfg.toFile());
      return new TokenizerFiles(template(c.get("chat_template")), token(c.get("bos_token")), token(c.get("eos_token")),
          token(c.get("unk_token")), text(c.get("tokenizer_class")), sha256(tok), sha256(cfg));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + cfg + ": " + e.getMessage(), e);
    }
  }

  /** A template is a string, or a list of {name, template} of which "default" is used. */
  private static String template(JsonNode t) {
    if (t == null || t.isNull()) return null;
    if (t.isTextual()) return t.asText();
    if (t.isArray()) {
      for (JsonNode e : t) if ("default".equals(text(e.get("name")))) return text(e.get("template"));
      return t.size() > 0 ? text(t.get(0).get("template")) : null;
    }
    return null;
  }

  /** A special token is a string or an AddedToken object with {@code content}. */
  private static String token(JsonNode t) {
    if (t == null || t.isNull()) return null;
    if (t.isTextual()) return t.asText();
    return text(t.get("content"));
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  public static String sha256(Path file) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
