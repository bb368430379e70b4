package feedline.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the integration tests get from the build (failsafe system properties) and from this JVM. */
final class ItEnv {
  private ItEnv() {}

  static Path repoRoot() {
    return Path.of(required("feedline.repo.root")).toAbsolutePath().normalize();
  }

  /** The shaded job jar that spark-submit ships to the cluster. */
  static Path jobJar() {
    return existing("feedline.job.jar");
  }

  /** Jars of the SPARK_HOME the tests build: Spark and its runtime dependencies. */
  static List<Path> sparkJars() {
    return classpath("feedline.spark.classpath");
  }

  /** The local launcher's classpath: the jobs jar, then its compile dependencies and Spark. */
  static List<Path> launcherClasspath() {
    List<Path> cp = new ArrayList<>();
    cp.add(existing("feedline.jobs.jar"));
    cp.addAll(classpath("feedline.launcher.classpath"));
    cp.addAll(sparkJars());
    return cp;
  }

  /**
   * The stages the integration tests run by default: the longest prefix of collect, clean, dedup,
   * redact that is registered (each reads the one before). augment and build (which need Apertium
   * and a tokenizer folder) follow when a test asks for them.
   */
  static List<String> pipelineStages() {
    return pipelineStages("redact");
  }

  /** As {@link #pipelineStages()}, ending at {@code last} (cheaper runs for tests that need fewer stages). */
  static List<String> pipelineStages(String last) {
    List<String> out = new ArrayList<>();
    List<String> chain = List.of("collect", "clean", "dedup", "redact", "augment", "build");
    for (String s : chain.subList(0, chain.indexOf(last) + 1)) {
      if (!feedline.jobs.stage.StageRegistry.has(s)) break;
      out.add(s);
    }
    return out;
  }

  /** {@code pipeline.stages=[...]} for {@link #pipelineStages}. */
  static String stagesOverride() {
    return stagesOverride("redact");
  }

  static String stagesOverride(String last) {
    return "pipeline.stages=[" + String.join(", ", pipelineStages(last)) + "]";
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The JVM flags Spark needs on Java 17 (the same the launcher passes). */
  static List<String> sparkJvmFlags() {
    return List.of("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
        "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true");
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> classpath(String property) {
    Path file = existing(property);
    try {
      String text = Files.readString(file).strip();
      return Arrays.stream(text.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path existing(String property) {
    Path p = Path.of(required(property));
    if (!Files.exists(p)) throw new IllegalStateException(property + " points to " + p + ", which does not exist; run `mvn verify`");
    return p;
  }

  private static String required(String property) {
    String v = System.getProperty(property);
    if (v == null) throw new IllegalStateException("system property " + property + " is not set; run the integration tests with `mvn verify`");
    return v;
  }
}
