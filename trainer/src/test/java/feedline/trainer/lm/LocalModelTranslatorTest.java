package feedline.trainer.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDManager;
import feedline.common.augment.translate.Translation;
import feedline.common.augment.translate.Translator;
import feedline.common.augment.translate.TranslatorFactory;
import feedline.trainer.generate.Generator;
import feedline.trainer.io.HfCheckpoint;
import feedline.trainer.model.LlamaModel;
import feedline.trainer.train.TrainFixtures;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local-model translator's mechanics on a tiny random checkpoint: the prompt comes from the
 * model's chat template, the answer is the model's own greedy continuation decoded, failures are
 * per item and the batch order is kept. A random model's "translations" are arbitrary tokens, not
 * meaningful text: these tests check the plumbing against an independent greedy decode, never the
 * translation quality.
 */
class LocalModelTranslatorTest {
  @TempDir static Path tmp;
  static Path model;

  @BeforeAll
  static void model() {
    model = tmp.resolve("model");
    TrainFixtures.tinyLlama(model, 5);
  }

  static Translator translator(String... kv) {
    Map<String, String> o = new HashMap<>(Map.of("model-dir", model.toString(), "min-new-tokens", "3",
        "max-new-tokens-factor", "0.5", "max-input-tokens", "300"));
    for (int i = 0; i < kv.length; i += 2) o.put(kv[i], kv[i + 1]);
    return TranslatorFactory.find("local-model").create(o);
  }

  /** Greedy continuation of the prompt with a separately loaded model and tokenizer, cut at eos, decoded. */
  static String direct(String prompt, int maxNew) throws Exception {
    HfCheckpoint.Loaded base = HfCheckpoint.load(model);
    try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(model.resolve("tokenizer.json"));
        NDManager root = NDManager.newBaseManager(Device.cpu());
        LlamaModel m = LlamaModel.create(root, base.config(), base.weights())) {
      long[] e = tok.encode(prompt, false, false).getIds();
      int[] ids = new int[e.length];
      for (int i = 0; i < ids.length; i++) ids[i] = (int) e[i];
      int[] out = Generator.continueIds(m, ids, maxNew, 0.0, 1.0, 0, base.config().eosTokenId());
      int len = 0;
      while (len < out.length && out[len] != base.config().eosTokenId()) len++;
      long[] keep = new long[len];
      for (int i = 0; i < len; i++) keep[i] = out[i];
      return tok.decode(keep, true).strip();
    }
  }

  @Test
  void promptsComeFromTheChatTemplateAndAnswersAreTheModelsGreedyDecode() throws Exception {
    LocalModelTranslator t = (LocalModelTranslator) translator();
    String p = t.prompt("hello there", "en", "es");
    assertThat(p).isEqualTo("<s><|user|>\nTranslate the following text from English to Spanish. Keep every placeholder such as"
        + " <PHONE_1> and every number unchanged. Answer with the translation only.\n\nhello there</s>\n<|assistant|>\n");
    assertThat(((LocalModelTranslator) translator("chat-template", "false", "prompt", "{from}>{to}: {text} =")).prompt("hi", "zh", "en"))
        .isEqualTo("Chinese>English: hi =");
    // 11 source tokens (byte-level) * 0.5 + 3
    assertThat(t.maxNew(11)).isEqualTo(9);

    List<String> texts = List.of("hello there", "x".repeat(400), "", "good morning");
    List<Translation> out = t.translate(texts, "en", "es");
    assertThat(out).hasSize(4);
    assertThat(out.get(1).isOk()).isFalse();
    assertThat(out.get(1).error()).contains("max-input-tokens");
    assertThat(out.get(2).error()).isEqualTo("empty text");
    for (int i : new int[] {0, 3}) {
      String want = direct(t.prompt(texts.get(i), "en", "es"), t.maxNew(texts.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
      if (want.isEmpty()) {
        assertThat(out.get(i).error()).contains("empty");
      } else {
        assertThat(out.get(i).text()).as(texts.get(i)).isEqualTo(want);
      }
    }
    // this seed's model answers both texts (no eos first), so the decode path above was compared
    assertThat(out.get(0).isOk() && out.get(3).isOk()).isTrue();
    // batch order is kept
    List<Translation> reversed = t.translate(List.of("good morning", "hello there"), "en", "es");
    assertThat(reversed.get(0)).isEqualTo(out.get(3));
    assertThat(reversed.get(1)).isEqualTo(out.get(0));
  }

  @Test
  void pairsAndBadSettingsFailClearly() {
    Translator t = translator("pairs", "en-es,es-en");
    assertThat(t.supports("en", "es")).isTrue();
    assertThat(t.supports("en", "fr")).isFalse();
    assertThat(t.engine()).startsWith("local-model:").contains(model.getFileName().toString());
    assertThat(t.translate(List.of("a", "b"), "en", "fr")).hasSize(2).allSatisfy(x -> assertThat(x.error()).contains("does not offer en-fr"));
    assertThatThrownBy(() -> translator("model-dir", tmp.resolve("missing").toString()))
        .hasMessageContaining("local-model translator option model-dir").hasMessageContaining("no such directory");
    assertThatThrownBy(() -> translator("model-dir", "")).hasMessageContaining("model-dir is not set");
    assertThatThrownBy(() -> translator("beam", "4")).hasMessageContaining("unknown option 'beam'");
    assertThatThrownBy(() -> translator("chat-template", "maybe")).hasMessageContaining("auto, true, false");
    assertThatThrownBy(() -> TranslatorFactory.find("nope")).hasMessageContaining("registered: [local-model]");
  }

  @Test
  void aLeadingThinkBlockIsDropped() {
    assertThat(LocalModelTranslator.clean("<think>\nthe user wants Spanish\n</think>\n\nhola")).isEqualTo("hola");
    assertThat(LocalModelTranslator.clean(" hola <think>x</think>")).isEqualTo("hola <think>x</think>");
  }
}
