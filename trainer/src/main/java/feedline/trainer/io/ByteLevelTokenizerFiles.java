package feedline.trainer.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a small byte-level BPE tokenizer in Hugging Face form ({@code tokenizer.json},
 * {@code tokenizer_config.json} with a chat template): three specials, the 256 byte symbols and
 * three chat role markers, no merges, so any UTF-8 text encodes. Used by {@code init-model}.
 */
public final class ByteLevelTokenizerFiles {
  public static final List<String> SPECIALS = List.of("<unk>", "<s>", "</s>");
  public static final List<String> ROLES = List.of("<|system|>", "<|user|>", "<|assistant|>");
  public static final int VOCAB_SIZE = SPECIALS.size() + 256 + ROLES.size();
  public static final int BOS = 1;
  public static final int EOS = 2;
  public static final String CHAT_TEMPLATE =
      "{{ bos_token }}{% for message in messages %}<|{{ message['role'] }}|>\n{{ message['content'] }}{{ eos_token }}\n"
          + "{% endfor %}{% if add_generation_prompt %}<|assistant|>\n{% endif %}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ByteLevelTokenizerFiles() {}

  /** GPT-2's byte to printable character mapping, indexed by byte value. */
  public static char[] byteSymbols() {
    char[] out = new char[256];
    boolean[] printable = new boolean[256];
    for (int b = '!'; b <= '~'; b++) printable[b] = true;
    for (int b = 0xA1; b <= 0xAC; b++) printable[b] = true;
    for (int b = 0xAE; b <= 0xFF; b++) printable[b] = true;
    int n = 0;
    for (int b = 0; b < 256; b++) {
      if (printable[b]) {
        out[b] = (char) b;
      } else {
        out[b] = (char) (256 + n++);
      }
    }
    return out;
  }

  public static void write(Path dir) {
    try {
      Files.createDirectories(dir);
      ObjectNode root = JSON.createObjectNode();
      root.put("version", "1.0");
      root.putNull("truncation");
      root.putNull("padding");
      ArrayNode added = root.putArray("added_tokens");
      int id = 0;
      ObjectNode vocab = JSON.createObjectNode();
      for (String s : SPECIALS) addToken(added, vocab, s, id++);
      char[] sym = byteSymbols();
      for (int b = 0; b < 256; b++) vocab.put(String.valueOf(sym[b]), id++);
      for (String s : ROLES) addToken(added, vocab, s, id++);
      root.putNull("normalizer");
      root.set("pre_tokenizer", byteLevel(false, true));
      root.set("post_processor", byteLevel(true, false));
      root.set("decoder", byteLevel(true, true));
      ObjectNode model = root.putObject("model");
      model.put("type", "BPE");
      model.putNull("dropout");
      model.putNull("unk_token");
      model.putNull("continuing_subword_prefix");
      model.putNull("end_of_word_suffix");
      model.put("fuse_unk", false);
      model.put("byte_fallback", false);
      model.put("ignore_merges", false);
      model.set("vocab", vocab);
      model.putArray("merges");
      JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("tokenizer.json").toFile(), root);

      ObjectNode cfg = JSON.createObjectNode();
      cfg.put("tokenizer_class", "PreTrainedTokenizerFast");
      cfg.put("bos_token", SPECIALS.get(BOS));
      cfg.put("eos_token", SPECIALS.get(EOS));
      cfg.put("unk_token", SPECIALS.get(0));
      cfg.put("pad_token", SPECIALS.get(EOS));
      cfg.put("add_bos_token", false);
      cfg.put("model_max_length", 4096);
      cfg.put("chat_template", CHAT_TEMPLATE);
      JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("tokenizer_config.json").toFile(), cfg);
    } catch (IOException e) {
      throw new CheckpointException(dir + ": cannot write tokenizer files: " + e.getMessage(), e);
    }
  }

  private static void addToken(ArrayNode added, ObjectNode vocab, String s, int id) {
    ObjectNode t = added.addObject();
    t.put("id", id);
    t.put("content", s);
    t.put("single_word", false);
    t.put("lstrip", false);
    t.put("rstrip", false);
    t.put("normalized", false);
    t.put("special", true);
    vocab.put(s, id);
  }

  private static ObjectNode byteLevel(boolean addPrefixSpace, boolean trimOffsets) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "ByteLevel");
    n.put("add_prefix_space", addPrefixSpace);
    n.put("trim_offsets", trimOffsets);
    n.put("use_regex", true);
    return n;
  }
}
