package feedline.common.sft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model-provided templates of other families, rendered by Jinjava and masked correctly. */
class ModelTemplateTest {
  /** Meta Llama 3 instruct's published chat template (content trimmed, BOS on the first message). */
  static final String LLAMA3 = "{% set loop_messages = messages %}{% for message in loop_messages %}"
      + "{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}"
      + "{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}"
      + "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

  /** Qwen2 instruct's published chat template (default system prompt when the row has none). */
  static final String QWEN2 = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
      + "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
      + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
      + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

  static final List<String> LLAMA_SPECIAL = List.of("<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>");
  static final List<String> WORDS = List.of("system", "user", "assistant", "You", "are", "a", "helpful", "doctor", ".", "Hi",
      "Hello", "!", "How", "is", "my", "heart", "?", "Fine");

  @Test
  void llama3TemplateTrimsContentAndOnlyTheRepliesAreTrained(@TempDir Path dir) throws Exception {
    TinyTokenizer.write(dir, WORDS, LLAMA3, LLAMA_SPECIAL);
    Map<String, Integer> v = TinyTokenizer.vocab(WORDS, LLAMA_SPECIAL);
    try (SftTokenizer tok = SftTokenizer.load(dir)) {
      TokenizerFiles f = new TokenizerFiles(LLAMA3, "<|begin_of_text|>", "<|eot_id|>", "<unk>", null, "x", null);
      ChatTemplate t = TemplateResolver.resolve(f, tok, "auto", "auto");
      List<Turn> chat = List.of(Turn.user("  Hi  "), Turn.assistant(" Hello !\n"), Turn.user("How is my heart ?"),
          Turn.assistant("Fine ."));
      assertThat(t.render(chat.subList(0, 2), false)).isEqualTo("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi"
          + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHello !<|eot_id|>");
      ExampleEncoder enc = new ExampleEncoder(t, tok, new EncodeOptions(100, Truncation.DROP, true, true, true, 0, false), "<unk>");
      ExampleEncoder.Piece p = enc.encode(new SftInput.Chat(chat)).pieces().get(0);
      int[] trained = Arrays.stream(p.labels()).filter(l -> l != TokenizedExample.IGNORE).toArray();
      assertThat(trained).containsExactly(v.get("Hello"), v.get("!"), v.get("<|eot_id|>"), v.get("Fine"), v.get("."), v.get("<|eot_id|>"));
    }
  }

  @Test
  void qwen2TemplateAddsItsDefaultSystemPromptWhichIsNotTrained(@TempDir Path dir) throws Exception {
    TinyTokenizer.write(dir, WORDS, QWEN2);
    Map<String, Integer> v = TinyTokenizer.vocab(WORDS);
    try (SftTokenizer tok = SftTokenizer.load(dir)) {
      ChatTemplate t = TemplateResolver.resolve(TokenizerFiles.read(dir), tok, "auto", "auto");
      assertThat(t.name()).isEqualTo("tokenizer_config.json");
      ExampleEncoder enc = new ExampleEncoder(t, tok, new EncodeOptions(100, Truncation.DROP, true, true, true, 0, false), "<unk>");
      ExampleEncoder.Result r = enc.encode(new SftInput.Chat(List.of(Turn.user("Hi"), Turn.assistant("Hello !"))));
      ExampleEncoder.Piece p = r.pieces().get(0);
      assertThat(p.ids()).startsWith(v.get("<|im_start|>"), v.get("system"), v.get("You"), v.get("are"), v.get("a"), v.get("helpful"));
      int[] trained = Arrays.stream(p.labels()).filter(l -> l != TokenizedExample.IGNORE).toArray();
      assertThat(trained).containsExactly(v.get("Hello"), v.get("!"), v.get("<|im_end|>"));
      assertThat(r.spanFallback()).isFalse();
    }
  }
}
