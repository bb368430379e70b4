package feedline.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnfinishedRunTest {
  @TempDir
  Path tmp;

  private static void manifest(Lake lake, String run, String status) {
    Manifest m = Manifest.start(run, "d", "{}");
    if (status != null) m.finish(status);
    m.save(lake);
  }

  @Test
  void theNewestNightlyRunWithoutADatasetVersionIsResumed() {
    Lake lake = new Lake(tmp.resolve("lake").toUri().toString(), new Configuration());
    DatasetVersions versions = new DatasetVersions(lake);
    assertThat(Nightly.unfinishedRun(lake, versions, "nightly-")).isEmpty();

    manifest(lake, "nightly-20260101-020000-aaaa", "succeeded");
    versions.publish("documents", new DatasetVersions.Part("nightly-20260101-020000-aaaa", "/x", 1));
    manifest(lake, "manual-20260102", null);
    assertThat(Nightly.unfinishedRun(lake, versions, "nightly-")).as("published nights and other runs are not resumed").isEmpty();

    manifest(lake, "nightly-20260102-020000-bbbb", null); // killed: still "running"
    assertThat(Nightly.unfinishedRun(lake, versions, "nightly-")).hasValue("nightly-20260102-020000-bbbb");

    manifest(lake, "nightly-20260102-020000-bbbb", "failed: IllegalStateException");
    assertThat(Nightly.unfinishedRun(lake, versions, "nightly-")).hasValue("nightly-20260102-020000-bbbb");

    versions.publish("documents", new DatasetVersions.Part("nightly-20260102-020000-bbbb", "/y", 1));
    assertThat(Nightly.unfinishedRun(lake, versions, "nightly-")).isEmpty();
  }
}
