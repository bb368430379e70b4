package feedline.jobs;

import org.apache.spark.sql.SparkSession;

/** One local Spark session per test JVM (Spark allows one active context per JVM). */
public final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (spark == null || spark.sparkContext().isStopped()) {
      spark = SparkSession.builder()
          .master("local[2]")
          .appName("feedline-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
          .getOrCreate();
      SparkSession created = spark;
      Runtime.getRuntime().addShutdownHook(new Thread(created::stop));
    }
    return spark;
  }
}
