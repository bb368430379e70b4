package feedline.trainer.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.common.augment.translate.Translation;
import feedline.common.augment.translate.Translator;
import feedline.trainer.generate.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates with a local causal language model: each text becomes an instruction prompt (rendered
 * as a user turn by the model's chat template when it has one), the answer is generated greedily by
 * {@link Generator} for at most {@code factor * source tokens + min-new-tokens} new tokens (capped
 * by {@code max-new-tokens}), cut at the first stop token, stripped of a leading
 * {@code <think>...</think>} block (DeepSeek-R1 distills reason first) and decoded. Texts are done
 * one after the other in batch order; a text that fails (too long, empty answer, engine error)
 * gets a failed {@link Translation}, never an exception.
 */
public final class LocalModelTranslator implements Translator {
  private static final Pattern THINK = Pattern.compile("^\\s*<think>.*?</think>\\s*", Pattern.DOTALL);

  private final LmRuntime runtime;
  private final LocalModelTranslatorOptions options;
  private final boolean useChat;
  private final int eos;
  private final Set<Integer> stops;

  LocalModelTranslator(LmRuntime runtime, LocalModelTranslatorOptions options) {
    this.runtime = runtime;
    this.options = options;
    boolean has = runtime.chatTemplate() != null;
    if (options.chatTemplate().equals("true") && !has) {
      throw new IllegalArgumentException(LocalModelTranslatorFactory.ENGINE + " translator option chat-template = true, but "
          + runtime.modelDir() + "/tokenizer_config.json has no chat_template");
    }
    this.useChat = options.chatTemplate().equals("true") || (options.chatTemplate().equals("auto") && has);
    this.stops = stopIds(runtime);
    this.eos = stops.iterator().next();
  }

  /** The config's eos id, then the tokenizer's eos_token and generation_config.json's eos_token_id(s). */
  static Set<Integer> stopIds(LmRuntime rt) {
    Set<Integer> ids = new LinkedHashSet<>();
    ids.add(rt.config().eosTokenId());
    ObjectMapper json = new ObjectMapper();
    try {
      Path tc = rt.modelDir().resolve("tokenizer_config.json");
      if (Files.isRegularFile(tc)) {
        JsonNode e = json.readTree(tc.toFile()).get("eos_token");
        String s = e == null || e.isNull() ? null : e.isTextual() ? e.asText() : e.path("content").asText(null);
        if (s != null && !s.isEmpty()) {
          int[] enc = rt.encode(s);
          if (enc.length == 1) ids.add(enc[0]);
        }
      }
      Path gc = rt.modelDir().resolve("generation_config.json");
      if (Files.isRegularFile(gc)) {
        JsonNode e = json.readTree(gc.toFile()).get("eos_token_id");
        if (e != null && e.isInt()) ids.add(e.asInt());
        if (e != null && e.isArray()) e.forEach(x -> ids.add(x.asInt()));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(rt.modelDir() + ": cannot read tokenizer or generation config: " + e.getMessage(), e);
    }
    return ids;
  }

  @Override
  public String engine() {
    return LocalModelTranslatorFactory.ENGINE + ":" + runtime.modelDir() + (runtime.adapterDir() == null ? "" : "+" + runtime.adapterDir());
  }

  @Override
  public boolean supports(String from, String to) {
    return !from.equals(to) && (options.pairs().isEmpty() || options.pairs().contains(from + "-" + to));
  }

  /** English name of an ISO 639-1 code ({@code es} to Spanish); the code itself when Java knows no name. */
  static String languageName(String code) {
    String n = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return n == null || n.isBlank() ? code : n;
  }

  /** The prompt the model continues for {@code text}. */
  public String prompt(String text, String from, String to) {
    String p = options.prompt().replace("{from}", languageName(from)).replace("{to}", languageName(to)).replace("{text}", text);
    return useChat ? runtime.chatTemplate().renderUser(p) : p;
  }

  /** New tokens allowed for a source text of {@code sourceTokens} tokens. */
  int maxNew(int sourceTokens) {
    long n = (long) Math.ceil(options.maxNewFactor() * sourceTokens) + options.minNewTokens();
    return (int) Math.max(1, Math.min(options.maxNewTokens(), n));
  }

  /** The answer without a leading {@code <think>...</think>} block and surrounding space. */
  static String clean(String decoded) {
    return THINK.matcher(decoded).replaceFirst("").strip();
  }

  @Override
  public List<Translation> translate(List<String> texts, String from, String to) {
    if (!supports(from, to)) return Translation.allFailed(texts.size(), engine() + " does not offer " + from + "-" + to);
    List<Translation> out = new ArrayList<>(texts.size());
    for (String t : texts) out.add(one(t, from, to));
    return out;
  }

  private Translation one(String text, String from, String to) {
    try {
      if (text == null || text.isBlank()) return Translation.failed("empty text");
      int[] prompt = runtime.encode(prompt(text, from, to));
      if (prompt.length > options.maxInputTokens()) {
        return Translation.failed("prompt of " + prompt.length + " tokens is longer than max-input-tokens = " + options.maxInputTokens());
      }
      int limit = maxNew(runtime.encode(text).length);
      int[] gen = runtime.run(m -> Generator.continueIds(m, prompt, limit, 0.0, 1.0, 0, eos));
      int len = 0;
      while (len < gen.length && !stops.contains(gen[len])) len++;
      int[] answer = java.util.Arrays.copyOf(gen, len);
      String s = clean(runtime.decode(answer));
      if (s.isEmpty()) return Translation.failed("the model answered with an empty text");
      return Translation.ok(s);
    } catch (RuntimeException e) {
      return Translation.failed(LocalModelTranslatorFactory.ENGINE + ": " + e);
    }
  }
}
