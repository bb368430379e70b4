package feedline.trainer.lm;

import feedline.common.config.OptionReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of the {@code lm} uncertainty scorer, read from {@code feedline.select.scorer.options}.
 *
 * @param modelDir Hugging Face Llama/Qwen2 checkpoint directory (config.json, safetensors, tokenizer.json)
 * @param adapterDir LoRA/PEFT adapter or prefix export directory, or null
 * @param labels the label set, in the order of the distributions
 * @param prompt prompt template; {@code {text}} is replaced by the row's text
 * @param labelPrefix text put before each label in the continuation (a space by default)
 * @param chatTemplate render the prompt as a user turn with the model's chat template
 * @param batchSize texts per forward pass (each text makes one row per label)
 * @param maxLength tokens of prompt plus the longest label; longer texts are cut at the end
 * @param lengthNormalize score a label by its mean token log-probability instead of the sum
 * @param device cpu, gpu or auto
 */
public record LmScorerOptions(String modelDir, String adapterDir, List<String> labels, String prompt, String labelPrefix,
    boolean chatTemplate, int batchSize, int maxLength, boolean lengthNormalize, String device) {

  public static final String DEFAULT_PROMPT = "{text}\nLabel:";
  static final Set<String> KEYS = Set.of("model-dir", "adapter-dir", "labels", "prompt", "label-prefix", "chat-template",
      "batch-size", "max-length", "length-normalize", "device");

  /**
   * Reads the options; unknown keys and bad values are errors naming the key. Keys of other scorers
   * ({@code train}, {@code text-field}, {@code label-field}) are ignored, so switching
   * {@code scorer.name} needs no other change.
   */
  public static LmScorerOptions from(Map<String, String> o) {
    OptionReader r = new OptionReader(o, LmScorerFactory.NAME + " scorer option ")
        .onlyKeys(KEYS, Set.of("train", "text-field", "label-field"));
    String model = o.getOrDefault("model-dir", "");
    if (model.isBlank()) {
      throw new IllegalArgumentException(LmScorerFactory.NAME + " scorer option model-dir is not set: the path of a Hugging Face"
          + " Llama/Qwen2 checkpoint directory (select.scorer.options.model-dir)");
    }
    String labelText = o.getOrDefault("labels", "");
    List<String> labels = Arrays.stream(labelText.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    if (labels.size() < 2) {
      throw new IllegalArgumentException(LmScorerFactory.NAME + " scorer option labels = '" + labelText
          + "': at least two comma-separated labels (e.g. complaint,praise)");
    }
    String prompt = o.getOrDefault("prompt", DEFAULT_PROMPT);
    if (prompt.isBlank()) prompt = DEFAULT_PROMPT;
    if (!prompt.contains("{text}")) {
      throw new IllegalArgumentException(LmScorerFactory.NAME + " scorer option prompt = '" + prompt + "': must contain {text}");
    }
    String adapter = o.getOrDefault("adapter-dir", "");
    String device = r.oneOf("device", "cpu", List.of("cpu", "gpu", "auto"));
    return new LmScorerOptions(model.strip(), adapter.isBlank() ? null : adapter.strip(), labels, prompt,
        o.getOrDefault("label-prefix", " "), r.bool("chat-template", false), r.integer("batch-size", 8, 1, 4096),
        r.integer("max-length", 512, 8, 1 << 20), r.bool("length-normalize", false), device);
  }
}
