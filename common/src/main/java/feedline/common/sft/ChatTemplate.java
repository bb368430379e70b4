package feedline.common.sft;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A chat template rendered with Jinjava the way Hugging Face transformers renders it
 * ({@code trim_blocks} and {@code lstrip_blocks} on; {@code messages}, {@code bos_token},
 * {@code eos_token}, {@code add_generation_prompt} and {@code raise_exception} in scope), so the
 * training text is the text the deployed model sees at inference.
 *
 * @param name where the template came from: {@code tokenizer_config.json} or {@code builtin:<family>}
 * @param source the Jinja source
 */
public record ChatTemplate(String name, String source, String bosToken, String eosToken) {

  private static final ThreadLocal<Jinjava> ENGINE = ThreadLocal.withInitial(ChatTemplate::engine);

  private static Jinjava engine() {
    Jinjava j = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true).build());
    j.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception", ChatTemplate.class,
        "raiseException", String.class));
    return j;
  }

  /** Called by templates that reject a conversation (e.g. roles not alternating). */
  public static String raiseException(String message) {
    throw new TemplateRejected(message);
  }

  /** A template refused the conversation through {@code raise_exception}. */
  public static final class TemplateRejected extends RuntimeException {
    public TemplateRejected(String m) {
      super(m);
    }
  }

  /** Renders the conversation; with {@code addGenerationPrompt} the assistant header is appended. */
  public String render(List<Turn> turns, boolean addGenerationPrompt) {
    List<Map<String, Object>> messages = new ArrayList<>(turns.size());
    for (Turn t : turns) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("role", t.role().jinja());
      m.put("content", t.content());
      messages.add(m);
    }
    Map<String, Object> ctx = new HashMap<>();
    ctx.put("messages", messages);
    ctx.put("bos_token", bosToken == null ? "" : bosToken);
    ctx.put("eos_token", eosToken == null ? "" : eosToken);
    ctx.put("add_generation_prompt", addGenerationPrompt);
    RenderResult r;
    try {
      r = ENGINE.get().renderForResult(source, ctx);
    } catch (TemplateRejected e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable c = e;
      while (c.getCause() != null && c.getCause() != c) {
        c = c.getCause();
        if (c instanceof TemplateRejected tr) throw tr;
      }
      throw new IllegalArgumentException("chat template " + name + " failed: " + e.getMessage(), e);
    }
    List<TemplateError> fatal = r.getErrors().stream()
        .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).toList();
    for (TemplateError e : fatal) {
      if (e.getException() instanceof TemplateRejected tr) throw tr;
      Throwable c = e.getException();
      while (c != null && c.getCause() != null && c.getCause() != c) {
        c = c.getCause();
        if (c instanceof TemplateRejected tr) throw tr;
      }
      if (e.getMessage() != null && e.getMessage().contains("TemplateRejected")) throw new TemplateRejected(e.getMessage());
    }
    if (!fatal.isEmpty()) {
      throw new IllegalArgumentException("chat template " + name + " failed: "
          + fatal.stream().map(TemplateError::getMessage).collect(Collectors.joining("; ")));
    }
    return r.getOutput();
  }
}
