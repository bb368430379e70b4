package feedline.common.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import feedline.common.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code feedline annotate export|import}: the round trip to human labelers, no Spark.
 * <ul>
 *   <li>{@code export --input TO_ANNOTATE --out DIR}: Label Studio import JSON and labeling config,
 *   Doccano JSONL and label types, for the tools in {@code feedline.annotate.export.tools}</li>
 *   <li>{@code import --tasks TO_ANNOTATE [--label-studio F[,F]] [--doccano F[,F]] --output F.jsonl
 *   [--review F] [--quarantine F] [--report F.json]}: resolved labels as training rows, items
 *   without a majority for review, unusable records quarantined with a reason, and the agreement
 *   report (JSON and Markdown)</li>
 * </ul>
 */
public final class AnnotateCommand {
  public static final String STAGE = "annotate";

  private AnnotateCommand() {}

  /** A usage mistake: the caller exits with code 2. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String m) {
      super(m);
    }
  }

  public static String usage() {
    return "annotate export --input TO_ANNOTATE --out DIR | annotate import --tasks TO_ANNOTATE"
        + " [--label-studio F[,F]] [--doccano F[,F]] --output F.jsonl [--review F] [--quarantine F] [--report F.json]";
  }

  /** Runs the verb; returns a one-line JSON summary. */
  public static String run(List<String> positionals, Map<String, String> options, Settings settings) {
    if (positionals.size() != 1) throw new UsageException("annotate needs export or import; " + usage());
    AnnotateConfig c = AnnotateConfig.from(settings);
    switch (positionals.get(0)) {
      case "export":
        check(options, Set.of("conf", "input", "out"));
        return Json.write(export(Path.of(required(options, "input")), Path.of(required(options, "out")), c,
            settings.subsetOf("export.tools", List.of("label-studio", "doccano")), settings.bool("export.with-predictions")));
      case "import": {
        check(options, Set.of("conf", "tasks", "label-studio", "doccano", "output", "review", "quarantine", "report"));
        if (!options.containsKey("label-studio") && !options.containsKey("doccano")) {
          throw new UsageException("annotate import needs --label-studio FILE or --doccano FILE (or both)");
        }
        Path output = Path.of(required(options, "output"));
        ImportResult r = importExports(Path.of(required(options, "tasks")), files(options.get("label-studio")),
            files(options.get("doccano")), c, runId());
        Path review = Path.of(options.getOrDefault("review", sibling(output, "review", ".jsonl")));
        Path quarantine = Path.of(options.getOrDefault("quarantine", sibling(output, "quarantine", ".jsonl")));
        Path report = Path.of(options.getOrDefault("report", sibling(output, "report", ".json")));
        r.write(output, review, quarantine, report);
        Map<String, Object> summary = new LinkedHashMap<>(r.summary());
        summary.put("output_file", output.toString());
        summary.put("review_file", review.toString());
        summary.put("quarantine_file", quarantine.toString());
        summary.put("report_file", report.toString());
        return Json.write(summary);
      }
      default:
        throw new UsageException("unknown annotate verb '" + positionals.get(0) + "'; " + usage());
    }
  }

  /** Writes the export files; returns what was written. */
  public static Map<String, Object> export(Path input, Path outDir, AnnotateConfig c, List<String> tools, boolean withPredictions) {
    List<AnnotationItem> items = items(TableFiles.read(input), input);
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("items", items.size());
    if (tools.contains("label-studio")) {
      Path tasks = outDir.resolve("label-studio-tasks.json");
      Path config = outDir.resolve("label-studio-config.xml");
      TableFiles.writeString(tasks, Json.pretty(LabelStudio.tasks(items, c, withPredictions)));
      TableFiles.writeString(config, LabelStudio.labelingConfig(c));
      written.put("label_studio_tasks", tasks.toString());
      written.put("label_studio_config", config.toString());
    }
    if (tools.contains("doccano")) {
      Path ex = outDir.resolve("doccano.jsonl");
      Path labels = outDir.resolve("doccano-labels.json");
      TableFiles.writeJsonl(ex, Doccano.examples(items));
      TableFiles.writeString(labels, Json.pretty(Doccano.labelTypes(c)));
      written.put("doccano_examples", ex.toString());
      written.put("doccano_labels", labels.toString());
    }
    return written;
  }

  /** Reads the exports against the tasks and resolves every annotated item. */
  public static ImportResult importExports(Path tasksPath, List<Path> labelStudio, List<Path> doccano, AnnotateConfig c, String runId) {
    List<AnnotationItem> list = items(TableFiles.read(tasksPath), tasksPath);
    Map<String, AnnotationItem> items = new LinkedHashMap<>();
    list.forEach(i -> items.put(i.docId(), i));
    List<Annotation> annotations = new ArrayList<>();
    List<ImportIssue> issues = new ArrayList<>();
    for (Path f : labelStudio) {
      JsonNode export;
      try {
        export = Json.MAPPER.readTree(f.toFile());
      } catch (IOException e) {
        issues.add(new ImportIssue(null, null, AnnotateReasons.BAD_EXPORT, "not JSON: " + e.getMessage(), f.toString(), null));
        continue;
      }
      LabelStudio.read(export, f.toString(), c, items, annotations, issues);
    }
    for (Path f : doccano) {
      String fileAnnotator = f.getFileName().toString().replaceFirst("\\.jsonl?$", "");
      List<String> lines;
      try {
        lines = Files.readAllLines(f);
      } catch (IOException e) {
        issues.add(new ImportIssue(null, null, AnnotateReasons.BAD_EXPORT, "cannot read: " + e.getMessage(), f.toString(), null));
        continue;
      }
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) continue;
        String where = f + ":" + (i + 1);
        JsonNode rec;
        try {
          rec = Json.MAPPER.readTree(lines.get(i));
        } catch (IOException e) {
          issues.add(new ImportIssue(null, null, AnnotateReasons.BAD_EXPORT, "not JSON", where, lines.get(i)));
          continue;
        }
        Doccano.read(rec, where, fileAnnotator, c, items, annotations, issues);
      }
    }
    // one answer per annotator and item: the first is kept
    Map<String, List<Annotation>> byItem = new TreeMap<>();
    Map<String, Annotation> seen = new LinkedHashMap<>();
    for (Annotation a : annotations) {
      String key = a.docId() + "\u0000" + a.annotator();
      if (seen.containsKey(key)) {
        issues.add(new ImportIssue(a.docId(), a.annotator(), AnnotateReasons.DUPLICATE_ANNOTATION,
            "a second answer by " + a.annotator() + "; kept the one from " + seen.get(key).source(), a.source(), null));
        continue;
      }
      seen.put(key, a);
      byItem.computeIfAbsent(a.docId(), k -> new ArrayList<>()).add(a);
    }
    Resolver resolver = new Resolver(c);
    List<Resolution> resolutions = new ArrayList<>();
    byItem.forEach((id, anns) -> resolutions.add(resolver.resolve(id, anns)));
    return new ImportResult(c, items, resolutions, issues, Agreement.of(c, byItem, items), annotations.size() - countDuplicates(issues), runId);
  }

  private static int countDuplicates(List<ImportIssue> issues) {
    return (int) issues.stream().filter(i -> i.reason().equals(AnnotateReasons.DUPLICATE_ANNOTATION)).count();
  }

  static List<AnnotationItem> items(List<JsonNode> rows, Path from) {
    List<AnnotationItem> out = new ArrayList<>();
    int n = 0;
    for (JsonNode r : rows) {
      n++;
      String id = Json.text(r, "doc_id");
      String text = Json.text(r, "text");
      if (id == null || text == null) throw new IllegalArgumentException(from + " row " + n + " has no doc_id or text: to_annotate rows need both");
      Double u = r.hasNonNull("uncertainty") ? r.get("uncertainty").asDouble() : null;
      out.add(new AnnotationItem(id, text, Json.text(r, "source"), Json.text(r, "predicted_label"), u));
    }
    return out;
  }

  private static List<Path> files(String csv) {
    List<Path> out = new ArrayList<>();
    if (csv == null) return out;
    for (String f : csv.split(",")) {
      if (f.isBlank()) continue;
      Path p = Path.of(f.strip());
      if (!Files.isRegularFile(p)) throw new UsageException("no such export file: " + f.strip());
      out.add(p);
    }
    return out;
  }

  private static void check(Map<String, String> options, Set<String> allowed) {
    for (String o : options.keySet()) {
      if (!allowed.contains(o)) throw new UsageException("unknown option --" + o + "; allowed: " + new java.util.TreeSet<>(allowed));
    }
  }

  private static String required(Map<String, String> options, String name) {
    String v = options.get(name);
    if (v == null || v.isBlank()) throw new UsageException("annotate needs --" + name + "; " + usage());
    return v;
  }

  static String sibling(Path output, String what, String ext) {
    String s = output.toString();
    int dot = s.lastIndexOf('.');
    String base = dot > s.lastIndexOf('/') ? s.substring(0, dot) : s;
    return base + "." + what + ext;
  }

  static String runId() {
    return "annotate-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }
}
