package feedline.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricCommandTest {
  @TempDir
  Path tmp;

  private String file(String name, String... lines) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n");
    return p.toString();
  }

  private JsonNode run(String metric, Map<String, String> options) throws Exception {
    return new ObjectMapper().readTree(MetricCommand.run(List.of(metric), options));
  }

  @Test
  void bleuWithTwoReferenceFilesMatchesSacrebleu() throws Exception {
    String pred = file("hyp.txt", BleuTest.HYPS.toArray(String[]::new));
    String r1 = file("r1.txt", BleuTest.REFS.get(0).toArray(String[]::new));
    String r2 = file("r2.txt", BleuTest.REFS.get(1).toArray(String[]::new));
    JsonNode j = run("bleu", Map.of("pred", pred, "ref", r1 + "," + r2));
    assertThat(j.get("bleu").asDouble()).isCloseTo(48.530827, within(1e-6));
    assertThat(j.get("n").asInt()).isEqualTo(3);
    JsonNode zh = run("bleu", Map.of("pred", file("zh.txt", BleuTest.ZH_HYPS.toArray(String[]::new)),
        "ref", file("zhr.txt", BleuTest.ZH_REFS.get(0).toArray(String[]::new)), "tokenize", "zh"));
    assertThat(zh.get("bleu").asDouble()).isCloseTo(45.23798639808128, within(1e-9));
    assertThat(zh.get("tokenize").asText()).isEqualTo("zh");
  }

  @Test
  void rougeF1AndKappaPrintOneObject() throws Exception {
    JsonNode r = run("rouge", Map.of("pred", file("p.txt", "testing"), "ref", file("t.txt", "testing one two")));
    assertThat(r.get("rouge1").get("fmeasure").asDouble()).isCloseTo(0.5, within(1e-12));
    JsonNode f = run("f1", Map.of("pred", file("fp.txt", ClassificationReportTest.PRED.toArray(String[]::new)),
        "ref", file("fg.txt", ClassificationReportTest.GOLD.toArray(String[]::new))));
    assertThat(f.get("accuracy").asDouble()).isCloseTo(0.7, within(1e-12));
    assertThat(f.get("per_class").get("b").get("recall").asDouble()).isCloseTo(0.5, within(1e-12));
    JsonNode k = run("kappa", Map.of("pred", file("ka.txt", "yes", "yes", "no", "no"), "ref", file("kb.txt", "yes", "no", "no", "no")));
    // p_o = 3/4, p_e = 0.5*0.25 + 0.5*0.75 = 0.5, kappa = 0.5
    assertThat(k.get("cohen_kappa").asDouble()).isCloseTo(0.5, within(1e-12));
    JsonNode k3 = run("kappa", Map.of("pred", file("k1.txt", "x", "y"), "ref", file("k2.txt", "x", "y") + "," + file("k3.txt", "x", "y")));
    assertThat(k3.get("fleiss_kappa").asDouble()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void mismatchedFilesAndUnknownNamesAreUsageErrors() throws Exception {
    String a = file("a.txt", "x", "y");
    String b = file("b.txt", "x");
    assertThatThrownBy(() -> MetricCommand.run(List.of("bleu"), Map.of("pred", a, "ref", b)))
        .isInstanceOf(MetricCommand.UsageException.class).hasMessageContaining("has 1 lines");
    assertThatThrownBy(() -> MetricCommand.run(List.of("meteor"), Map.of("pred", a, "ref", a)))
        .isInstanceOf(MetricCommand.UsageException.class);
    assertThatThrownBy(() -> MetricCommand.run(List.of("bleu"), Map.of("pred", a, "ref", a, "tokenize", "intl")))
        .isInstanceOf(MetricCommand.UsageException.class).hasMessageContaining("13a, zh, char, none");
  }
}
