package feedline.trainer.bench;

import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import feedline.common.sft.ShardWriter;
import feedline.common.sft.TokenizedExample;
import feedline.trainer.export.RunExport;
import feedline.trainer.io.DType;
import feedline.trainer.model.InitModel;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.model.RopeScaling;
import feedline.trainer.train.TrainConfig;
import feedline.trainer.train.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Training throughput and memory on a random Llama-shaped model through the real trainer path
 * (shards, loop, optimizer). Usage:
 * {@code TrainBenchmark method=lora hidden=768 layers=12 heads=12 kv-heads=12 intermediate=2048
 * vocab=32000 seq=512 batch=1 steps=5 precision=fp32 dir=/tmp/bench}. Prints tokens/s, peak resident memory and
 * resident memory after the first and the last step (growth shows native memory not being freed).
 */
public final class TrainBenchmark {
  private TrainBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new LinkedHashMap<>(Map.of("method", "lora", "hidden", "768", "layers", "12", "heads", "12",
        "kv-heads", "12", "intermediate", "2048", "vocab", "32000", "seq", "512", "batch", "1", "steps", "5"));
    a.put("precision", "fp32");
    a.put("dir", "/tmp/feedline-bench");
    for (String s : args) {
      int eq = s.indexOf('=');
      if (eq <= 0 || !a.containsKey(s.substring(0, eq))) throw new IllegalArgumentException("unknown argument " + s + "; known " + a.keySet());
      a.put(s.substring(0, eq), s.substring(eq + 1));
    }
    int hidden = Integer.parseInt(a.get("hidden"));
    int heads = Integer.parseInt(a.get("heads"));
    int seq = Integer.parseInt(a.get("seq"));
    int batch = Integer.parseInt(a.get("batch"));
    int steps = Integer.parseInt(a.get("steps"));
    int vocab = Integer.parseInt(a.get("vocab"));
    Path dir = Path.of(a.get("dir"));
    RunExport.deleteTree(dir);
    ModelConfig c = new ModelConfig(ModelConfig.Family.LLAMA, vocab, hidden, Integer.parseInt(a.get("intermediate")),
        Integer.parseInt(a.get("layers")), heads, Integer.parseInt(a.get("kv-heads")), hidden / heads, 1e-6, 10000,
        RopeScaling.NONE, Math.max(2048, seq), false, false, false, 1, 2);
    long params = c.weightShapes().values().stream().mapToLong(d -> { long n = 1; for (long x : d) n *= x; return n; }).sum();
    InitModel.write(dir.resolve("model"), c, 1, 0.02, DType.F32, 0);
    Random r = new Random(1);
    List<TokenizedExample> rows = new ArrayList<>();
    for (int i = 0; i < batch * 4; i++) {
      int[] ids = new int[seq];
      for (int k = 0; k < seq; k++) ids[k] = 3 + r.nextInt(vocab - 3);
      rows.add(TokenizedExample.single("b" + i, "b" + i, "bench", "train", ids, ids.clone()));
    }
    ShardWriter.writeDataset(dir.resolve("data"), rows, rows.size());
    List<String> o = List.of("feedline.trainer.model-dir=" + dir.resolve("model"), "feedline.trainer.data-dir=" + dir.resolve("data"),
        "feedline.trainer.output-dir=" + dir.resolve("run"), "feedline.trainer.method=" + a.get("method"),
        "feedline.trainer.max-steps=" + steps, "feedline.trainer.precision=" + a.get("precision"), "feedline.trainer.batch-size=" + batch, "feedline.trainer.max-seq-len=" + seq,
        "feedline.trainer.eval.every-steps=0", "feedline.trainer.checkpoint.every-steps=0",
        "feedline.trainer.log-every-steps=" + Math.max(1, steps / 10),
        "feedline.trainer.lora.target-modules=[q_proj,k_proj,v_proj,o_proj]");
    TrainConfig tc = TrainConfig.from(new Settings(ConfigLoader.load(null, o), "feedline.trainer"));
    long[] rss = new long[steps + 1];
    PrintStream out = System.out;
    Trainer.Result res = new Trainer(tc, System.err, (step, loss, m) -> rss[step] = residentKb("VmRSS")).run();
    out.printf("model: %,d parameters (hidden %d, layers %s, heads %d/%s, vocab %d), seq %d, batch %d, method %s, precision %s%n", params,
        hidden, a.get("layers"), heads, a.get("kv-heads"), vocab, seq, batch, a.get("method"), a.get("precision"));
    out.printf("throughput: %.1f tokens/s over %d steps (first step included)%n", res.tokensPerSecond(), res.steps());
    int tenth = Math.max(1, steps / 10);
    out.printf("memory: peak RSS %,d MiB; RSS after step 1 %,d MiB, after step %d %,d MiB, after step %d %,d MiB%n",
        residentKb("VmHWM") / 1024, rss[1] / 1024, tenth, rss[tenth] / 1024, steps, rss[steps] / 1024);
    RunExport.deleteTree(dir);
  }

  static long residentKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
