package feedline.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import feedline.jobs.nightly.DatasetVersions;
import feedline.jobs.stage.StageResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
  @TempDir
  Path tmp;

  private static StageResult stage(String name, long in, long out, long dropped, long quarantined, Map<String, Long> drops,
      Map<String, Object> details, double seconds) {
    return new StageResult(name, in, out, dropped, quarantined, drops, Map.of(), Map.of(name + "_out", "/lake/" + name), Map.of(),
        seconds, details, false);
  }

  private static Manifest manifest(Lake lake) {
    Manifest m = Manifest.start("r1", "abc123", "{}");
    Map<String, Object> collectDetails = new LinkedHashMap<>();
    collectDetails.put("documents_by_format", Map.of("txt", 70, "pdf", 20));
    collectDetails.put("input_paths", List.of("/raw"));
    m.record(stage("collect", 100, 90, 4, 6, Map.of("already_collected", 4L), collectDetails, 2.0));
    m.record(stage("dedup", 90, 80, 10, 0, Map.of("exact_duplicate", 7L, "near_duplicate", 3L),
        Map.of("duplicate_rate", 0.111), 4.5));
    // clean's shape: section -> key -> {docs, changes, example_ids}
    Map<String, Object> langs = new LinkedHashMap<>();
    langs.put("en", Map.of("docs", 50, "example_ids", List.of("a")));
    langs.put("zh", Map.of("docs", 30, "example_ids", List.of("b")));
    m.record(stage("clean", 80, 80, 0, 0, Map.of(), Map.of("lang_kept", langs), 1.0));
    m.finish("succeeded");
    m.save(lake);
    return Manifest.load(lake, "r1").orElseThrow();
  }

  @Test
  void reportHoldsFlowsReasonsTimingsDetailsAndDecodableCharts() throws Exception {
    Lake lake = new Lake(tmp.resolve("lake").toUri().toString(), new Configuration());
    Map<String, byte[]> files = RunReport.render("r1", manifest(lake), null);
    String md = new String(files.get("report.md"), StandardCharsets.UTF_8);
    assertThat(md).contains("# feedline run r1").contains("status: **succeeded**")
        .contains("| collect | 100 | 90 | 4 | 6 | 2.0 | 50 | yes |")
        .contains("| dedup | 90 | 80 | 10 | 0 | 4.5 | 20 | yes |")
        .contains("| dedup | dropped | exact_duplicate | 7 |").contains("| collect | dropped | already_collected | 4 |")
        .contains("Total stage time: 7.5 s").contains("| en | 50 |").contains("| zh | 30 |").contains("| txt | 70 |").contains("duplicate_rate: `0.111`")
        .contains("input_paths: `[\"/raw\"]`").contains("![rows per stage](flow.png)");
    assertThat(files).containsKeys("flow.png", "timings.png", "reasons.png", "detail-collect-documents_by_format.png",
        "detail-clean-lang_kept.png");
    for (String png : List.of("flow.png", "timings.png", "reasons.png", "detail-collect-documents_by_format.png",
        "detail-clean-lang_kept.png")) {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(files.get(png)));
      assertThat(img).as(png).isNotNull();
      assertThat(img.getWidth()).isEqualTo(900);
    }
  }

  @Test
  void writtenIntoTheLakeWithTheDatasetVersion() throws Exception {
    Lake lake = new Lake(tmp.resolve("lake").toUri().toString(), new Configuration());
    DatasetVersions.Version v = new DatasetVersions(lake).publish("documents", new DatasetVersions.Part("r1", "/lake/x", 80));
    String dir = RunReport.write(lake, "r1", manifest(lake), v);
    Path local = Path.of(java.net.URI.create(dir));
    assertThat(Files.readString(local.resolve("report.md"))).contains("dataset version: **1** (80 rows of `documents` in 1 runs)");
    assertThat(Files.size(local.resolve("flow.png"))).isPositive();
  }
}
