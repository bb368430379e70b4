package feedline.common.sft;

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
 * Writes a small real tokenizer.json (a Hugging Face WordLevel model with a whitespace
 * pre-tokenizer and ChatML special tokens) and a tokenizer_config.json, for tests that need a
 * tokenizer but nothing external. Ids: 0 {@code <unk>}, 1 {@code <s>}, 2 {@code </s>},
 * 3 {@code <|im_start|>}, 4 {@code <|im_end|>}, then the given words from 5 in order.
 */
final class TinyTokenizer {
  static final List<String> SPECIAL = List.of("<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>");
  static final ObjectMapper JSON = new ObjectMapper();

  private TinyTokenizer() {}

  static Map<String, Integer> vocab(List<String> words) {
    return vocab(words, List.of());
  }

  static Map<String, Integer> vocab(List<String> words, List<String> extraSpecial) {
    Map<String, Integer> v = new LinkedHashMap<>();
    for (String s : SPECIAL) v.put(s, v.size());
    for (String s : extraSpecial) v.putIfAbsent(s, v.size());
    for (String w : words) v.putIfAbsent(w, v.size());
    return v;
  }

  /** Writes tokenizer.json and, when {@code chatTemplate} is given, tokenizer_config.json with it. */
  static Path write(Path dir, List<String> words, String chatTemplate) throws IOException {
    return write(dir, words, chatTemplate, List.of());
  }

  /** As above, with more special tokens (ids after the five built-in ones). */
  static Path write(Path dir, List<String> words, String chatTemplate, List<String> extraSpecial) throws IOException {
    Files.createDirectories(dir);
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    Map<String, Integer> vocab = vocab(words, extraSpecial);
    List<String> specials = new java.util.ArrayList<>(SPECIAL);
    specials.addAll(extraSpecial);
    for (String s : specials) {
      ObjectNode t = added.addObject();
      t.put("id", vocab.get(s));
      t.put("content", s);
      t.put("single_word", false);
      t.put("lstrip", false);
      t.put("rstrip", false);
      t.put("normalized", false);
      t.put("special", true);
    }
    root.putNull("normalizer");
    root.putObject("pre_tokenizer").put("type", "Whitespace");
    root.putNull("post_processor");
    root.putNull("decoder");
    ObjectNode model = root.putObject("model");
    model.put("type", "WordLevel");
    ObjectNode v = model.putObject("vocab");
    vocab.forEach(v::put);
    model.put("unk_token", "<unk>");
    Files.writeString(dir.resolve("tokenizer.json"), JSON.writeValueAsString(root));
    ObjectNode cfg = JSON.createObjectNode();
    cfg.put("tokenizer_class", "PreTrainedTokenizerFast");
    cfg.put("bos_token", "<s>");
    cfg.putObject("eos_token").put("content", "<|im_end|>").put("__type", "AddedToken");
    cfg.put("unk_token", "<unk>");
    if (chatTemplate != null) cfg.put("chat_template", chatTemplate);
    Files.writeString(dir.resolve("tokenizer_config.json"), JSON.writeValueAsString(cfg));
    return dir;
  }

  static final List<String> WORDS = List.of("system", "user", "assistant", "You", "are", "a", "doctor", ".", "Hi", "Hello",
      "!", "How", "is", "my", "heart", "?", "Fine", "thanks", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "Tell", "me", "more", "Sure", "the", "story", "ends", "cardiology", "Answer", "as", "Q", ":");
}
