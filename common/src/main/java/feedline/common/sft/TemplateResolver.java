package feedline.common.sft;

import java.util.List;
import java.util.Locale;

/**
 * Picks the chat template: the model's own {@code chat_template} when it has one (unless told to
 * use a built-in one), else the built-in template of the model family (named, or detected from the
 * tokenizer's special tokens).
 */
public final class TemplateResolver {
  private TemplateResolver() {}

  public static final List<String> SOURCES = List.of("auto", "model", "builtin");

  /**
   * @param source {@code auto} (model template if present, else built-in), {@code model} (required)
   *     or {@code builtin}
   * @param family {@code auto} or one of {@link BuiltinTemplates#FAMILIES}
   */
  public static ChatTemplate resolve(TokenizerFiles files, SftTokenizer tokenizer, String source, String family) {
    String s = source.toLowerCase(Locale.ROOT);
    if (!SOURCES.contains(s)) {
      throw new IllegalArgumentException("build.template.source = '" + source + "'; allowed: " + SOURCES);
    }
    if (!s.equals("builtin") && files.chatTemplate() != null && !files.chatTemplate().isBlank()) {
      return new ChatTemplate("tokenizer_config.json", files.chatTemplate(), files.bosToken(), files.eosToken());
    }
    if (s.equals("model")) {
      throw new IllegalArgumentException("build.template.source = model but tokenizer_config.json has no chat_template;"
          + " allowed: " + SOURCES + " (auto falls back to a built-in template)");
    }
    String fam = family.toLowerCase(Locale.ROOT);
    if (fam.equals("auto")) {
      fam = BuiltinTemplates.detect(tokenizer);
      if (fam == null) {
        throw new IllegalArgumentException("build.template.family = auto, but the tokenizer has none of the marker tokens "
            + BuiltinTemplates.MARKERS + "; set build.template.family to one of " + BuiltinTemplates.FAMILIES);
      }
    } else if (!BuiltinTemplates.FAMILIES.contains(fam)) {
      throw new IllegalArgumentException("build.template.family = '" + family + "'; allowed: auto, "
          + String.join(", ", BuiltinTemplates.FAMILIES));
    }
    String bos = files.bosToken();
    String eos = files.eosToken();
    if (fam.equals("llama3")) {
      if (bos == null) bos = "<|begin_of_text|>";
      if (eos == null) eos = "<|eot_id|>";
    } else if (fam.equals("chatml")) {
      if (eos == null) eos = "<|im_end|>";
    } else if (fam.equals("deepseek")) {
      if (bos == null) bos = "<｜begin▁of▁sentence｜>";
      if (eos == null) eos = "<｜end▁of▁sentence｜>";
    }
    return new ChatTemplate("builtin:" + fam, BuiltinTemplates.source(fam), bos, eos);
  }
}
