package feedline.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import feedline.common.config.ConfigLoader;
import feedline.jobs.SharedSpark;
import feedline.jobs.lake.Lake;
import feedline.jobs.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configured pipeline on a real Spark standalone cluster (a Master and two Workers on
 * 127.0.0.1, executors of 512m), submitted as the shaded job jar through {@code submit/spark-submit.sh}
 * and Spark's own {@code SparkSubmit}; its outputs must equal local mode's row for row, also when a
 * worker is killed in the middle of a stage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final Pattern TASK_STARTED = Pattern.compile("Starting task \\S+ in stage \\S+ \\(TID \\d+\\) \\(127\\.0\\.0\\.1, ?executor (\\d+),");

  @TempDir
  static Path dir;

  static SparkHome home;
  static StandaloneCluster cluster;

  @BeforeAll
  static void startCluster() {
    home = SparkHome.create(dir.resolve("spark-home"));
    cluster = StandaloneCluster.start(home, dir.resolve("cluster"), 2, 1, "1g");
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      assertThat(cluster.allEnded()).as("every master, worker and executor process ended").isTrue();
    }
  }

  @Test
  @Order(1)
  void clusterRunEqualsLocalRunRowForRow() throws Exception {
    Path corpus = ItEnv.repoRoot().resolve("conf/demo");
    // the whole pipeline: augment with every method (back-translation through the real Apertium on a
    // deterministic half of the rows) and build with the demo model's tokenizer
    Path conf = jobConf("demo", corpus, 0, "build",
        "  augment.method-fraction.back_translation = 0.5",
        "  build.tokenizer = \"" + ItEnv.repoRoot().resolve("conf/demo-model") + "\"");

    Lake local = runLocally(conf);
    try (ChildProcess submit = submit(conf, "demo")) {
      assertThat(submit.waitFor(Duration.ofMinutes(8))).as("spark-submit exit code; log:\n%s", StandaloneCluster.tail(submit.logText()))
          .hasValue(0);
      assertThat(submit.logText()).contains("Granted executor ID").contains("on worker");
    }
    Lake onCluster = new Lake(dir.resolve("lake-demo-cluster").toUri().toString(), new org.apache.hadoop.conf.Configuration());
    SparkSession spark = SharedSpark.get();
    Map<String, List<String>> expected = LakeTables.of(spark, local, "it");
    Map<String, List<String>> actual = LakeTables.of(spark, onCluster, "it");
    assertThat(expected.keySet()).contains("collect.documents");
    assertThat(expected.get("collect.documents")).hasSizeGreaterThan(10);
    assertThat(expected.keySet()).contains("augment.augmented", "build.sft");
    for (String method : List.of("synonym", "shuffle", "eda", "back_translation")) {
      assertThat(expected.get("augment.augmented")).as("kept %s variants", method).anyMatch(r -> r.contains("," + method + ","));
    }
    assertThat(expected.get("build.sft")).as("tokenized shards").hasSizeGreaterThan(10);
    // the run report of this real run: PII per type, duplicates, language mix and token lengths as charts
    Map<String, byte[]> report = feedline.jobs.report.RunReport.render("it",
        feedline.jobs.lake.Manifest.load(local, "it").orElseThrow(), null);
    assertThat(report).containsKeys("report.md", "flow.png", "detail-redact-spans_by_type.png", "detail-dedup-counts.png",
        "detail-clean-lang_kept.png", "detail-build-example_tokens_histogram.png");
    assertThat(new String(report.get("report.md"), StandardCharsets.UTF_8)).contains("| EMAIL |").contains("| en |").contains("| zh |");
    // table by table, so a difference names its table
    for (String table : expected.keySet()) {
      assertThat(actual.get(table)).as("table %s on the cluster", table).isEqualTo(expected.get(table));
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
  }

  @Test
  @Order(2)
  void workerKilledInTheMiddleOfAStageAndTheRunStillFinishesWithIdenticalOutput() throws Exception {
    Path corpus = bigCorpus(dir.resolve("big"), 12, 1_500_000);
    // collect only: the worker dies during collect; the later stages are covered by the run above
    Path conf = jobConf("big", corpus, 12, "collect");
    Lake local = runLocally(conf);

    try (ChildProcess submit = submit(conf, "big")) {
      String executor = awaitFirstTaskAfter(submit, "stage collect starting", Duration.ofMinutes(5));
      StandaloneCluster.Worker victim = awaitWorkerOf(executor, Duration.ofSeconds(20));
      victim.process().kill();
      assertThat(victim.process().isAlive()).isFalse();

      assertThat(submit.waitFor(Duration.ofMinutes(8))).as("spark-submit exit code; log:\n%s", StandaloneCluster.tail(submit.logText()))
          .hasValue(0);
      String log = submit.logText();
      assertThat(log).as("the driver saw the executor go").containsPattern("Lost executor " + executor + "|Executor " + executor + " .*lost|Removing executor " + executor);
      assertThat(log).as("a running task failed with the executor").containsPattern("Lost task .*executor " + executor
          + "|\\(TID \\d+\\) failed because while it was being computed, its executor exited");
    }
    Lake onCluster = new Lake(dir.resolve("lake-big-cluster").toUri().toString(), new org.apache.hadoop.conf.Configuration());
    SparkSession spark = SharedSpark.get();
    assertThat(LakeTables.of(spark, onCluster, "it")).isEqualTo(LakeTables.of(spark, local, "it"));
  }

  /** A job file for both runs; the lake folder is chosen by override (local or cluster). */
  private static Path jobConf(String name, Path corpus, int partitions, String lastStage, String... extra) throws IOException {
    Path conf = dir.resolve(name + ".conf");
    List<String> lines = new ArrayList<>(List.of(
        "feedline {",
        "  run.id = it",
        "  " + ItEnv.stagesOverride(lastStage),
        "  spark.shuffle-partitions = 4",
        "  collect {",
        "    input.paths = [\"" + corpus.toUri() + "\"]",
        "    source = it",
        "    partitions = " + partitions,
        "  }"));
    lines.addAll(List.of(extra));
    lines.addAll(List.of("}", ""));
    Files.writeString(conf, String.join("\n", lines));
    return conf;
  }

  private static Lake runLocally(Path conf) {
    String name = conf.getFileName().toString().replace(".conf", "");
    Config c = ConfigLoader.load(conf, List.of("lake.root=\"" + dir.resolve("lake-" + name + "-local").toUri() + "\""));
    return new Pipeline(SharedSpark.get(), c).run().lake();
  }

  private static ChildProcess submit(Path conf, String name) {
    Map<String, String> env = new java.util.HashMap<>(home.env());
    env.put("FEEDLINE_MASTER", cluster.masterUrl());
    env.put("FEEDLINE_DEPLOY_MODE", "client");
    env.put("SPARK_DRIVER_MEMORY", "768m");
    env.put("FEEDLINE_SUBMIT_OPTS", String.join(" ", "--executor-memory 512m --executor-cores 1 --total-executor-cores 2",
        "--conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false",
        "--conf spark.task.maxFailures=8 --conf spark.executor.extraJavaOptions=-XX:+UseSerialGC"));
    List<String> cmd = new ArrayList<>(List.of("bash", ItEnv.repoRoot().resolve("submit/spark-submit.sh").toString(), conf.toString(),
        "lake.root=\"" + dir.resolve("lake-" + name + "-cluster").toUri() + "\""));
    return ChildProcess.start("spark-submit-" + name, cmd, env, dir, dir.resolve("logs/submit-" + name + ".log"));
  }

  /** Waits for the driver to start a task after {@code marker} was logged; returns the executor id. */
  private static String awaitFirstTaskAfter(ChildProcess driver, String marker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String log = driver.logText();
      int at = log.indexOf(marker);
      if (at >= 0) {
        Matcher m = TASK_STARTED.matcher(log);
        if (m.find(at)) return m.group(1);
      }
      if (!driver.isAlive()) throw new AssertionError("the driver ended before a task started:\n" + StandaloneCluster.tail(log));
      StandaloneCluster.sleep(20);
    }
    throw new AssertionError("no task started after '" + marker + "':\n" + StandaloneCluster.tail(driver.logText()));
  }

  private static StandaloneCluster.Worker awaitWorkerOf(String executor, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<StandaloneCluster.Worker> w = cluster.workerOfExecutor(executor);
      if (w.isPresent()) return w.get();
      StandaloneCluster.sleep(20);
    }
    throw new AssertionError("no worker holds executor " + executor);
  }

  /** Text files big enough that one collect task runs for a while. */
  private static Path bigCorpus(Path out, int files, int charsPerFile) throws IOException {
    Files.createDirectories(out);
    Random rnd = new Random(7);
    String[] words = {"data", "pipeline", "cluster", "worker", "executor", "stage", "row", "commit", "lake", "shard",
        "数据", "清洗", "模型", "训练", "集群"};
    for (int f = 0; f < files; f++) {
      StringBuilder sb = new StringBuilder(charsPerFile + 64);
      while (sb.length() < charsPerFile) {
        for (int w = 0; w < 12; w++) sb.append(words[rnd.nextInt(words.length)]).append(' ');
        sb.append(f).append(".\n");
      }
      Files.writeString(out.resolve(String.format("part-%03d.txt", f)), sb, StandardCharsets.UTF_8);
    }
    return out;
  }
}
