package feedline.trainer.lm;

import feedline.common.config.OptionReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of the {@code local-model} translator (config {@code feedline.augment.back-translation.local-model}).
 *
 * @param modelDir Hugging Face Llama/Qwen2 checkpoint directory (e.g. a local DeepSeek or Qwen instruct model)
 * @param adapterDir LoRA/PEFT adapter or prefix export directory, or null
 * @param prompt instruction template with {@code {from}}, {@code {to}} (English language names) and {@code {text}}
 * @param chatTemplate auto (use the model's chat template when it has one), true or false
 * @param maxNewFactor new tokens allowed per token of the source text
 * @param minNewTokens new tokens allowed on top of that (short texts)
 * @param maxNewTokens hard cap on new tokens per text
 * @param maxInputTokens a prompt longer than this fails for its text (translator_error)
 * @param pairs language pairs offered ({@code en-es}); empty = any pair
 * @param device cpu, gpu or auto
 */
public record LocalModelTranslatorOptions(String modelDir, String adapterDir, String prompt, String chatTemplate,
    double maxNewFactor, int minNewTokens, int maxNewTokens, int maxInputTokens, List<String> pairs, String device) {

  public static final String DEFAULT_PROMPT =
      "Translate the following text from {from} to {to}. Keep every placeholder such as <PHONE_1> and every number unchanged."
          + " Answer with the translation only.\n\n{text}";
  static final Set<String> KEYS = Set.of("model-dir", "adapter-dir", "prompt", "chat-template", "max-new-tokens-factor",
      "min-new-tokens", "max-new-tokens", "max-input-tokens", "pairs", "device");

  public static LocalModelTranslatorOptions from(Map<String, String> o) {
    String what = LocalModelTranslatorFactory.ENGINE + " translator option ";
    OptionReader r = new OptionReader(o, what).onlyKeys(KEYS, Set.of());
    String model = o.getOrDefault("model-dir", "");
    if (model.isBlank()) {
      throw new IllegalArgumentException(what + "model-dir is not set: the path of a Hugging Face Llama/Qwen2 checkpoint directory");
    }
    String prompt = o.getOrDefault("prompt", "");
    if (prompt.isBlank()) prompt = DEFAULT_PROMPT;
    if (!prompt.contains("{text}")) throw new IllegalArgumentException(what + "prompt = '" + prompt + "': must contain {text}");
    String chat = r.oneOf("chat-template", "auto", List.of("auto", "true", "false"));
    String device = r.oneOf("device", "cpu", List.of("cpu", "gpu", "auto"));
    String pairs = o.getOrDefault("pairs", "");
    String adapter = o.getOrDefault("adapter-dir", "");
    double factor = r.number("max-new-tokens-factor", 2.0, 0, 100);
    return new LocalModelTranslatorOptions(model.strip(), adapter.isBlank() ? null : adapter.strip(), prompt, chat, factor,
        r.integer("min-new-tokens", 16, 0, 100_000), r.integer("max-new-tokens", 512, 1, 100_000),
        r.integer("max-input-tokens", 2048, 8, 1 << 20),
        Arrays.stream(pairs.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(), device);
  }
}
