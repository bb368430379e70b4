package feedline.trainer.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import feedline.trainer.io.CheckpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The chat template of a model's {@code tokenizer_config.json}, rendered with Jinjava. */
public final class ChatTemplate {
  private final String template;
  private final String bos;
  private final String eos;

  private ChatTemplate(String template, String bos, String eos) {
    this.template = template;
    this.bos = bos;
    this.eos = eos;
  }

  /** The template of {@code modelDir}, or null when it has none. */
  public static ChatTemplate of(Path modelDir) {
    Path f = modelDir.resolve("tokenizer_config.json");
    if (!Files.isRegularFile(f)) return null;
    try {
      JsonNode n = new ObjectMapper().readTree(f.toFile());
      JsonNode t = n.get("chat_template");
      if (t == null || t.isNull()) return null;
      String text = t.isTextual() ? t.asText() : t.path(0).path("template").asText(null);
      if (text == null) return null;
      return new ChatTemplate(text, token(n.get("bos_token")), token(n.get("eos_token")));
    } catch (IOException e) {
      throw new CheckpointException(f + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  private static String token(JsonNode t) {
    if (t == null || t.isNull()) return "";
    return t.isTextual() ? t.asText() : t.path("content").asText("");
  }

  /** One user turn, with the assistant's turn opened. */
  public String renderUser(String prompt) {
    Map<String, Object> ctx = new HashMap<>();
    ctx.put("messages", List.of(Map.of("role", "user", "content", prompt)));
    ctx.put("add_generation_prompt", true);
    ctx.put("bos_token", bos);
    ctx.put("eos_token", eos);
    return new Jinjava().render(template, ctx);
  }
}
