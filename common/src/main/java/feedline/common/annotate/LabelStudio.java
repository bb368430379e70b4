package feedline.common.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Label Studio's formats. Export: the import JSON (a list of tasks, each {@code {"data": {...}}}
 * with {@code data.text}, {@code data.doc_id} and, for intent, {@code data.dialogue} as
 * role/content turns; optional model {@code predictions}) and the labeling config XML. Import:
 * the full JSON export (tasks with {@code annotations[].result[]} and {@code completed_by}).
 */
public final class LabelStudio {
  private LabelStudio() {}

  /** The labeling config (XML) for the task kind and labels. */
  public static String labelingConfig(AnnotateConfig c) {
    StringBuilder b = new StringBuilder("<View>\n");
    String to = xml(c.toName());
    String from = xml(c.fromName());
    switch (c.task()) {
      case NER:
        b.append("  <Labels name=\"").append(from).append("\" toName=\"").append(to).append("\">\n");
        for (String l : c.labels()) b.append("    <Label value=\"").append(xml(l)).append("\"/>\n");
        b.append("  </Labels>\n");
        b.append("  <Text name=\"").append(to).append("\" value=\"$text\"/>\n");
        break;
      case INTENT:
        b.append("  <Paragraphs name=\"").append(to)
            .append("\" value=\"$dialogue\" layout=\"dialogue\" nameKey=\"role\" textKey=\"content\"/>\n");
        appendChoices(b, from, to, c.labels());
        break;
      case CLASSIFICATION:
      default:
        b.append("  <Text name=\"").append(to).append("\" value=\"$text\"/>\n");
        appendChoices(b, from, to, c.labels());
        break;
    }
    return b.append("</View>\n").toString();
  }

  private static void appendChoices(StringBuilder b, String from, String to, List<String> labels) {
    b.append("  <Choices name=\"").append(from).append("\" toName=\"").append(to)
        .append("\" choice=\"single-radio\" showInline=\"true\" required=\"true\">\n");
    for (String l : labels) b.append("    <Choice value=\"").append(xml(l)).append("\"/>\n");
    b.append("  </Choices>\n");
  }

  static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
  }

  /** The import JSON: one task per item. */
  public static List<Map<String, Object>> tasks(List<AnnotationItem> items, AnnotateConfig c, boolean withPredictions) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AnnotationItem it : items) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("text", it.text());
      data.put("doc_id", it.docId());
      if (it.source() != null) data.put("source", it.source());
      if (it.uncertainty() != null) data.put("uncertainty", it.uncertainty());
      if (c.task() == TaskKind.INTENT) data.put("dialogue", Dialogue.turns(it.text()));
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("data", data);
      if (withPredictions && c.task().singleLabel() && it.predictedLabel() != null && c.labels().contains(it.predictedLabel())) {
        Map<String, Object> value = Map.of("choices", List.of(it.predictedLabel()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("from_name", c.fromName());
        result.put("to_name", c.toName());
        result.put("type", "choices");
        result.put("value", value);
        Map<String, Object> pred = new LinkedHashMap<>();
        pred.put("model_version", "feedline-select");
        if (it.uncertainty() != null) pred.put("score", 1.0 - Math.min(1.0, it.uncertainty()));
        pred.put("result", List.of(result));
        task.put("predictions", List.of(pred));
      }
      out.add(task);
    }
    return out;
  }

  /** Reads a full JSON export: annotations, and the records that cannot be used. */
  public static void read(JsonNode export, String file, AnnotateConfig c, Map<String, AnnotationItem> items,
      List<Annotation> annotations, List<ImportIssue> issues) {
    if (!export.isArray()) {
      issues.add(new ImportIssue(null, null, AnnotateReasons.BAD_EXPORT, "a Label Studio JSON export is a list of tasks",
          file, Json.write(export)));
      return;
    }
    int t = 0;
    for (JsonNode task : export) {
      t++;
      String where = file + "#task" + (task.has("id") ? task.get("id").asText() : String.valueOf(t));
      String docId = Json.text(task.get("data"), "doc_id");
      if (docId == null || !items.containsKey(docId)) {
        issues.add(new ImportIssue(docId, null, AnnotateReasons.UNKNOWN_TASK,
            docId == null ? "the task has no data.doc_id" : "doc_id " + docId + " is not in to_annotate", where, Json.write(task)));
        continue;
      }
      String text = items.get(docId).text();
      int valid = 0;
      JsonNode anns = task.get("annotations");
      if (anns != null && anns.isArray()) {
        for (JsonNode a : anns) {
          if (a.path("was_cancelled").asBoolean(false)) continue;
          valid++;
          String annotator = annotator(a.get("completed_by"));
          String aw = where + "/annotation" + (a.has("id") ? a.get("id").asText() : String.valueOf(valid));
          readResult(a.get("result"), docId, annotator, text, aw, c, annotations, issues, Json.write(a));
        }
      }
      if (valid == 0) {
        issues.add(new ImportIssue(docId, null, AnnotateReasons.MISSING_ANNOTATION, "the task has no completed annotation",
            where, Json.write(task)));
      }
    }
  }

  private static String annotator(JsonNode by) {
    if (by == null || by.isNull()) return "unknown";
    if (by.isObject()) {
      for (String k : List.of("email", "username", "id")) {
        if (by.hasNonNull(k)) return by.get(k).asText();
      }
      return by.toString();
    }
    return by.asText();
  }

  private static void readResult(JsonNode result, String docId, String annotator, String text, String where, AnnotateConfig c,
      List<Annotation> annotations, List<ImportIssue> issues, String payload) {
    List<String> choices = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    if (result != null && result.isArray()) {
      for (JsonNode r : result) {
        if (!c.fromName().equals(Json.text(r, "from_name"))) continue;
        JsonNode v = r.path("value");
        if (c.task().singleLabel()) {
          v.path("choices").forEach(x -> choices.add(x.asText()));
        } else {
          JsonNode labels = v.path("labels");
          if (!v.has("start") || !v.has("end") || !labels.isArray() || labels.size() != 1) {
            issues.add(new ImportIssue(docId, annotator, AnnotateReasons.BAD_SPAN,
                "a span needs value.start, value.end and one value.labels entry", where, payload));
            return;
          }
          spans.add(new Span(v.get("start").asInt(), v.get("end").asInt(), labels.get(0).asText()));
        }
      }
    }
    Validation.accept(new Annotation(docId, annotator, choices.size() == 1 ? choices.get(0) : null, spans, where),
        choices.size(), text, c, annotations, issues, payload);
  }
}
