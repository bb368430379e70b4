package feedline.trainer.lm;

import feedline.common.augment.translate.Translator;
import feedline.common.augment.translate.TranslatorFactory;
import java.util.Map;

/**
 * {@code local-model}: back-translation with a local Hugging Face Llama/Qwen2 checkpoint directory
 * (for example a DeepSeek or Qwen instruct model copied to the machine), run by feedline's own
 * {@link feedline.trainer.model.LlamaModel} on DJL. The model is loaded once per JVM
 * ({@link LmRuntimes}). Options: {@link LocalModelTranslatorOptions}.
 */
public final class LocalModelTranslatorFactory implements TranslatorFactory {
  public static final String ENGINE = "local-model";

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public Translator create(Map<String, String> options) {
    LocalModelTranslatorOptions o = LocalModelTranslatorOptions.from(options);
    LmRuntime rt = LmRuntimes.get(o.modelDir(), o.adapterDir(), o.device(), ENGINE + " translator option model-dir");
    return new LocalModelTranslator(rt, o);
  }
}
