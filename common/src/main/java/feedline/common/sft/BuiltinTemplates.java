package feedline.common.sft;

import java.util.List;
import java.util.Locale;

/**
 * Fallback chat templates per model family, for model folders whose tokenizer_config.json has no
 * chat_template. Each mirrors its family's published template for system, user and assistant turns.
 */
public final class BuiltinTemplates {
  private BuiltinTemplates() {}

  public static final List<String> FAMILIES = List.of("chatml", "llama3", "deepseek");

  /** Qwen2 / ChatML. */
  static final String CHATML = "{% for message in messages %}"
      + "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
      + "{% endfor %}"
      + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

  /** Llama 3 instruct. */
  static final String LLAMA3 = "{{ bos_token }}{% for message in messages %}"
      + "{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] + '<|eot_id|>' }}"
      + "{% endfor %}"
      + "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

  /** DeepSeek V3 / R1 (system prompts first, then User / Assistant turns). */
  static final String DEEPSEEK = "{{ bos_token }}"
      + "{% for message in messages %}{% if message['role'] == 'system' %}{{ message['content'] }}{% endif %}{% endfor %}"
      + "{% for message in messages %}"
      + "{% if message['role'] == 'user' %}{{ '<｜User｜>' + message['content'] }}{% endif %}"
      + "{% if message['role'] == 'assistant' %}{{ '<｜Assistant｜>' + message['content'] + '<｜end▁of▁sentence｜>' }}{% endif %}"
      + "{% endfor %}"
      + "{% if add_generation_prompt %}{{ '<｜Assistant｜>' }}{% endif %}";

  public static String source(String family) {
    switch (family.toLowerCase(Locale.ROOT)) {
      case "chatml":
      case "qwen2":
        return CHATML;
      case "llama3":
      case "llama":
        return LLAMA3;
      case "deepseek":
        return DEEPSEEK;
      default:
        throw new IllegalArgumentException("unknown template family '" + family + "'; allowed: " + FAMILIES);
    }
  }

  /** Special tokens that identify each family in a vocabulary, in {@link #FAMILIES} order. */
  static final List<String> MARKERS = List.of("<|im_start|>", "<|start_header_id|>", "<｜User｜>");

  /** The family whose marker token is one token of the vocabulary, or null. */
  public static String detect(SftTokenizer tokenizer) {
    for (int i = 0; i < FAMILIES.size(); i++) {
      if (tokenizer.tokenId(MARKERS.get(i)) >= 0) return FAMILIES.get(i);
    }
    return null;
  }
}
