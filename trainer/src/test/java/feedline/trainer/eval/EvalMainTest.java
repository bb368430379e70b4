package feedline.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.trainer.lm.LmRuntime;
import feedline.trainer.train.TrainFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval on tiny random checkpoints written by the test (the real DJL model, CPU). */
class EvalMainTest {
  @TempDir
  Path tmp;

  @Test
  void generationScoresAgainstTheModelsOwnGreedyOutputAndComparesTwoModels() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    TrainFixtures.tinyLlama(a, 1);
    TrainFixtures.tinyLlama(b, 2);
    // references = model a's own greedy continuations, so a scores BLEU 100 and exact match 1
    String[] prompts = {"hello there", "the weather is"};
    StringBuilder data = new StringBuilder();
    try (LmRuntime rt = LmRuntime.load(a, null, Device.cpu(), "model")) {
      LmScorer lm = new LmScorer(rt);
      for (String p : prompts) {
        String ref = lm.generate(p, 6);
        data.append(new ObjectMapper().writeValueAsString(java.util.Map.of("prompt", p, "reference", ref))).append('\n');
      }
    }
    Path f = Files.writeString(tmp.resolve("gen.jsonl"), data.toString());
    Path out = tmp.resolve("report");
    assertThat(EvalMain.run(new String[] {"eval", "--model", a.toString(), "--compare", b.toString(), "--data", f.toString(),
        "--task", "generation", "--out", out.toString(), "--max-new-tokens", "6", "--tokenize", "char"})).isZero();
    JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    JsonNode va = r.get("variants").get("base");
    assertThat(va.get("exact_match").asDouble()).isEqualTo(1.0);
    assertThat(va.get("bleu").asDouble()).isCloseTo(100.0, within(1e-9));
    assertThat(r.get("variants").has("fine-tuned")).isTrue();
    assertThat(Files.readString(out.resolve("report.md"))).contains("| bleu |").contains("fine-tuned");
    assertThat(Files.readString(out.resolve("chart.svg"))).startsWith("<svg").contains("<rect");
  }

  @Test
  void lmPerplexityIsNearTheVocabularyForARandomModelAndClassificationUsesTheLabelSet() throws Exception {
    Path a = tmp.resolve("a");
    TrainFixtures.tinyLlama(a, 3);
    Path lmData = Files.writeString(tmp.resolve("lm.jsonl"), "{\"text\":\"a small text to score\"}\n{\"text\":\"另一段文字\"}\n");
    Path out = tmp.resolve("lm");
    EvalMain.run(new String[] {"--model", a.toString(), "--data", lmData.toString(), "--task", "lm", "--out", out.toString()});
    JsonNode v = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("variants").get("base");
    double ppl = v.get("perplexity").asDouble();
    assertThat(ppl).isCloseTo(Math.exp(v.get("loss").asDouble()), within(1e-6));
    // a random init is close to uniform over the vocabulary
    assertThat(ppl).isBetween(TrainFixtures.VOCAB / 4.0, TrainFixtures.VOCAB * 4.0);
    assertThat(v.get("tokens").asLong()).isGreaterThan(10);

    Path cls = Files.writeString(tmp.resolve("cls.jsonl"), "{\"text\":\"great\",\"label\":\"pos\"}\n{\"text\":\"awful\",\"label\":\"neg\"}\n");
    Path out2 = tmp.resolve("cls");
    EvalMain.run(new String[] {"--model", a.toString(), "--data", cls.toString(), "--task", "classification", "--labels", "pos,neg",
        "--out", out2.toString()});
    JsonNode c = new ObjectMapper().readTree(out2.resolve("report.json").toFile()).get("variants").get("base");
    int right = 0;
    String[] gold = {"pos", "neg"};
    for (int i = 0; i < 2; i++) {
      assertThat(c.get("predictions").get(i).asText()).isIn("pos", "neg");
      if (c.get("predictions").get(i).asText().equals(gold[i])) right++;
    }
    assertThat(c.get("accuracy").asDouble()).isEqualTo(right / 2.0);
    assertThatThrownBy(() -> EvalMain.run(new String[] {"--model", a.toString(), "--data", cls.toString(), "--task", "classification",
        "--out", out2.toString()})).hasMessageContaining("--labels");
  }
}
