package feedline.jobs.nightly;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import feedline.common.config.Settings;
import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import feedline.jobs.pipeline.Pipeline;
import feedline.jobs.pipeline.RunIds;
import feedline.jobs.report.RunReport;
import feedline.jobs.stage.StageResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly refresh: runs every configured stage over what is new (collect in incremental mode
 * skips files an earlier run collected), publishes the next dataset version and writes the run
 * report. A nightly run that did not finish (failed, or killed) is resumed by the next call under
 * its own run id, so its committed stages are kept and nothing is collected twice or lost. The
 * caller ({@code submit/nightly.sh}) holds a lock so that two nightly runs never overlap.
 */
public final class Nightly {
  private static final Logger LOG = LoggerFactory.getLogger(Nightly.class);

  /** What a nightly call did. */
  public record Result(String runId, boolean resumed, Pipeline.Result pipeline, DatasetVersions.Version version, String report) {}

  private final SparkSession spark;
  private final Config config;

  public Nightly(SparkSession spark, Config config) {
    this.spark = spark;
    this.config = config;
  }

  public Result run() {
    Settings f = new Settings(config, "feedline");
    Settings n = f.sub("nightly");
    String prefix = n.string("run-prefix");
    Lake lake = new Lake(f.string("lake.root"), spark.sparkContext().hadoopConfiguration());
    DatasetVersions versions = new DatasetVersions(lake);

    Optional<String> unfinished = unfinishedRun(lake, versions, prefix);
    String runId = unfinished.orElseGet(() -> prefix + RunIds.next());
    if (unfinished.isPresent()) LOG.info("nightly: resuming run {} (it did not finish)", runId);
    else LOG.info("nightly: new run {}", runId);

    Config runConfig = config.withValue("feedline.run.id", ConfigValueFactory.fromAnyRef(runId));
    Pipeline.Result result = new Pipeline(spark, runConfig).run();

    StageResult last = result.stages().get(result.stages().size() - 1);
    String table = last.outputs().keySet().iterator().next();
    DatasetVersions.Version v = versions.publish(table, new DatasetVersions.Part(runId, last.outputs().get(table), last.out()));
    LOG.info("nightly: dataset version {} = {} rows in {} parts (run {} added {})", v.number(), v.rows(), v.parts().size(), runId, last.out());
    String report = null;
    if (n.bool("report")) report = RunReport.write(lake, runId, Manifest.load(lake, runId).orElseThrow(), v);
    return new Result(runId, unfinished.isPresent(), result, v, report);
  }

  /**
   * The newest nightly run whose manifest is not {@code succeeded} and that no dataset version holds:
   * a run that failed or was killed. Only one nightly runs at a time, so "running" means it died.
   */
  static Optional<String> unfinishedRun(Lake lake, DatasetVersions versions, String prefix) {
    List<String> runs = new ArrayList<>();
    try {
      Path dir = new Path(lake.root(), "runs");
      if (!lake.fs().exists(dir)) return Optional.empty();
      for (FileStatus st : lake.fs().listStatus(dir)) {
        if (st.isDirectory() && st.getPath().getName().startsWith(prefix)) runs.add(st.getPath().getName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    runs.sort(null);
    Optional<DatasetVersions.Version> current = versions.current();
    for (int i = runs.size() - 1; i >= 0; i--) {
      String id = runs.get(i);
      if (current.isPresent() && current.get().includes(id)) return Optional.empty();
      // failed, killed, or succeeded but killed before its version was written: resume it
      if (Manifest.load(lake, id).isPresent()) return Optional.of(id);
    }
    return Optional.empty();
  }
}
