package feedline.trainer.train;

import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import feedline.common.sft.ShardWriter;
import feedline.common.sft.TokenizedExample;
import feedline.trainer.io.ByteLevelTokenizerFiles;
import feedline.trainer.io.DType;
import feedline.trainer.model.InitModel;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.model.RopeScaling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Tiny checkpoints, tokenized shards and configurations for trainer tests. */
public final class TrainFixtures {
  private TrainFixtures() {}

  public static final int VOCAB = ByteLevelTokenizerFiles.VOCAB_SIZE;

  /** A 2-layer Llama with GQA, hidden 32, written in HF layout. */
  public static ModelConfig tinyLlama(Path dir, long seed) {
    ModelConfig c = new ModelConfig(ModelConfig.Family.LLAMA, VOCAB, 32, 64, 2, 4, 2, 8, 1e-6, 10000, RopeScaling.NONE, 256,
        false, false, false, 1, 2);
    InitModel.write(dir, c, seed, 0.2, DType.F32, 0);
    return c;
  }

  /**
   * Rows of a learnable task: each pattern cycles through 3 tokens of its own; the first 4 tokens
   * carry no loss (a prompt), the rest do. Row r of a split uses pattern r % patterns.
   */
  public static List<TokenizedExample> rows(String split, int n, int patterns, int length, long seed) {
    Random rnd = new Random(seed);
    int[][] pats = new int[patterns][length];
    for (int k = 0; k < patterns; k++) {
      int[] cycle = {3 + 3 * k + rnd.nextInt(3) * 60, 4 + 3 * k + rnd.nextInt(3) * 60, 5 + 3 * k + rnd.nextInt(3) * 60};
      for (int i = 0; i < length; i++) pats[k][i] = cycle[i % 3];
    }
    List<TokenizedExample> out = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      int[] ids = pats[r % patterns].clone();
      int[] labels = ids.clone();
      Arrays.fill(labels, 0, 4, TokenizedExample.IGNORE);
      out.add(TokenizedExample.single(split + "-" + r, "g" + r, "test", split, ids, labels));
    }
    return out;
  }

  public static void dataset(Path dir, List<TokenizedExample> rows, int rowsPerShard) {
    ShardWriter.writeDataset(dir, rows, rowsPerShard);
  }

  public static TrainConfig config(Path model, Path data, Path out, String... kv) {
    List<String> o = new ArrayList<>(List.of("feedline.trainer.model-dir=" + model, "feedline.trainer.data-dir=" + data,
        "feedline.trainer.output-dir=" + out, "feedline.trainer.log-every-steps=1000"));
    for (String s : kv) o.add(s.startsWith("feedline.") ? s : "feedline.trainer." + s);
    return TrainConfig.from(new Settings(ConfigLoader.load(null, o), "feedline.trainer"));
  }
}
