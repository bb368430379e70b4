package feedline.common.sft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleEncoderTest {
  static final int IGN = TokenizedExample.IGNORE;
  static SftTokenizer tok;
  static ChatTemplate chatml;
  static Map<String, Integer> v = TinyTokenizer.vocab(TinyTokenizer.WORDS);

  @BeforeAll
  static void load(@TempDir Path dir) throws Exception {
    TinyTokenizer.write(dir, TinyTokenizer.WORDS, null);
    tok = SftTokenizer.load(dir);
    chatml = TemplateResolver.resolve(TokenizerFiles.read(dir), tok, "auto", "auto");
  }

  @AfterAll
  static void close() {
    tok.close();
  }

  private static int[] ids(String... tokens) {
    return Arrays.stream(tokens).mapToInt(t -> v.get(t)).toArray();
  }

  private static ExampleEncoder encoder(int max, Truncation t, boolean assistantOnly) {
    return new ExampleEncoder(chatml, tok, new EncodeOptions(max, t, assistantOnly, true, true, 0.2, true), "<unk>");
  }

  private static final List<Turn> CHAT = List.of(Turn.system("You are a doctor ."), Turn.user("Hi"), Turn.assistant("Hello !"),
      Turn.user("How is my heart ?"), Turn.assistant("Fine thanks ."));

  @Test
  void fallbackTemplateIsChatmlDetectedFromTheVocabulary() {
    assertThat(chatml.name()).isEqualTo("builtin:chatml");
    assertThat(chatml.render(CHAT.subList(0, 2), true)).isEqualTo(
        "<|im_start|>system\nYou are a doctor .<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
  }

  @Test
  void labelsCoverOnlyTheAssistantRepliesAndTheirEndTokens() {
    var r = encoder(100, Truncation.DROP, true).encode(new SftInput.Chat(CHAT));
    assertThat(r.dropped()).isFalse();
    var p = r.pieces().get(0);
    int[] expectIds = ids("<|im_start|>", "system", "You", "are", "a", "doctor", ".", "<|im_end|>",
        "<|im_start|>", "user", "Hi", "<|im_end|>",
        "<|im_start|>", "assistant", "Hello", "!", "<|im_end|>",
        "<|im_start|>", "user", "How", "is", "my", "heart", "?", "<|im_end|>",
        "<|im_start|>", "assistant", "Fine", "thanks", ".", "<|im_end|>");
    assertThat(p.ids()).containsExactly(expectIds);
    int[] expectLabels = new int[expectIds.length];
    Arrays.fill(expectLabels, IGN);
    for (int k : new int[] {14, 15, 16, 27, 28, 29, 30}) expectLabels[k] = expectIds[k];
    assertThat(p.labels()).containsExactly(expectLabels);
  }

  @Test
  void withoutAssistantOnlyEveryTokenButTheFirstIsTrained() {
    var p = encoder(100, Truncation.DROP, false).encode(new SftInput.Chat(CHAT)).pieces().get(0);
    assertThat(p.labels()[0]).isEqualTo(IGN);
    assertThat(Arrays.copyOfRange(p.labels(), 1, p.labels().length)).containsExactly(Arrays.copyOfRange(p.ids(), 1, p.ids().length));
  }

  @Test
  void truncationPoliciesDropTruncateOrSplitOnExchanges() {
    SftInput in = new SftInput.Chat(CHAT); // 31 tokens; the system prompt is 8, each exchange 9 and 14
    var dropped = encoder(20, Truncation.DROP, true).encode(in);
    assertThat(dropped.dropReason()).isEqualTo(SftReasons.TOO_LONG_TOKENS);
    assertThat(dropped.fullTokens()).isEqualTo(31);

    var truncated = encoder(20, Truncation.TRUNCATE, true).encode(in);
    assertThat(truncated.truncated()).isTrue();
    assertThat(truncated.pieces()).hasSize(1);
    assertThat(truncated.pieces().get(0).ids()).hasSize(20);
    assertThat(truncated.pieces().get(0).labels()[14]).isEqualTo(v.get("Hello"));

    var split = encoder(24, Truncation.SPLIT, true).encode(in);
    assertThat(split.split()).isTrue();
    assertThat(split.truncated()).isFalse();
    assertThat(split.pieces()).hasSize(2);
    var second = split.pieces().get(1);
    // the second piece repeats the system prompt and holds the second exchange only
    assertThat(second.ids()).startsWith(ids("<|im_start|>", "system", "You", "are", "a", "doctor", ".", "<|im_end|>",
        "<|im_start|>", "user", "How"));
    assertThat(second.ids()).hasSize(22);
    assertThat(Arrays.stream(second.labels()).filter(l -> l != IGN).toArray())
        .containsExactly(ids("Fine", "thanks", ".", "<|im_end|>"));

    // an exchange that alone does not fit is truncated; with nothing trained left it is dropped
    var tiny = encoder(10, Truncation.SPLIT, true).encode(in);
    assertThat(tiny.dropReason()).isEqualTo(SftReasons.NO_LABELS);
  }

  @Test
  void unknownTokensAreRemovedWhenFewAndDropTheRowWhenMany() {
    var few = encoder(100, Truncation.DROP, true).encode(new SftInput.Chat(List.of(Turn.user("Hi zzz"), Turn.assistant("Hello ! Fine thanks ."))));
    assertThat(few.dropped()).isFalse();
    assertThat(few.unknownTokens()).isEqualTo(1);
    assertThat(few.unknownRemoved()).isTrue();
    assertThat(few.pieces().get(0).ids()).doesNotContain(v.get("<unk>"));
    var many = encoder(100, Truncation.DROP, true).encode(new SftInput.Chat(List.of(Turn.user("qq ww ee rr"), Turn.assistant("yy uu"))));
    assertThat(many.dropReason()).isEqualTo(SftReasons.UNKNOWN_TOKENS);
    assertThat(many.dropDetail()).contains("build.unknown.max-fraction");
  }

  @Test
  void plainTextIsTrainedWholeAndCutIntoWindowsWhenSplit() {
    var r = encoder(4, Truncation.SPLIT, true).encode(new SftInput.Text("one two three four five six seven"));
    // <s> + 7 words + <|im_end|> (the EOS) = 9 tokens -> windows of 4, 4, 1; the last window has
    // nothing to train on (its only token has no predecessor) and is left out
    List<int[]> all = new ArrayList<>();
    r.pieces().forEach(p -> all.add(p.ids()));
    assertThat(r.split()).isTrue();
    assertThat(all).hasSize(2);
    assertThat(all.get(0)).containsExactly(ids("<s>", "one", "two", "three"));
    assertThat(all.get(1)).containsExactly(ids("four", "five", "six", "seven"));
    assertThat(r.pieces().get(1).labels()).containsExactly(IGN, v.get("five"), v.get("six"), v.get("seven"));
  }

  @Test
  void aTemplateThatRaisesDropsTheRow() {
    ChatTemplate strict = new ChatTemplate("strict", "{% for m in messages %}{% if m['role'] == 'system' %}"
        + "{{ raise_exception('System role not supported') }}{% endif %}{{ m['content'] }}{% endfor %}", null, null);
    var enc = new ExampleEncoder(strict, tok, new EncodeOptions(100, Truncation.DROP, true, true, true, 0.2, true), "<unk>");
    var r = enc.encode(new SftInput.Chat(CHAT));
    assertThat(r.dropReason()).isEqualTo(SftReasons.TEMPLATE_REJECTED);
    assertThat(r.dropDetail()).contains("System role not supported");
  }
}
