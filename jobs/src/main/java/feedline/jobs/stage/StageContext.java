package feedline.jobs.stage;

import com.typesafe.config.Config;
import feedline.common.config.Settings;
import feedline.jobs.lake.Lake;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * What a stage may use: Spark, the resolved config, the run id, and the lake (null when a single
 * stage runs file to file with {@code --input/--output}; cross-run state is then off).
 */
public record StageContext(SparkSession spark, Config config, String runId, Lake lake, List<Dataset<?>> persisted) {

  public StageContext(SparkSession spark, Config config, String runId, Lake lake) {
    this(spark, config, runId, lake, new ArrayList<>());
  }

  /** Typed reads of {@code feedline.<section>}. */
  public Settings settings(String section) {
    return new Settings(config, "feedline." + section);
  }

  /**
   * Caches a dataset that several outputs derive from (so the runner's writes do not recompute it);
   * the runner releases it once the stage's outputs are committed.
   */
  public <T> Dataset<T> persist(Dataset<T> ds) {
    ds.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(ds);
    return ds;
  }

  public void releasePersisted() {
    persisted.forEach(Dataset::unpersist);
    persisted.clear();
  }
}
