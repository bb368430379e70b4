package feedline.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import feedline.common.model.Reasons;
import feedline.jobs.SharedSpark;
import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import feedline.jobs.nightly.DatasetVersions;
import feedline.jobs.nightly.Nightly;
import feedline.jobs.stage.StageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit/nightly.sh} over three nights of one lake: two runs started at once (one is refused
 * by the lock), an incremental night (only new files are processed; duplicates of earlier nights are
 * dropped when dedup is configured), and a night killed part way and re-run, which resumes and ends
 * with exactly the outputs of an uninterrupted night.
 */
class NightlyIT {
  @TempDir
  Path dir;

  private final List<ChildProcess> started = new ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void stopEverything() {
    started.forEach(ChildProcess::close);
    assertThat(started).allMatch(ChildProcess::allEnded, "ended");
  }

  @Test
  void threeNightsLockIncrementalCollectAndResumeAfterAKill() throws Exception {
    Path incoming = dir.resolve("incoming");
    Path lakeDir = dir.resolve("lake");
    Path conf = dir.resolve("nightly.conf");
    Files.writeString(conf, String.join("\n",
        "include file(\"" + ItEnv.repoRoot().resolve("conf/nightly.conf") + "\")",
        "feedline {",
        "  lake.root = \"" + lakeDir.toUri() + "\"",
        "  collect.input.paths = [\"" + incoming.toUri() + "\"]",
        "  " + ItEnv.stagesOverride("dedup"),
        "  spark { master = \"local[2]\", shuffle-partitions = 2 }",
        "}", ""));
    Config config = ConfigLoader.load(conf, List.of());
    List<String> stages = new Settings(config, "feedline").stringList("pipeline.stages");
    SparkSession spark = SharedSpark.get();

    // night 1: N files; two nightly runs started at once, the lock refuses one
    for (int i = 0; i < 6; i++) write(incoming, "n1-" + i + ".txt", i);
    ChildProcess a = nightly(conf, "night1-a");
    ChildProcess b = nightly(conf, "night1-b");
    int codeA = a.waitFor(Duration.ofMinutes(6)).orElseThrow(() -> new AssertionError("night 1 did not end:\n" + a.logText()));
    int codeB = b.waitFor(Duration.ofMinutes(6)).orElseThrow(() -> new AssertionError("night 1 did not end:\n" + b.logText()));
    assertThat(List.of(codeA, codeB)).as("exit codes; logs:\n%s\n----\n%s", StandaloneCluster.tail(a.logText()),
        StandaloneCluster.tail(b.logText())).containsExactlyInAnyOrder(0, 75);
    ChildProcess refused = codeA == 75 ? a : b;
    ChildProcess ran = codeA == 75 ? b : a;
    assertThat(refused.logText()).contains("refused: another nightly run holds the lock");
    assertThat(ran.logText()).contains("dataset version 1:");
    Lake lake = new Lake(lakeDir.toUri().toString(), spark.sparkContext().hadoopConfiguration());
    DatasetVersions versions = new DatasetVersions(lake);
    DatasetVersions.Version v1 = versions.current().orElseThrow();
    assertThat(v1.number()).isEqualTo(1);
    String run1 = v1.runId();
    assertThat(stage(lake, run1, "collect").out()).isEqualTo(6);
    assertThat(lake.exists(lake.runDir(run1) + "/report/report.md")).isTrue();
    assertThat(lake.exists(lake.runDir(run1) + "/report/flow.png")).isTrue();
    checkReportCommand(conf, run1, stages);

    // night 2: M new files, two of them with the content of night-1 files
    write(incoming, "n2-0.txt", 100);
    write(incoming, "n2-1.txt", 101);
    write(incoming, "n2-dup-0.txt", 0);
    write(incoming, "n2-dup-3.txt", 3);
    Nightly.Result night2 = new Nightly(spark, config).run();
    assertThat(night2.resumed()).isFalse();
    StageResult collect2 = stage(lake, night2.runId(), "collect");
    assertThat(collect2.out()).as("only the new files are collected").isEqualTo(4);
    assertThat(collect2.dropReasons()).containsEntry(Reasons.ALREADY_COLLECTED, 6L);
    if (stages.contains("clean")) {
      assertThat(stage(lake, night2.runId(), "clean").out()).as("clean keeps the new documents").isEqualTo(4);
    }
    if (stages.contains("dedup")) {
      StageResult dedup = stage(lake, night2.runId(), "dedup");
      assertThat(dedup.dropped()).as("the two copies of night-1 documents are dropped").isGreaterThanOrEqualTo(2);
    }
    DatasetVersions.Version v2 = versions.current().orElseThrow();
    assertThat(v2.number()).isEqualTo(2);
    assertThat(v2.parts()).hasSize(2).first().isEqualTo(v1.parts().get(0));
    List<String> v2Rows = rows(spark, v2);
    List<String> expected = new ArrayList<>(rows(spark, v1));
    expected.addAll(LakeTables.rows(spark.read().parquet(v2.parts().get(1).path())));
    expected.sort(null);
    assertThat(v2Rows).as("version 2 = version 1 + the rows of night 2").isEqualTo(expected);
    assertThat(v2.rows()).isEqualTo(v1.rows() + night2.pipeline().stages().get(stages.size() - 1).out());

    // night 3: an uninterrupted reference night on a copy of the lake, then the real night killed and re-run
    for (int i = 0; i < 3; i++) write(incoming, "n3-" + i + ".txt", 200 + i);
    Path refDir = dir.resolve("lake-ref");
    copyTree(lakeDir, refDir);
    Config refConfig = ConfigLoader.load(conf, List.of("lake.root=\"" + refDir.toUri() + "\""));
    Nightly.Result ref = new Nightly(spark, refConfig).run();
    Lake refLake = ref.pipeline().lake();

    ChildProcess killed = nightly(conf, "night3-killed");
    String run3 = awaitKillPoint(killed, lake, stages);
    killed.killTree();
    assertThat(killed.isAlive()).isFalse();
    assertThat(versions.current().orElseThrow().number()).as("a killed night leaves the previous version current").isEqualTo(2);
    assertThat(Manifest.load(lake, run3).orElseThrow().status()).isEqualTo("running");

    ChildProcess rerun = nightly(conf, "night3-rerun");
    assertThat(rerun.waitFor(Duration.ofMinutes(6))).as("re-run; log:\n%s", StandaloneCluster.tail(rerun.logText())).hasValue(0);
    assertThat(rerun.logText()).contains("run " + run3 + " (resumed)").contains("dataset version 3:");
    if (stages.size() >= 2) assertThat(stage(lake, run3, stages.get(0)).resumed()).isTrue();
    assertThat(LakeTables.of(spark, lake, run3)).as("the resumed night equals the uninterrupted one")
        .isEqualTo(LakeTables.of(spark, refLake, ref.runId()));
    DatasetVersions.Version v3 = versions.current().orElseThrow();
    assertThat(v3.number()).isEqualTo(3);
    assertThat(rows(spark, v3)).isEqualTo(rows(spark, new DatasetVersions(refLake).current().orElseThrow()));
    List<String> ids = spark.read().parquet(v3.paths().toArray(String[]::new)).select("doc_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(ids).as("no row twice").doesNotHaveDuplicates();
  }

  /**
   * Waits until the night has committed its first stage (with two or more stages: the kill then falls
   * between stages) or, with a single stage, until that stage has started; returns the run id.
   */
  private String awaitKillPoint(ChildProcess night, Lake lake, List<String> stages) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      String log = night.logText();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("nightly: new run (\\S+)").matcher(log);
      if (m.find()) {
        String run = m.group(1);
        if (stages.size() >= 2) {
          if (Manifest.load(lake, run).map(x -> x.stage(stages.get(0)).isPresent()).orElse(false)) return run;
        } else if (log.contains("stage " + stages.get(0) + " starting")) {
          return run;
        }
      }
      if (!night.isAlive()) throw new AssertionError("the night ended before the kill point:\n" + night.logText());
      StandaloneCluster.sleep(20);
    }
    throw new AssertionError("no kill point reached:\n" + night.logText());
  }

  /** {@code submit/feedline report RUN --out DIR}: the summary table in the terminal, report.md and decodable charts in DIR. */
  private void checkReportCommand(Path conf, String run, List<String> stages) throws IOException {
    Path out = dir.resolve("report-" + run);
    ChildProcess p = ChildProcess.start("report", List.of("bash", ItEnv.repoRoot().resolve("submit/feedline").toString(), "report", run,
        "--conf", conf.toString(), "--out", out.toString()), Map.of("FEEDLINE_DRIVER_MEMORY", "512m"), ItEnv.repoRoot(),
        dir.resolve("logs/report.log"));
    started.add(p);
    assertThat(p.waitFor(Duration.ofMinutes(3))).as("report; log:\n%s", StandaloneCluster.tail(p.logText())).hasValue(0);
    assertThat(p.logText()).contains("run " + run + " (succeeded)").contains("report: " + out + "/report.md");
    String md = Files.readString(out.resolve("report.md"));
    for (String stage : stages) {
      assertThat(p.logText()).as("summary row of %s", stage).containsPattern("(?m)^\\s*" + stage + "\\s+\\d+\\s+\\d+");
      assertThat(md).as("flow row of %s", stage).contains("| " + stage + " |");
    }
    for (String png : List.of("flow.png", "timings.png")) {
      assertThat(javax.imageio.ImageIO.read(out.resolve(png).toFile())).as(png).isNotNull();
    }
    assertThat(md).contains("![rows per stage](flow.png)");
  }

  private ChildProcess nightly(Path conf, String name) {
    Map<String, String> env = Map.of("FEEDLINE_NIGHTLY_LOCK", dir.resolve("nightly.lock").toString(),
        "FEEDLINE_DRIVER_MEMORY", "768m", "FEEDLINE_JAVA_OPTS", "-XX:+UseSerialGC");
    ChildProcess p = ChildProcess.start(name, List.of("bash", ItEnv.repoRoot().resolve("submit/nightly.sh").toString(), conf.toString()),
        env, ItEnv.repoRoot(), dir.resolve("logs/" + name + ".log"));
    started.add(p);
    return p;
  }

  private static StageResult stage(Lake lake, String run, String name) {
    return Manifest.load(lake, run).orElseThrow().stage(name).orElseThrow(() -> new AssertionError("no stage " + name + " in run " + run));
  }

  private static List<String> rows(SparkSession spark, DatasetVersions.Version v) {
    return LakeTables.rows(spark.read().parquet(v.paths().toArray(String[]::new)));
  }

  /**
   * A document whose text depends only on {@code content}: equal numbers give duplicate files. The
   * benchmark's generator writes varied prose that passes clean's quality rules.
   */
  private static void write(Path dir, String name, int content) throws IOException {
    Files.createDirectories(dir);
    java.util.Random rnd = new java.util.Random(7919L * content + 17);
    String text = feedline.jobs.bench.CorpusGenerator.document(rnd) + "\n\n" + feedline.jobs.bench.CorpusGenerator.document(rnd);
    Files.writeString(dir.resolve(name), text);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
