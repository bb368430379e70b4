package feedline.jobs.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model folder with a small real tokenizer.json (Hugging Face WordLevel model, whitespace
 * pre-tokenizer, ChatML special tokens) and a tokenizer_config.json without a chat template, so
 * the built-in ChatML template is used. Ids: 0 {@code <unk>}, 1 {@code <s>}, 2 {@code </s>},
 * 3 {@code <|im_start|>}, 4 {@code <|im_end|>}, then {@link #WORDS} from 5.
 */
final class TinyModel {
  static final List<String> SPECIAL = List.of("<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>");
  static final List<String> WORDS = List.of("system", "user", "assistant", "You", "are", "a", "doctor", ".", "Hi", "Hello",
      "!", "How", "is", "my", "heart", "?", "Fine", "thanks", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "Translate", "hola", "hello", "Q", "A", "cardiology", "Patient", "asks", ":", "fever", "rest", "drink",
      "water", "and", "what", "about", "cough", "honey", "helps", "story", "text", "corpus", "plain");

  private TinyModel() {}

  static Map<String, Integer> vocab() {
    Map<String, Integer> v = new LinkedHashMap<>();
    for (String s : SPECIAL) v.put(s, v.size());
    for (String w : WORDS) v.putIfAbsent(w, v.size());
    return v;
  }

  static Path write(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Files.createDirectories(dir);
    ObjectNode root = json.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    Map<String, Integer> vocab = vocab();
    for (String s : SPECIAL) {
      added.addObject().put("id", vocab.get(s)).put("content", s).put("single_word", false).put("lstrip", false)
          .put("rstrip", false).put("normalized", false).put("special", true);
    }
    root.putNull("normalizer");
    root.putObject("pre_tokenizer").put("type", "Whitespace");
    root.putNull("post_processor");
    root.putNull("decoder");
    ObjectNode model = root.putObject("model").put("type", "WordLevel");
    ObjectNode v = model.putObject("vocab");
    vocab.forEach(v::put);
    model.put("unk_token", "<unk>");
    Files.writeString(dir.resolve("tokenizer.json"), json.writeValueAsString(root));
    ObjectNode cfg = json.createObjectNode().put("tokenizer_class", "PreTrainedTokenizerFast").put("bos_token", "<s>")
        .put("eos_token", "<|im_end|>").put("unk_token", "<unk>");
    Files.writeString(dir.resolve("tokenizer_config.json"), json.writeValueAsString(cfg));
    return dir;
  }
}
