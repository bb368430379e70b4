package feedline.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
  @TempDir
  Path tmp;

  @Test
  void writesTheRequestedSizeAsJsonlWithSomeDuplicatesAndPii() throws Exception {
    CorpusGenerator.Corpus c = CorpusGenerator.generate(tmp.resolve("c"), 600_000, 200_000, 42, 2);
    assertThat(c.files()).isEqualTo(3);
    assertThat(c.bytes()).isBetween(600_000L, 600_000L + 3 * 4_000L);
    ObjectMapper json = new ObjectMapper();
    Set<String> texts = new HashSet<>();
    long lines = 0;
    boolean mail = false;
    for (int f = 0; f < 3; f++) {
      List<String> rows = Files.readAllLines(tmp.resolve("c").resolve(String.format("part-%05d.jsonl", f)));
      for (String r : rows) {
        String text = json.readTree(r).path("text").asText();
        assertThat(text).isNotBlank();
        texts.add(text);
        mail |= text.contains("@example.com");
        lines++;
      }
    }
    assertThat(lines).isEqualTo(c.documents());
    double dupShare = 1 - texts.size() / (double) lines;
    assertThat(dupShare).isBetween(0.02, 0.09);
    assertThat(mail).isTrue();
    // deterministic for a seed
    CorpusGenerator.generate(tmp.resolve("d"), 600_000, 200_000, 42, 1);
    assertThat(Files.readString(tmp.resolve("d/part-00001.jsonl"))).isEqualTo(Files.readString(tmp.resolve("c/part-00001.jsonl")));
  }

  @Test
  void sizesParse() {
    assertThat(ScaleBenchmark.parseSize("1g")).isEqualTo(1L << 30);
    assertThat(ScaleBenchmark.parseSize("200M")).isEqualTo(200L << 20);
    assertThat(ScaleBenchmark.parseSize("4096")).isEqualTo(4096);
    assertThatThrownBy(() -> ScaleBenchmark.parseSize("lots")).hasMessageContaining("--size").hasMessageContaining("200m");
  }
}
