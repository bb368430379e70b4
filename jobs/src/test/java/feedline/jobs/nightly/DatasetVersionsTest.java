package feedline.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.jobs.lake.Lake;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetVersionsTest {
  @TempDir
  Path tmp;

  @Test
  void eachVersionIsThePreviousPlusOneRunAndCurrentMovesLast() {
    Lake lake = new Lake(tmp.resolve("lake").toUri().toString(), new Configuration());
    DatasetVersions versions = new DatasetVersions(lake);
    assertThat(versions.current()).isEmpty();
    DatasetVersions.Version v1 = versions.publish("sft", new DatasetVersions.Part("n1", "/lake/tables/sft/n1", 10));
    DatasetVersions.Version v2 = versions.publish("sft", new DatasetVersions.Part("n2", "/lake/tables/sft/n2", 5));
    assertThat(v1.number()).isEqualTo(1);
    assertThat(v2.number()).isEqualTo(2);
    assertThat(v2.rows()).isEqualTo(15);
    assertThat(v2.paths()).containsExactly("/lake/tables/sft/n1", "/lake/tables/sft/n2");
    assertThat(versions.current()).hasValue(v2);
    assertThat(versions.load(1)).isEqualTo(v1);
    assertThat(lake.readString(versions.currentPath())).hasValue("2\n");
  }

  @Test
  void aRunIsNeverAddedTwiceAndTheTableMayNotChange() {
    Lake lake = new Lake(tmp.resolve("lake").toUri().toString(), new Configuration());
    DatasetVersions versions = new DatasetVersions(lake);
    versions.publish("sft", new DatasetVersions.Part("n1", "/a", 10));
    assertThat(versions.publish("sft", new DatasetVersions.Part("n1", "/a", 10)).number()).isEqualTo(1);
    assertThatThrownBy(() -> versions.publish("documents", new DatasetVersions.Part("n2", "/b", 1)))
        .hasMessageContaining("dataset versions hold table sft");
  }
}
