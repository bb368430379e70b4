package feedline.trainer.lm;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.common.select.Scorers;
import feedline.common.select.Uncertainty;
import feedline.common.select.UncertaintyScorer;
import feedline.common.sft.TokenizedExample;
import feedline.trainer.train.TrainFixtures;
import feedline.trainer.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active learning on a model trained here: a tiny random Llama gets a LoRA adapter trained on
 * labeled prompts where weather texts are always "yes", market texts always "no", and a third
 * kind of text is labeled both ways (ambiguous). Scored with the {@code lm} scorer, the ambiguous
 * rows are the most uncertain and come first, the learned kinds are confident and correct.
 */
class LmScorerSelectionTest {
  @TempDir Path tmp;

  static final List<String> YES = List.of("sunny skies and warm wind", "the sun is out today", "clear blue sky this morning",
      "a warm and sunny afternoon");
  static final List<String> NO = List.of("stock prices fell again", "the market lost ten points", "shares dropped after the report",
      "bond yields rose sharply");
  static final List<String> BOTH = List.of("the train leaves at noon", "my cat sleeps all day", "we painted the fence green",
      "the soup needs more salt");

  @Test
  void theMostUncertainRowsOfATrainedModelArePickedFirst() throws Exception {
    Path model = tmp.resolve("model");
    TrainFixtures.tinyLlama(model, 7);
    LmRuntime rt = LmRuntimes.get(model.toString(), null, "cpu", "model-dir");
    List<TokenizedExample> rows = new ArrayList<>();
    for (int copy = 0; copy < 2; copy++) {
      for (String t : YES) rows.add(example(rt, rows.size(), t, "yes"));
      for (String t : NO) rows.add(example(rt, rows.size(), t, "no"));
      for (String t : BOTH) {
        rows.add(example(rt, rows.size(), t, "yes"));
        rows.add(example(rt, rows.size(), t, "no"));
      }
    }
    Path data = tmp.resolve("data");
    TrainFixtures.dataset(data, rows, 100);
    Path run = tmp.resolve("run");
    new Trainer(TrainFixtures.config(model, data, run, "method=full", "optimizer.lr=0.01",
        "schedule.warmup-steps=3", "max-steps=60", "batch-size=8", "eval.every-steps=0", "checkpoint.every-steps=0"),
        System.err, null).run();

    UncertaintyScorer scorer = Scorers.create("lm", Map.of("model-dir", run.resolve("final").toString(), "labels", "yes,no", "batch-size", "4"));
    List<String> pool = new ArrayList<>();
    pool.addAll(YES);
    pool.addAll(NO);
    pool.addAll(BOTH);
    List<double[]> p = scorer.predict(pool);
    List<Integer> byUncertainty = IntStream.range(0, pool.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -Uncertainty.ENTROPY.of(p.get(i)))).toList();
    assertThat(byUncertainty.subList(0, BOTH.size()).stream().map(pool::get).toList())
        .as("the ambiguous rows rank first").containsExactlyInAnyOrderElementsOf(BOTH);
    for (int i = 0; i < YES.size(); i++) assertThat(p.get(i)[0]).as(YES.get(i)).isGreaterThan(0.9);
    for (int i = 0; i < NO.size(); i++) assertThat(p.get(YES.size() + i)[1]).as(NO.get(i)).isGreaterThan(0.9);
    for (int i = 0; i < BOTH.size(); i++) {
      assertThat(p.get(YES.size() + NO.size() + i)[0]).as(BOTH.get(i)).isBetween(0.2, 0.8);
    }
  }

  /** Prompt tokens carry no loss; the label's tokens do. */
  static TokenizedExample example(LmRuntime rt, int n, String text, String label) {
    int[] prompt = rt.encode(text + "\nLabel:");
    int[] answer = rt.encode(" " + label);
    int[] ids = new int[prompt.length + answer.length];
    int[] labels = new int[ids.length];
    System.arraycopy(prompt, 0, ids, 0, prompt.length);
    System.arraycopy(answer, 0, ids, prompt.length, answer.length);
    java.util.Arrays.fill(labels, 0, prompt.length, TokenizedExample.IGNORE);
    System.arraycopy(answer, 0, labels, prompt.length, answer.length);
    return TokenizedExample.single("r" + n, "g" + n, "test", "train", ids, labels);
  }
}
