package feedline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import feedline.jobs.stage.StageResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir
  Path tmp;

  @Test
  void reportPrintsTheSummaryAndWritesMarkdownWithChartsToOut() throws Exception {
    String root = tmp.resolve("lake").toUri().toString();
    Lake lake = new Lake(root, new Configuration());
    Manifest m = Manifest.start("night-7", "d1", "{}");
    m.record(new StageResult("collect", 12, 10, 0, 2, Map.of(), Map.of("bad_record", 2L), Map.of("documents", "/l/d"), Map.of(),
        3.0, Map.of("documents_by_format", Map.of("txt", 10)), false));
    m.finish("succeeded");
    m.save(lake);
    Path out = tmp.resolve("out");
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(new String[] {"report", "night-7", "--out", out.toString(), "lake.root=\"" + root + "\""});
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("run night-7 (succeeded)").contains("collect quarantined: bad_record=2")
        .contains("report: ");
    assertThat(Files.readString(out.resolve("report.md"))).contains("| collect | 12 | 10 | 0 | 2 | 3.0 | 4 | yes |")
        .contains("| collect | quarantined | bad_record | 2 |");
    assertThat(out.resolve("flow.png")).isNotEmptyFile();
    assertThat(out.resolve("detail-collect-documents_by_format.png")).isNotEmptyFile();
  }
}
