package feedline.jobs.cli;

import com.typesafe.config.Config;
import feedline.common.config.CommandLine;
import feedline.common.config.ConfigError;
import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import feedline.common.config.UsageError;
import feedline.jobs.bench.ScaleBenchmark;
import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import feedline.jobs.nightly.DatasetVersions;
import feedline.jobs.nightly.Nightly;
import feedline.jobs.pipeline.Pipeline;
import feedline.jobs.pipeline.RunIds;
import feedline.jobs.pipeline.Summary;
import feedline.jobs.report.RunReport;
import feedline.jobs.spark.SparkSessions;
import feedline.jobs.stage.Stage;
import feedline.jobs.stage.StageContext;
import feedline.jobs.stage.StageRegistry;
import feedline.jobs.stage.StageResult;
import feedline.jobs.stage.StageRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The command line: {@code feedline <command> [--conf FILE] [key=value ...]}.
 * <ul>
 *   <li>{@code run [FILE]}: the configured pipeline in the lake</li>
 *   <li>{@code <stage> --input PATH --output PATH [--drops PATH] [--quarantine PATH] ...}: one stage, file to file</li>
 *   <li>{@code report [RUN] [--out DIR]}: the summary table of a run (default: CURRENT); with
 *       {@code --out} also the Markdown report and its PNG charts</li>
 *   <li>{@code nightly}: the nightly refresh (new files only, every stage, next dataset version)</li>
 *   <li>{@code config}: the resolved configuration, secrets masked</li>
 * </ul>
 * Exit code 0 on success, 1 when the work failed, 2 for a usage or configuration error; the reason
 * is one line on standard error.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (UsageError | ConfigError | com.typesafe.config.ConfigException e) {
      System.err.println("feedline: " + oneLine(e.getMessage()));
      code = 2;
    } catch (Throwable e) {
      System.err.println("feedline: failed: " + oneLine(rootMessage(e)));
      if (System.getenv("FEEDLINE_DEBUG") != null) e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }

  static int run(String[] args) {
    CommandLine a = CommandLine.parse(args, usage());
    switch (a.command()) {
      case "help", "--help", "-h" -> {
        System.out.println(usage());
        return 0;
      }
      case "run" -> {
        return runPipeline(a);
      }
      case "report" -> {
        return report(a);
      }
      case "nightly" -> {
        return nightly(a);
      }
      case "benchmark" -> {
        load(a, List.of("conf", "size", "work")); // checks the options and overrides before any work
        String conf = a.options().get("conf");
        ScaleBenchmark.run(a.options().getOrDefault("size", "1g"), Path.of(a.options().getOrDefault("work", "work/bench")),
            conf == null ? null : Path.of(conf), a.overrides());
        return 0;
      }
      case "metric" -> {
        return metric(a);
      }
      case "annotate" -> {
        return annotate(a);
      }
      case "redact-eval", "redact-bench" -> {
        Config c = load(a, List.of("conf", "set", "errors", "docs", "bytes"));
        System.out.print(a.command().equals("redact-eval")
            ? feedline.jobs.redact.RedactCommands.eval(c, a.options())
            : feedline.jobs.redact.RedactCommands.bench(c, a.options()));
        return 0;
      }
      case "config" -> {
        Config c = load(a, List.of("conf"));
        System.out.println(ConfigLoader.renderMasked(c));
        return 0;
      }
      default -> {
        if (StageRegistry.has(a.command())) return runStage(a);
        throw new UsageError("unknown command '" + a.command() + "'\n" + usage());
      }
    }
  }

  /** {@code metric bleu|rouge|f1|exact|kappa --pred F --ref F}: no Spark, one JSON object on stdout. */
  private static int metric(CommandLine a) {
    try {
      System.out.println(feedline.common.metrics.MetricCommand.run(a.positionals(), a.options()));
      return 0;
    } catch (feedline.common.metrics.MetricCommand.UsageException e) {
      throw new UsageError(e.getMessage());
    }
  }

  /** {@code annotate export|import ...}: no Spark; prints a one-line JSON summary. */
  private static int annotate(CommandLine a) {
    Config c = load(a, List.of("conf", "input", "out", "tasks", "label-studio", "doccano", "output", "review", "quarantine", "report"));
    try {
      System.out.println(feedline.common.annotate.AnnotateCommand.run(a.positionals(), a.options(), new Settings(c, "feedline.annotate")));
      return 0;
    } catch (feedline.common.annotate.AnnotateCommand.UsageException e) {
      throw new UsageError(e.getMessage());
    }
  }

  private static Config load(CommandLine a, List<String> allowedOptions) {
    for (String o : a.options().keySet()) {
      if (!allowedOptions.contains(o)) {
        throw new UsageError("unknown option --" + o + " for " + a.command() + "; allowed: "
            + allowedOptions.stream().map(x -> "--" + x).toList());
      }
    }
    String conf = a.options().get("conf");
    if (conf == null && a.command().equals("run") && !a.positionals().isEmpty()) conf = a.positionals().get(0);
    return ConfigLoader.load(conf == null ? null : Path.of(conf), a.overrides());
  }

  private static SparkSession spark(Config c) {
    Settings f = new Settings(c, "feedline");
    return SparkSessions.create(f.sub("spark"), f.stringMap("hadoop"));
  }

  private static int runPipeline(CommandLine a) {
    Config c = load(a, List.of("conf"));
    System.err.println("feedline: config digest " + ConfigLoader.digest(c));
    SparkSession spark = spark(c);
    try {
      Pipeline.Result r = new Pipeline(spark, c).run();
      System.out.print(Summary.table(r.runId(), r.stages()));
      System.out.println("lake: " + r.lake().root() + "  (manifest: " + Manifest.path(r.lake(), r.runId()) + ")");
      return 0;
    } finally {
      spark.stop();
    }
  }

  private static int runStage(CommandLine a) {
    Stage stage = StageRegistry.create(a.command());
    List<String> allowed = new ArrayList<>(List.of("conf", "input", "output", "drops", "quarantine"));
    allowed.addAll(stage.cliOutputs().keySet());
    if (stage.name().equals("build")) allowed.add("tokenizer");
    List<String> overrides = new ArrayList<>(a.overrides());
    String input = a.options().get("input");
    String output = a.options().get("output");
    if (output == null) throw new UsageError(stage.name() + " needs --output PATH (.jsonl or .parquet)");
    if (input == null) throw new UsageError(stage.name() + " needs --input PATH");
    if (stage.inputTable() == null) {
      overrides.add("feedline." + stage.name() + ".input.paths=[\"" + input.replace("\"", "\\\"") + "\"]");
      overrides.add("feedline." + stage.name() + ".incremental=false");
      input = null;
    }
    if (a.options().containsKey("tokenizer")) overrides.add("feedline.build.tokenizer=" + a.options().get("tokenizer"));
    Config c = load(a.withOverrides(overrides), allowed);
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put(StageRunner.KEPT, output);
    if (a.options().containsKey("drops")) targets.put(StageRunner.DROPS, a.options().get("drops"));
    targets.put(StageRunner.QUARANTINE, a.options().getOrDefault("quarantine", siblingOf(output, "quarantine")));
    stage.cliOutputs().forEach((opt, table) -> {
      if (a.options().containsKey(opt)) targets.put(table, a.options().get(opt));
    });
    Settings f = new Settings(c, "feedline");
    String runId = f.optionalString("run.id");
    if (runId == null) runId = RunIds.next();
    SparkSession spark = spark(c);
    try {
      StageResult r = new StageRunner(f.bool("pipeline.strict-accounting"))
          .runFiles(stage, new StageContext(spark, c, runId, null), input, targets,
              a.options().containsKey("quarantine") ? java.util.Set.of() : java.util.Set.of(StageRunner.QUARANTINE));
      System.out.print(Summary.table(runId, List.of(r)));
      return 0;
    } finally {
      spark.stop();
    }
  }

  private static String siblingOf(String output, String what) {
    int dot = output.lastIndexOf('.');
    String base = dot > output.lastIndexOf('/') ? output.substring(0, dot) : output;
    String ext = dot > output.lastIndexOf('/') ? output.substring(dot) : ".jsonl";
    return base + "." + what + ext;
  }

  private static int nightly(CommandLine a) {
    Config c = load(a, List.of("conf"));
    System.err.println("feedline: config digest " + ConfigLoader.digest(c));
    SparkSession spark = spark(c);
    try {
      Nightly.Result r = new Nightly(spark, c).run();
      System.out.print(Summary.table(r.runId() + (r.resumed() ? " (resumed)" : ""), r.pipeline().stages()));
      System.out.println("dataset version " + r.version().number() + ": " + r.version().rows() + " rows of "
          + r.version().table() + " in " + r.version().parts().size() + " runs");
      if (r.report() != null) System.out.println("report: " + r.report() + "/report.md");
      return 0;
    } finally {
      spark.stop();
    }
  }

  private static int report(CommandLine a) {
    Config c = load(a, List.of("conf", "out"));
    Settings f = new Settings(c, "feedline");
    org.apache.hadoop.conf.Configuration hconf = new org.apache.hadoop.conf.Configuration();
    f.stringMap("hadoop").forEach(hconf::set);
    Lake lake = new Lake(f.string("lake.root"), hconf);
    String runId = a.positionals().isEmpty()
        ? lake.readString(lake.currentRunPath()).map(String::strip)
            .orElseThrow(() -> new UsageError("no finished run in " + lake.root() + "; name a run id"))
        : a.positionals().get(0);
    Manifest m = Manifest.load(lake, runId).orElseThrow(() -> new UsageError("no run " + runId + " in " + lake.root()));
    System.out.print(Summary.table(runId + " (" + m.status() + ")", m.stages()));
    String out = a.options().get("out");
    if (out != null) {
      DatasetVersions versions = new DatasetVersions(lake);
      DatasetVersions.Version v = versions.current().filter(x -> x.includes(runId)).orElse(null);
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(out);
      try {
        RunReport.write(dir.getFileSystem(hconf), dir, RunReport.render(runId, m, v));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      System.out.println("report: " + dir + "/report.md");
    }
    return 0;
  }

  static String usage() {
    return String.join("\n",
        "usage: feedline <command> [--conf FILE] [key=value ...]",
        "  run [FILE]                       run the configured pipeline (feedline.pipeline.stages) in the lake",
        "  <stage> --input P --output P     run one stage file to file (.jsonl or .parquet); also --drops P, --quarantine P",
        "                                   stages: " + StageRegistry.all().keySet(),
        "  report [RUN] [--out DIR]         print a run's summary table (default: the current run); --out also writes",
        "                                   report.md with PNG charts there",
        "  nightly                          nightly refresh: new files only, every stage, next dataset version, report",
        "  benchmark [--size 1g] [--work D] generate a corpus of that size, run the pipeline on it, print rows/s per stage",
        "  config                           print the resolved configuration (secrets masked)",
        "  " + feedline.common.metrics.MetricCommand.usage(),
        "  " + feedline.common.annotate.AnnotateCommand.usage(),
        "  " + feedline.jobs.redact.RedactCommands.usage(),
        "overrides: key=value (the feedline. prefix may be left out), e.g. spark.master=local[2] collect.source=web");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage() == null ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    return e == t ? m : (e.getMessage() == null ? m : e.getMessage() + " (" + m + ")");
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " | ").strip();
  }

}
