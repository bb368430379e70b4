package feedline.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.jobs.stage.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadSamplerTest {
  @TempDir
  Path tmp;

  @Test
  void readsTheOneMinuteLoadAndSummarizesStartMeanMaxEnd() throws Exception {
    assertThat(LoadSampler.parse("7.25 8.17 6.15 3/1203 2072\n")).isEqualTo(7.25);
    assertThat(LoadSampler.parse("garbage")).isEqualTo(-1);
    assertThat(LoadSampler.summarize(List.of(2.0, 10.0, 6.0))).isEqualTo("start 2.0, mean 6.0, max 10.0, end 6.0 (3 samples)");
    assertThat(LoadSampler.summarize(List.of())).isEqualTo("unknown");

    Path file = tmp.resolve("loadavg");
    Files.writeString(file, "3.50 1.00 1.00 1/1 1\n");
    LoadSampler s = new LoadSampler(file, 3600);
    Files.writeString(file, "5.50 1.00 1.00 1/1 1\n");
    s.close();
    s.close();
    assertThat(s.summary()).isEqualTo("start 3.5, mean 4.5, max 5.5, end 5.5 (2 samples)");
    assertThat(new LoadSampler(tmp.resolve("missing"), 3600).summary()).isEqualTo("unknown");
  }

  @Test
  void tableRatesEachStageByTheRowsItReadFromThePreviousTable() {
    StageResult collect = new StageResult("collect", 1000, 1000, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), 2.0, Map.of(), false);
    // augment's accounting counts its candidates too (in = 1500), but it read the 1000 rows collect wrote
    StageResult augment = new StageResult("augment", 1500, 1400, 100, 0, Map.of(), Map.of(), Map.of(), Map.of(), 4.0,
        Map.of("parents", 1000L), false);
    String t = ScaleBenchmark.table("1m", Path.of("/c"), 2, List.of(collect, augment), 8.0, 1.0);
    assertThat(t).contains("| collect | 1000 | 1000 | 0 | 0 | 2.0 | 500 |")
        .contains("| augment | 1000 | 1400 | 100 | 0 | 4.0 | 250 |")
        .contains("| **pipeline** | 1000 | 1400 | | | 8.0 | 125 |");
    assertThat(ScaleBenchmark.notes(List.of(collect, augment))).startsWith("augment: 1000 parents");
  }
}
