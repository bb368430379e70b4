package feedline.jobs.spark;

import feedline.common.config.Settings;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session from {@code feedline.spark}; a master given by spark-submit wins. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(Settings spark, Map<String, String> hadoop) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName(spark.string("app-name"));
    boolean submitted = conf.contains("spark.master");
    if (!submitted) {
      b.master(spark.string("master"));
      b.config("spark.ui.enabled", "false");
      b.config("spark.driver.host", "127.0.0.1");
      b.config("spark.driver.bindAddress", "127.0.0.1");
    }
    b.config("spark.sql.shuffle.partitions", String.valueOf(spark.integer("shuffle-partitions", 1, 1_000_000)));
    b.config("spark.sql.session.timeZone", "UTC");
    b.config("spark.sql.adaptive.enabled", "true");
    b.config("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    spark.stringMap("conf").forEach(b::config);
    hadoop.forEach((k, v) -> b.config("spark.hadoop." + k, v));
    return b.getOrCreate();
  }
}
