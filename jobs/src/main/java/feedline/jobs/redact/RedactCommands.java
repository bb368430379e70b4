package feedline.jobs.redact;

import com.typesafe.config.Config;
import feedline.common.config.Settings;
import feedline.common.pii.EvalSet;
import feedline.common.pii.PiiBenchmark;
import feedline.common.pii.PiiEngine;
import feedline.common.pii.PiiEvaluation;
import feedline.common.pii.RedactOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The redact tools that need no Spark: {@code redact-eval} (precision, recall, F1 per type and the
 * leak rate on a labeled set) and {@code redact-bench} (documents per second per core on 1 KB
 * documents). Both use the {@code feedline.redact} configuration.
 */
public final class RedactCommands {
  private RedactCommands() {}

  public static String usage() {
    return String.join("\n",
        "redact-eval [--set FILE] [--errors N]   precision/recall/F1 per type and leak rate (default set: the bundled one)",
        "  redact-bench [--set FILE] [--docs N] [--bytes B]   detection + redaction speed on one core");
  }

  /** The options of {@code feedline.redact}, validated. */
  public static RedactOptions options(Config config) {
    return RedactSettings.bind(new Settings(config, "feedline." + RedactStage.NAME));
  }

  private static List<EvalSet.Doc> set(Map<String, String> opts) {
    return opts.containsKey("set") ? EvalSet.load(Path.of(opts.get("set"))) : EvalSet.bundled();
  }

  public static String eval(Config config, Map<String, String> opts) {
    List<EvalSet.Doc> docs = set(opts);
    PiiEngine engine = new PiiEngine(options(config));
    int errors = Integer.parseInt(opts.getOrDefault("errors", "0"));
    PiiEvaluation.Result r = PiiEvaluation.run(engine, docs, errors);
    StringBuilder sb = new StringBuilder(PiiEvaluation.table(r));
    for (String e : r.errors()) sb.append(e).append('\n');
    return sb.toString();
  }

  public static String bench(Config config, Map<String, String> opts) {
    List<EvalSet.Doc> set = set(opts);
    int n = Integer.parseInt(opts.getOrDefault("docs", "2000"));
    int bytes = Integer.parseInt(opts.getOrDefault("bytes", "1024"));
    long t0 = System.nanoTime();
    PiiEngine engine = new PiiEngine(options(config));
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    PiiBenchmark.Result r = PiiBenchmark.run(engine, PiiBenchmark.documents(set, n, bytes), 1);
    return String.format(java.util.Locale.ROOT, "engine built in %.2f s; %s%n", buildSeconds, r);
  }
}
