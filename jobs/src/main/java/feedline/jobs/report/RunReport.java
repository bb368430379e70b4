package feedline.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.jobs.lake.Lake;
import feedline.jobs.lake.Manifest;
import feedline.jobs.nightly.DatasetVersions;
import feedline.jobs.stage.StageResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The run report: {@code report.md} with per-stage row flows (in, out, dropped, quarantined), drops
 * and quarantine by reason, timings and rows per second, every figure a stage reported (its
 * details: formats, PII types, duplicate rates, languages, length histograms ...), and PNG charts
 * of the same. Everything comes from the run's manifest, so a report can be drawn for any run.
 */
public final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunReport() {}

  /** Writes the report of a run into {@code runs/<run>/report/} of the lake; returns the folder. */
  public static String write(Lake lake, String runId, Manifest manifest, DatasetVersions.Version version) {
    String dir = lake.runDir(runId) + "/report";
    write(lake.fs(), new Path(dir), render(runId, manifest, version));
    return dir;
  }

  /** Writes rendered files into a folder of any Hadoop file system. */
  public static void write(FileSystem fs, Path dir, Map<String, byte[]> files) {
    try {
      fs.mkdirs(dir);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        try (OutputStream out = fs.create(new Path(dir, f.getKey()), true)) {
          out.write(f.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** File name to content: {@code report.md} and its charts. */
  public static Map<String, byte[]> render(String runId, Manifest manifest, DatasetVersions.Version version) {
    List<StageResult> stages = manifest.stages();
    JsonNode m = readJson(manifest.json());
    Map<String, byte[]> files = new LinkedHashMap<>();
    StringBuilder md = new StringBuilder();
    md.append("# feedline run ").append(runId).append("\n\n");
    md.append("- status: **").append(manifest.status()).append("**\n");
    md.append("- started: ").append(m.path("started_at").asText("?")).append("\n");
    if (m.has("finished_at")) md.append("- finished: ").append(m.path("finished_at").asText()).append("\n");
    md.append("- config digest: `").append(manifest.configDigest()).append("`\n");
    if (version != null) {
      md.append("- dataset version: **").append(version.number()).append("** (").append(version.rows()).append(" rows of `")
          .append(version.table()).append("` in ").append(version.parts().size()).append(" runs)\n");
    }
    md.append("\n## Row flow\n\n");
    md.append("| stage | in | out | dropped | quarantined | seconds | rows/s | balanced |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    double total = 0;
    for (StageResult r : stages) {
      total += r.seconds();
      md.append("| ").append(r.stage()).append(" | ").append(r.in()).append(" | ").append(r.out())
          .append(" | ").append(r.dropped()).append(" | ").append(r.quarantined()).append(" | ")
          .append(String.format(Locale.ROOT, "%.1f", r.seconds())).append(" | ").append(rate(r)).append(" | ")
          .append(r.balanced() ? "yes" : "**NO**").append(" |\n");
    }
    md.append(String.format(Locale.ROOT, "\nTotal stage time: %.1f s.\n\n", total));
    if (!stages.isEmpty()) {
      files.put("flow.png", Charts.bars("Rows per stage", names(stages), List.of(
          new Charts.Series("in", values(stages, StageResult::in)), new Charts.Series("out", values(stages, StageResult::out)),
          new Charts.Series("dropped", values(stages, StageResult::dropped)),
          new Charts.Series("quarantined", values(stages, StageResult::quarantined))), ""));
      files.put("timings.png", Charts.bars("Seconds per stage", names(stages),
          List.of(new Charts.Series("seconds", stages.stream().mapToDouble(StageResult::seconds).toArray())), " s"));
      md.append("![rows per stage](flow.png)\n\n![seconds per stage](timings.png)\n\n");
    }

    md.append("## Dropped and quarantined, by reason\n\n");
    List<String> reasonLabels = new ArrayList<>();
    List<Double> reasonValues = new ArrayList<>();
    boolean any = false;
    for (StageResult r : stages) {
      for (var e : r.dropReasons().entrySet()) {
        if (!any) md.append("| stage | outcome | reason | rows |\n|---|---|---|---:|\n");
        any = true;
        md.append("| ").append(r.stage()).append(" | dropped | ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
        reasonLabels.add(r.stage() + ": " + e.getKey());
        reasonValues.add(e.getValue().doubleValue());
      }
      for (var e : r.quarantineReasons().entrySet()) {
        if (!any) md.append("| stage | outcome | reason | rows |\n|---|---|---|---:|\n");
        any = true;
        md.append("| ").append(r.stage()).append(" | quarantined | ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
        reasonLabels.add(r.stage() + ": " + e.getKey() + " (q)");
        reasonValues.add(e.getValue().doubleValue());
      }
    }
    if (!any) {
      md.append("Nothing was dropped or quarantined.\n");
    } else {
      files.put("reasons.png", Charts.bars("Rows removed, by stage and reason", reasonLabels,
          List.of(new Charts.Series("rows", reasonValues.stream().mapToDouble(Double::doubleValue).toArray())), ""));
      md.append("\n![rows removed by reason](reasons.png)\n");
    }

    md.append("\n## What each stage reported\n");
    for (StageResult r : stages) {
      if (r.details() == null || r.details().isEmpty()) continue;
      md.append("\n### ").append(r.stage()).append("\n\n");
      for (Map.Entry<String, Object> d : r.details().entrySet()) {
        Object v = d.getValue();
        Map<String, Double> numbers = numericMap(v);
        if (numbers != null && !numbers.isEmpty()) {
          md.append("- ").append(d.getKey()).append(":\n\n  | key | value |\n  |---|---:|\n");
          numbers.forEach((k, n) -> md.append("  | ").append(k).append(" | ").append(Charts.format(n)).append(" |\n"));
          String png = "detail-" + safe(r.stage()) + "-" + safe(d.getKey()) + ".png";
          files.put(png, Charts.bars(r.stage() + ": " + d.getKey(), new ArrayList<>(numbers.keySet()),
              List.of(new Charts.Series(d.getKey(), numbers.values().stream().mapToDouble(Double::doubleValue).toArray())), ""));
          md.append("\n  ![").append(d.getKey()).append("](").append(png).append(")\n\n");
        } else {
          md.append("- ").append(d.getKey()).append(": ").append(inline(v)).append("\n");
        }
      }
    }
    md.append("\n## Outputs\n\n");
    for (StageResult r : stages) {
      for (var o : r.outputs().entrySet()) md.append("- ").append(r.stage()).append('.').append(o.getKey()).append(": `").append(o.getValue()).append("`\n");
    }
    files.put("report.md", md.toString().getBytes(StandardCharsets.UTF_8));
    // report.md first in the map for readers listing it
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    ordered.put("report.md", files.remove("report.md"));
    ordered.putAll(files);
    return ordered;
  }

  static String rate(StageResult r) {
    return r.seconds() > 0 ? String.format(Locale.ROOT, "%.0f", r.in() / r.seconds()) : "-";
  }

  private static List<String> names(List<StageResult> stages) {
    return stages.stream().map(StageResult::stage).toList();
  }

  private static double[] values(List<StageResult> stages, java.util.function.ToLongFunction<StageResult> f) {
    return stages.stream().mapToDouble(s -> f.applyAsLong(s)).toArray();
  }

  /** A map whose values are all numbers, as label to value; null otherwise. */
  @SuppressWarnings("unchecked")
  static Map<String, Double> numericMap(Object v) {
    if (!(v instanceof Map)) return null;
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<Object, Object> e : ((Map<Object, Object>) v).entrySet()) {
      Object n = e.getValue();
      // a per-key record with a document count (clean's {docs, changes, example_ids}): its count
      if (n instanceof Map && ((Map<Object, Object>) n).get("docs") instanceof Number) n = ((Map<Object, Object>) n).get("docs");
      if (!(n instanceof Number)) return null;
      out.put(String.valueOf(e.getKey()), ((Number) n).doubleValue());
    }
    return out;
  }

  private static String inline(Object v) {
    String s;
    try {
      s = v instanceof String ? (String) v : JSON.writeValueAsString(v);
    } catch (IOException e) {
      s = String.valueOf(v);
    }
    return s.length() > 300 ? "`" + s.substring(0, 300) + "…`" : "`" + s + "`";
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static JsonNode readJson(String s) {
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
