package feedline.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark installation made from the Maven jars: {@code jars/} holds Spark and its runtime
 * dependencies (links to the local repository), {@code RELEASE} marks it as a distribution. Workers
 * launch executors from it exactly as from a downloaded Spark.
 */
final class SparkHome {
  private final Path dir;

  private SparkHome(Path dir) {
    this.dir = dir;
  }

  static SparkHome create(Path dir) {
    try {
      Path jars = dir.resolve("jars");
      Files.createDirectories(jars);
      for (Path jar : ItEnv.sparkJars()) {
        Path link = jars.resolve(jar.getFileName());
        if (!Files.exists(link)) Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
      Files.writeString(dir.resolve("RELEASE"), "Spark (jars from the Maven build of feedline)\n");
      Files.createDirectories(dir.resolve("conf"));
      Files.writeString(dir.resolve("conf/log4j2.properties"), String.join("\n",
          "rootLogger.level = info",
          "rootLogger.appenderRef.stderr.ref = console",
          "appender.console.type = Console",
          "appender.console.name = console",
          "appender.console.target = SYSTEM_ERR",
          "appender.console.layout.type = PatternLayout",
          "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n",
          "logger.parquet.name = org.apache.parquet",
          "logger.parquet.level = error",
          "logger.pdfbox.name = org.apache.pdfbox",
          "logger.pdfbox.level = error", ""));
      // bin/spark-submit as the distribution's launcher runs it: SparkSubmit on jars/*, driver heap
      // from SPARK_DRIVER_MEMORY (client mode: the driver is this JVM)
      Path bin = dir.resolve("bin");
      Files.createDirectories(bin);
      StringBuilder flags = new StringBuilder();
      for (String f : ItEnv.sparkJvmFlags()) flags.append(' ').append(f);
      Path submit = bin.resolve("spark-submit");
      Files.writeString(submit, "#!/usr/bin/env bash\n"
          + "SPARK_HOME=\"$(cd \"$(dirname \"$0\")/..\" && pwd)\"\n"
          + "exec \"" + ItEnv.java() + "\" -Xmx${SPARK_DRIVER_MEMORY:-768m}" + flags
          + " -Dlog4j2.configurationFile=\"$SPARK_HOME/conf/log4j2.properties\""
          + " -cp \"$SPARK_HOME/conf:$SPARK_HOME/jars/*\" org.apache.spark.deploy.SparkSubmit \"$@\"\n");
      submit.toFile().setExecutable(true);
      return new SparkHome(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build SPARK_HOME in " + dir + ": " + e.getMessage(), e);
    }
  }

  Path dir() {
    return dir;
  }

  /** Environment of every Spark process: this installation, its conf folder, Scala 2.13. */
  Map<String, String> env() {
    return Map.of("SPARK_HOME", dir.toString(), "SPARK_CONF_DIR", dir.resolve("conf").toString(),
        "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1");
  }

  /** {@code java <flags> -cp jars/* MAIN args}, as Spark's launch scripts build it. */
  List<String> javaCommand(String heap, List<String> systemProperties, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ItEnv.java());
    cmd.add("-Xmx" + heap);
    cmd.add("-XX:+UseSerialGC");
    cmd.addAll(ItEnv.sparkJvmFlags());
    cmd.add("-Dlog4j2.configurationFile=" + dir.resolve("conf/log4j2.properties"));
    cmd.addAll(systemProperties);
    cmd.add("-cp");
    cmd.add(dir.resolve("conf") + java.io.File.pathSeparator + dir.resolve("jars") + "/*");
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }
}
