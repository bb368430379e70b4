package feedline.trainer.lm;

import com.fasterxml.jackson.databind.JsonNode;
import feedline.common.annotate.TableFiles;
import feedline.common.select.Scorers;
import feedline.common.select.UncertaintyScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times the {@code lm} select scorer without Spark:
 * {@code LmScorerBenchmark MODEL_DIR POOL.jsonl LABELS [BATCH_SIZE]} scores the {@code text} of every
 * row once to warm up on the first batch, then all rows, and prints rows per second.
 */
public final class LmScorerBenchmark {
  private LmScorerBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: LmScorerBenchmark MODEL_DIR POOL.jsonl LABELS [BATCH_SIZE]");
      System.exit(2);
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode r : TableFiles.read(Path.of(args[1]))) texts.add(r.path("text").asText(""));
    String batch = args.length > 3 ? args[3] : "8";
    long t0 = System.nanoTime();
    UncertaintyScorer s = Scorers.create(LmScorerFactory.NAME, Map.of("model-dir", args[0], "labels", args[2], "batch-size", batch));
    s.predict(texts.subList(0, Math.min(texts.size(), Integer.parseInt(batch))));
    long t1 = System.nanoTime();
    s.predict(texts);
    long t2 = System.nanoTime();
    double secs = (t2 - t1) / 1e9;
    System.out.printf("load+warm-up %.2f s; %d rows, %d labels, batch-size %s: %.2f s, %.1f rows/s%n", (t1 - t0) / 1e9, texts.size(),
        s.labels().size(), batch, secs, texts.size() / secs);
  }
}
