package feedline.jobs.stage;

import com.typesafe.config.Config;
import feedline.common.config.Settings;
import feedline.jobs.lake.Lake;
import org.apache.spark.sql.SparkSession;

/**
 * What a stage may use: Spark, the resolved config, the run id, and the lake (null when a single
 * stage runs file to file with {@code --input/--output}; cross-run state is then off).
 */
public record StageContext(SparkSession spark, Config config, String runId, Lake lake) {
  /** Typed reads of {@code feedline.<section>}. */
  public Settings settings(String section) {
    return new Settings(config, "feedline." + section);
  }
}
