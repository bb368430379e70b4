package feedline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code metric} verb runs without a Spark session and prints one JSON object. */
class MetricCliTest {
  @TempDir
  Path tmp;

  @Test
  void metricVerbPrintsOneJsonObject() throws Exception {
    Path pred = Files.writeString(tmp.resolve("p.txt"), "this is a fest\n");
    Path ref = Files.writeString(tmp.resolve("r.txt"), "this is a test\n");
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(new String[] {"metric", "rouge", "--pred", pred.toString(), "--ref", ref.toString()});
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    String out = buf.toString(StandardCharsets.UTF_8).strip();
    assertThat(out).startsWith("{").endsWith("}").doesNotContain("\n");
    // 3 of 4 unigrams shared: P = R = F = 0.75
    assertThat(out).contains("\"rouge1\":{\"precision\":0.75,\"recall\":0.75,\"fmeasure\":0.75}");
    assertThatThrownBy(() -> Main.run(new String[] {"metric", "bleu", "--pred", pred.toString()}))
        .isInstanceOf(feedline.common.config.UsageError.class).hasMessageContaining("--ref");
  }
}
