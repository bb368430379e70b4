package feedline.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.common.config.ConfigError;
import feedline.jobs.SparkTestBase;
import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PipelineTest extends SparkTestBase {

  @Test
  void runCommitsManifestAndCurrentAndResumesCommittedStages() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("a.txt"), "first document");
    Files.writeString(in.resolve("b.md"), "# second document");
    var cfg = config("collect.input.paths=[\"" + in.toUri() + "\"]", "run.id=night-1");

    Pipeline.Result first = new Pipeline(spark, cfg).run();
    assertThat(first.stages()).singleElement().satisfies(r -> {
      assertThat(r.out()).isEqualTo(2);
      assertThat(r.resumed()).isFalse();
    });
    Lake lake = first.lake();
    assertThat(lake.readString(lake.currentRunPath())).hasValue("night-1\n");
    Manifest m = Manifest.load(lake, "night-1").orElseThrow();
    assertThat(m.status()).isEqualTo("succeeded");
    assertThat(m.json()).contains("\"config_digest\"").contains("\"in\" : 2").contains("tables/documents/night-1");

    Pipeline.Result again = new Pipeline(spark, cfg).run();
    assertThat(again.stages()).singleElement().satisfies(r -> {
      assertThat(r.resumed()).isTrue();
      assertThat(r.out()).isEqualTo(2);
    });
  }

  @Test
  void failedRunLeavesCurrentUntouched() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("a.txt"), "first document");
    new Pipeline(spark, config("collect.input.paths=[\"" + in.toUri() + "\"]", "run.id=good")).run();
    assertThatThrownBy(() -> new Pipeline(spark, config("collect.input.paths=[\"" + tmp.resolve("missing").toUri() + "\"]",
        "run.id=bad")).run()).isInstanceOf(ConfigError.class).hasMessageContaining("feedline.collect.input.paths");
    Lake lake = new Lake(lakeRoot(), spark.sparkContext().hadoopConfiguration());
    assertThat(lake.readString(lake.currentRunPath())).hasValue("good\n");
    assertThat(Manifest.load(lake, "bad").orElseThrow().status()).startsWith("failed");
  }

  @Test
  void stageOrderIsChecked() {
    assertThatThrownBy(() -> new Pipeline(spark, config("pipeline.stages=[nosuch]")).run())
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.pipeline.stages").hasMessageContaining("collect");
  }
}
