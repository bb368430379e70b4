package feedline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feedline.common.sft.DatasetCard;
import feedline.common.sft.ShardLayout;
import feedline.common.sft.ShardReader;
import feedline.common.sft.TokenizedExample;
import feedline.jobs.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildCliTest extends SparkTestBase {

  /** A model folder: WordLevel tokenizer.json with Llama 3 header tokens, no chat template. */
  private Path model() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> special = List.of("<unk>", "<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>");
    List<String> words = List.of("system", "user", "assistant", "Translate", "hola", "hello", "what", "is", "two", "plus",
        "four", "?", ".", "It", "a", "b", "c");
    ObjectNode root = json.createObjectNode().put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    var added = root.putArray("added_tokens");
    ObjectNode vocab = json.createObjectNode();
    int id = 0;
    for (String s : special) {
      added.addObject().put("id", id).put("content", s).put("single_word", false).put("lstrip", false).put("rstrip", false)
          .put("normalized", false).put("special", true);
      vocab.put(s, id++);
    }
    for (String w : words) vocab.put(w, id++);
    root.putNull("normalizer");
    root.putObject("pre_tokenizer").put("type", "Whitespace");
    root.putNull("post_processor");
    root.putNull("decoder");
    root.putObject("model").put("type", "WordLevel").put("unk_token", "<unk>").set("vocab", vocab);
    Path dir = Files.createDirectories(tmp.resolve("llama"));
    Files.writeString(dir.resolve("tokenizer.json"), json.writeValueAsString(root));
    return dir;
  }

  @Test
  void buildWritesAShardFolderWithCardAndQuarantineBeside() throws Exception {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\":\"1\",\"instruction\":\"Translate hola\",\"output\":\"hello\"}",
        "{\"id\":\"2\",\"question\":\"what is two plus two ?\",\"answer\":\"It is four .\"}",
        "{\"id\":\"3\",\"messages\":[{\"role\":\"user\",\"content\":\"a b c\"}]}",
        "{\"id\":\"4\",\"title\":\"no shape\"}",
        "{broken"));
    Path out = tmp.resolve("out/sft");
    int code = Main.run(new String[] {"build", "--input", in.toString(), "--output", out.toString(), "--tokenizer",
        model().toString(), "spark.master=local[2]", "spark.shuffle-partitions=2", "build.shard.partitions=1", "build.split.train=1", "build.split.validation=0", "build.split.test=0"});
    assertThat(code).isZero();
    assertThat(out.resolve(ShardLayout.CARD_JSON)).exists();
    assertThat(out.resolve(ShardLayout.CARD_MD)).exists();
    List<TokenizedExample> rows = new ArrayList<>();
    try (ShardReader r = ShardReader.open(out, ShardLayout.TRAIN)) {
      r.forEachRemaining(rows::add);
    }
    assertThat(rows).extracting(TokenizedExample::exampleId).containsExactly("1", "2");
    DatasetCard card = DatasetCard.read(out);
    // the model has no chat template: the Llama 3 fallback is detected from its header tokens
    assertThat(card.template().name()).isEqualTo("builtin:llama3");
    assertThat(card.counts().inputRows()).isEqualTo(4);
    assertThat(card.counts().dropped()).containsEntry("no_assistant_turn", 1L);
    String quarantine = Files.readString(tmp.resolve("out/sft.quarantine.jsonl"));
    assertThat(quarantine).contains("unknown_shape").contains("bad_record").contains("{broken");
  }
}
