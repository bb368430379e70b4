package feedline.jobs.pipeline;

import com.typesafe.config.Config;
import feedline.common.config.ConfigError;
import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import feedline.jobs.stage.Stage;
import feedline.jobs.stage.StageContext;
import feedline.jobs.stage.StageRegistry;
import feedline.jobs.stage.StageResult;
import feedline.jobs.stage.StageRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured stages in order inside the lake. Each stage commits its outputs and the
 * manifest records it; re-running with the same run id skips committed stages (resume). A run
 * that finishes becomes {@code CURRENT}; a failed run leaves {@code CURRENT} untouched.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** The outcome of a run. */
  public record Result(String runId, Lake lake, List<StageResult> stages) {}

  private final SparkSession spark;
  private final Config config;

  public Pipeline(SparkSession spark, Config config) {
    this.spark = spark;
    this.config = config;
  }

  public Result run() {
    Settings f = new Settings(config, "feedline");
    List<String> names = f.subsetOf("pipeline.stages", StageRegistry.all().keySet());
    if (names.isEmpty()) throw new ConfigError("feedline.pipeline.stages", "[]", "at least one of " + StageRegistry.all().keySet());
    List<Stage> stages = new ArrayList<>();
    names.forEach(n -> stages.add(StageRegistry.create(n)));
    String runId = f.optionalString("run.id");
    if (runId == null) runId = RunIds.next();
    if (!RunIds.valid(runId)) throw new ConfigError("feedline.run.id", runId, "letters, digits, '.', '_' and '-' (up to 100)");
    boolean strict = f.bool("pipeline.strict-accounting");
    Lake lake = new Lake(f.string("lake.root"), spark.sparkContext().hadoopConfiguration());
    checkOrder(stages, lake, runId);

    String digest = ConfigLoader.digest(config);
    String masked = ConfigLoader.renderMasked(config);
    Optional<Manifest> previous = Manifest.load(lake, runId);
    Manifest manifest;
    if (previous.isEmpty()) {
      manifest = Manifest.start(runId, digest, masked);
    } else {
      manifest = previous.get();
    }
    if (previous.isPresent() && !previous.get().configDigest().equals(digest)) {
      LOG.warn("run {} resumes with a different config (digest {} -> {})", runId, previous.get().configDigest(), digest);
      manifest.setConfig(digest, masked);
    }
    manifest.save(lake);

    StageRunner runner = new StageRunner(strict);
    List<StageResult> results = new ArrayList<>();
    try {
      for (Stage stage : stages) {
        Optional<StageResult> done = manifest.stage(stage.name());
        if (done.isPresent() && lake.isCommitted(stage.outputTable(), runId)) {
          LOG.info("stage {} already committed in run {}: skipped", stage.name(), runId);
          results.add(done.get());
          continue;
        }
        LOG.info("stage {} starting (run {})", stage.name(), runId);
        StageResult r = runner.runInLake(stage, new StageContext(spark, config, runId, lake));
        manifest.record(r);
        manifest.save(lake);
        results.add(r);
        LOG.info("stage {} committed: in={} out={} dropped={} quarantined={} in {}s", stage.name(), r.in(), r.out(),
            r.dropped(), r.quarantined(), String.format("%.1f", r.seconds()));
      }
    } catch (RuntimeException e) {
      manifest.finish("failed: " + e.getClass().getSimpleName());
      manifest.save(lake);
      throw e;
    }
    manifest.finish("succeeded");
    manifest.save(lake);
    lake.writeString(lake.runDir(runId) + "/summary.txt", Summary.table(runId, results));
    lake.writeString(lake.currentRunPath(), runId + "\n");
    return new Result(runId, lake, results);
  }

  /** Every stage's input must come from an earlier stage of the list or be committed in this run already. */
  private static void checkOrder(List<Stage> stages, Lake lake, String runId) {
    Set<String> available = new HashSet<>();
    for (Stage s : stages) {
      if (s.inputTable() != null && !available.contains(s.inputTable()) && !lake.isCommitted(s.inputTable(), runId)) {
        throw new ConfigError("feedline.pipeline.stages", stages.stream().map(Stage::name).toList(),
            "an order in which every stage's input comes first: " + s.name() + " reads " + s.inputTable()
                + ", which no earlier stage writes");
      }
      available.add(s.outputTable());
    }
  }
}
