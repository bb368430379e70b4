package feedline.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import feedline.common.select.Scorers;
import feedline.common.select.UncertaintyScorer;
import feedline.trainer.lm.LmRuntime;
import feedline.trainer.lm.LmRuntimes;
import feedline.trainer.lm.LmUncertaintyScorer;
import feedline.trainer.train.TrainFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code lm} select scorer (batched, padded forward passes) against the evaluator's one-sequence
 * {@link LmScorer} on a tiny random checkpoint: the distribution is the softmax of the labels'
 * log-likelihoods. Lives in this package to reach {@code LmScorer}.
 */
class LmScorerParityTest {
  @TempDir static Path tmp;
  static Path model;
  static final List<String> LABELS = List.of("complaint", "praise", "other");
  static final List<String> TEXTS = List.of("the parcel arrived late", "great service, thank you so much for everything",
      "退款一直没到账", "ok", "a somewhat longer text that makes this row the longest one in its padded batch, by far");

  @BeforeAll
  static void model() {
    model = tmp.resolve("model");
    TrainFixtures.tinyLlama(model, 11);
  }

  static Map<String, String> options(String... kv) {
    Map<String, String> o = new java.util.HashMap<>(Map.of("model-dir", model.toString(), "labels", String.join(",", LABELS),
        "batch-size", "2"));
    for (int i = 0; i < kv.length; i += 2) o.put(kv[i], kv[i + 1]);
    return o;
  }

  /** Softmax over -NLL of " label" after each prompt, one unpadded sequence per (prompt, label). */
  static List<double[]> direct(List<String> prompts) throws Exception {
    return direct(prompts, null);
  }

  static List<double[]> direct(List<String> prompts, Path adapter) throws Exception {
    List<double[]> out = new ArrayList<>();
    try (LmRuntime rt = LmRuntime.load(model, adapter, Device.cpu(), "model")) {
      LmScorer lm = new LmScorer(rt);
      for (String p : prompts) {
        double[] ll = new double[LABELS.size()];
        for (int j = 0; j < LABELS.size(); j++) ll[j] = -lm.nll(p, " " + LABELS.get(j)).sum();
        double max = java.util.Arrays.stream(ll).max().orElseThrow();
        double z = 0;
        for (double v : ll) z += Math.exp(v - max);
        double[] probs = new double[ll.length];
        for (int j = 0; j < ll.length; j++) probs[j] = Math.exp(ll[j] - max) / z;
        out.add(probs);
      }
    }
    return out;
  }

  static void assertSame(List<double[]> got, List<double[]> want) {
    assertThat(got).hasSameSizeAs(want);
    for (int i = 0; i < got.size(); i++) {
      assertThat(java.util.Arrays.stream(got.get(i)).sum()).isCloseTo(1.0, within(1e-9));
      for (int j = 0; j < LABELS.size(); j++) assertThat(got.get(i)[j]).as("text %d label %d", i, j).isCloseTo(want.get(i)[j], within(2e-4));
    }
  }

  @Test
  void probabilitiesAreTheSoftmaxOfTheLabelLogLikelihoods() throws Exception {
    UncertaintyScorer s = Scorers.create("lm", options());
    assertThat(s).isInstanceOf(LmUncertaintyScorer.class);
    assertThat(s.labels()).containsExactlyElementsOf(LABELS);
    List<double[]> got = s.predict(TEXTS);
    List<String> prompts = TEXTS.stream().map(t -> t + "\nLabel:").toList();
    assertSame(got, direct(prompts));
    // a random model is not uniform over the labels: the test would not notice a constant answer otherwise
    assertThat(got.stream().mapToDouble(p -> Math.abs(p[0] - 1.0 / 3)).max().orElseThrow()).isGreaterThan(1e-3);
    // the batch size changes nothing
    assertSame(Scorers.create("lm", options("batch-size", "5")).predict(TEXTS), got);
  }

  @Test
  void chatTemplatePromptsAndLengthNormalisation() throws Exception {
    LmUncertaintyScorer s = (LmUncertaintyScorer) Scorers.create("lm", options("chat-template", "true", "prompt",
        "Classify: {text}"));
    String rendered = s.render("hello");
    assertThat(rendered).isEqualTo("<s><|user|>\nClassify: hello</s>\n<|assistant|>\n");
    assertSame(s.predict(TEXTS), direct(TEXTS.stream().map(s::render).toList()));

    LmUncertaintyScorer mean = (LmUncertaintyScorer) Scorers.create("lm", options("length-normalize", "true"));
    LmUncertaintyScorer sum = (LmUncertaintyScorer) Scorers.create("lm", options());
    double[] m = mean.logLikelihoods(List.of("ok")).get(0);
    double[] t = sum.logLikelihoods(List.of("ok")).get(0);
    // byte-level tokens: " complaint" is 10 tokens, " praise" 7, " other" 6
    assertThat(m[0]).isCloseTo(t[0] / 10, within(1e-9));
    assertThat(m[1]).isCloseTo(t[1] / 7, within(1e-9));
    assertThat(m[2]).isCloseTo(t[2] / 6, within(1e-9));
  }

  @Test
  void longTextsAreCutToMaxLengthAndTheModelIsLoadedOncePerJvm() {
    LmUncertaintyScorer s = (LmUncertaintyScorer) Scorers.create("lm", options("max-length", "40"));
    String longText = "word ".repeat(200);
    List<double[]> p = s.predict(List.of(longText, "short"));
    assertThat(p).hasSize(2);
    assertThat(p.get(0)).hasSize(3);
    // same prompt as the text cut to fit: 40 tokens minus the longest label (10) minus "\nLabel:" (7)
    assertSame(List.of(p.get(0)), s.predict(List.of(longText.substring(0, 23))));
    assertThat(LmRuntimes.get(model.toString(), "", "cpu", "x")).isSameAs(LmRuntimes.get(model + "/.", null, "cpu", "y"));
  }

  @Test
  void concurrentCallersGetTheSameAnswersAsOneCaller() throws Exception {
    UncertaintyScorer s = Scorers.create("lm", options());
    List<double[]> once = s.predict(TEXTS);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<double[]>>> f = new ArrayList<>();
      for (int i = 0; i < 4; i++) f.add(pool.submit(() -> s.predict(TEXTS)));
      for (Future<List<double[]>> x : f) assertSame(x.get(), once);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aLoraAdapterIsAppliedOnTopOfTheBase() throws Exception {
    Path data = tmp.resolve("data");
    TrainFixtures.dataset(data, TrainFixtures.rows("train", 8, 4, 16, 5), 8);
    Path run = tmp.resolve("lora");
    new feedline.trainer.train.Trainer(TrainFixtures.config(model, data, run, "method=lora", "lora.r=4", "lora.alpha=8",
        "lora.dropout=0.0", "optimizer.lr=0.05", "schedule.warmup-steps=0", "max-steps=4", "batch-size=4", "eval.every-steps=0",
        "checkpoint.every-steps=0"), System.err, null).run();
    Path adapter = run.resolve("final");
    List<double[]> got = Scorers.create("lm", options("adapter-dir", adapter.toString())).predict(TEXTS);
    List<String> prompts = TEXTS.stream().map(t -> t + "\nLabel:").toList();
    assertSame(got, direct(prompts, adapter));
    // the adapter is really applied: the label log-likelihoods move
    double[] with = ((LmUncertaintyScorer) Scorers.create("lm", options("adapter-dir", adapter.toString()))).logLikelihoods(TEXTS).get(0);
    double[] without = ((LmUncertaintyScorer) Scorers.create("lm", options())).logLikelihoods(TEXTS).get(0);
    assertThat(Math.abs(with[0] - without[0]) + Math.abs(with[1] - without[1])).as("the adapter changes the answer").isGreaterThan(1e-3);
  }

  @Test
  void badOptionsNameTheKey() {
    assertThatThrownBy(() -> Scorers.create("lm", options("model-dir", tmp.resolve("nope").toString())))
        .hasMessageContaining("model-dir").hasMessageContaining("no such directory");
    assertThatThrownBy(() -> Scorers.create("lm", options("labels", "only"))).hasMessageContaining("labels");
    assertThatThrownBy(() -> Scorers.create("lm", options("prompt", "no placeholder"))).hasMessageContaining("{text}");
    assertThatThrownBy(() -> Scorers.create("lm", options("temperature", "1"))).hasMessageContaining("unknown option 'temperature'");
    assertThatThrownBy(() -> Scorers.create("lm", options("max-length", "12"))).hasMessageContaining("max-length");
    assertThatThrownBy(() -> Scorers.create("lm", options("adapter-dir", tmp.resolve("none").toString())))
        .hasMessageContaining("adapter directory");
  }
}
