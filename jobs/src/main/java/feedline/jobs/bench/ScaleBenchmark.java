package feedline.jobs.bench;

import com.typesafe.config.Config;
import feedline.common.config.ConfigError;
import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import feedline.jobs.pipeline.Pipeline;
import feedline.jobs.spark.SparkSessions;
import feedline.jobs.stage.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The scale benchmark: generates a corpus of the given size (unless it is already there), runs the
 * configured pipeline over it in a fresh lake and prints rows/s per stage and in total, as a Markdown
 * table. {@code feedline benchmark --size 1g [--work DIR] [--conf FILE] [key=value ...]}
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  /** Runs the benchmark; returns the Markdown table it printed. */
  public static String run(String size, Path work, Path conf, List<String> overrides) {
    long bytes = parseSize(size);
    Path corpusDir = work.resolve("corpus-" + size.toLowerCase(Locale.ROOT));
    long t0 = System.nanoTime();
    CorpusGenerator.Corpus corpus;
    if (Files.isRegularFile(corpusDir.resolve("_DONE"))) {
      corpus = new CorpusGenerator.Corpus(corpusDir, -1, -1, bytes);
      System.err.println("feedline benchmark: reusing corpus " + corpusDir);
    } else {
      System.err.println("feedline benchmark: generating " + size + " in " + corpusDir + " ...");
      corpus = CorpusGenerator.generate(corpusDir, bytes, 16L << 20, 42, Runtime.getRuntime().availableProcessors());
      try {
        Files.writeString(corpusDir.resolve("_DONE"), corpus.documents() + " documents, " + corpus.bytes() + " bytes\n");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    double genSeconds = (System.nanoTime() - t0) / 1e9;
    String runId = "bench-" + System.currentTimeMillis();
    List<String> all = new ArrayList<>();
    all.add("lake.root=\"" + work.resolve("lake").toUri() + "\"");
    all.add("collect.input.paths=[\"" + corpusDir.toUri() + "\"]");
    all.add("collect.incremental=false");
    all.add("collect.source=bench");
    all.add("run.id=" + runId);
    all.addAll(overrides);
    Config c = ConfigLoader.load(conf, all);
    Settings f = new Settings(c, "feedline");
    SparkSession spark = SparkSessions.create(f.sub("spark"), f.stringMap("hadoop"));
    try (LoadSampler load = new LoadSampler(Path.of("/proc/loadavg"), 30)) {
      long t1 = System.nanoTime();
      Pipeline.Result r = new Pipeline(spark, c).run();
      double total = (System.nanoTime() - t1) / 1e9;
      load.close();
      String table = table(size, corpusDir, spark.sparkContext().defaultParallelism(), r.stages(), total, genSeconds)
          + String.format(Locale.ROOT, "%nload average (1 min) during the run: %s%n", load.summary()) + notes(r.stages());
      System.out.print(table);
      return table;
    } finally {
      spark.stop();
    }
  }

  static String table(String size, Path corpus, int parallelism, List<StageResult> stages, double total, double genSeconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "corpus %s (%s), Spark parallelism %d, %d cores, generated in %.0f s%n%n", size, corpus,
        parallelism, Runtime.getRuntime().availableProcessors(), genSeconds));
    sb.append("| stage | rows read | rows out | dropped | quarantined | seconds | rows read/s |\n"
        + "|---|---:|---:|---:|---:|---:|---:|\n");
    long firstIn = stages.isEmpty() ? 0 : stages.get(0).in();
    for (int i = 0; i < stages.size(); i++) {
      StageResult s = stages.get(i);
      // rows read: what the stage took from its input table (augment's accounting also counts its candidates)
      long read = i == 0 ? s.in() : stages.get(i - 1).out();
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.0f |%n", s.stage(), read, s.out(), s.dropped(),
          s.quarantined(), s.seconds(), s.seconds() > 0 ? read / s.seconds() : 0));
    }
    sb.append(String.format(Locale.ROOT, "| **pipeline** | %d | %d | | | %.1f | %.0f |%n", firstIn,
        stages.isEmpty() ? 0 : stages.get(stages.size() - 1).out(), total, total > 0 ? firstIn / total : 0));
    return sb.toString();
  }

  /** What augment and build did, from their reported details (nothing for stages that did not run). */
  static String notes(List<StageResult> stages) {
    StringBuilder sb = new StringBuilder();
    for (StageResult s : stages) {
      if (s.stage().equals("augment")) {
        sb.append("augment: ").append(s.details().get("parents")).append(" parents; candidates and kept per method ")
            .append(s.details().get("methods")).append("; translator ").append(s.details().get("translator")).append('\n');
      } else if (s.stage().equals("build")) {
        sb.append("build: rows out ").append(s.out()).append(", dropped by reason ").append(s.dropReasons()).append('\n');
      }
    }
    return sb.toString();
  }

  /** {@code 200m}, {@code 1g}, {@code 512k} or a number of bytes. */
  static long parseSize(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    long mult = 1;
    if (t.endsWith("k")) mult = 1L << 10;
    else if (t.endsWith("m")) mult = 1L << 20;
    else if (t.endsWith("g")) mult = 1L << 30;
    if (mult > 1) t = t.substring(0, t.length() - 1);
    try {
      long v = Long.parseLong(t) * mult;
      if (v <= 0) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigError("--size", s, "a positive size such as 200m or 1g");
    }
  }
}
