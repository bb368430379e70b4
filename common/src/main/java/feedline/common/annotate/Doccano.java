package feedline.common.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Doccano's formats. Export: JSONL for dataset import, one {@code {"text": ..., "doc_id": ...}} per
 * line (Doccano keeps the other keys as the example's meta and writes them back on export), plus the
 * label types JSON for the project's label import. Import: the JSONL export, one file per annotator
 * when collaborative annotation is off (the annotator is the record's {@code user} / {@code annotator}
 * field, else the file name), with {@code label} as a list of class names (classification, intent) or
 * of {@code [start, end, label]} triples, or {@code entities} with {@code start_offset},
 * {@code end_offset} and {@code label} (sequence labeling).
 */
public final class Doccano {
  private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
      "#7f7f7f", "#bcbd22", "#17becf"};

  private Doccano() {}

  /** Dataset import lines. */
  public static List<Map<String, Object>> examples(List<AnnotationItem> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AnnotationItem it : items) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("text", it.text());
      m.put("doc_id", it.docId());
      if (it.source() != null) m.put("source", it.source());
      if (it.uncertainty() != null) m.put("uncertainty", it.uncertainty());
      out.add(m);
    }
    return out;
  }

  /** The label types import (Doccano's "Labels > Actions > Import Labels"). */
  public static List<Map<String, Object>> labelTypes(AnnotateConfig c) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < c.labels().size(); i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("text", c.labels().get(i));
      m.put("suffix_key", i < 9 ? String.valueOf(i + 1) : null);
      m.put("background_color", COLORS[i % COLORS.length]);
      m.put("text_color", "#ffffff");
      out.add(m);
    }
    return out;
  }

  /** Reads one export line. */
  public static void read(JsonNode rec, String where, String fileAnnotator, AnnotateConfig c, Map<String, AnnotationItem> items,
      List<Annotation> annotations, List<ImportIssue> issues) {
    String payload = Json.write(rec);
    if (!rec.isObject()) {
      issues.add(new ImportIssue(null, null, AnnotateReasons.BAD_EXPORT, "a Doccano JSONL line is an object", where, payload));
      return;
    }
    String docId = Json.text(rec, "doc_id");
    if (docId == null && rec.path("meta").isObject()) docId = Json.text(rec.get("meta"), "doc_id");
    if (docId == null || !items.containsKey(docId)) {
      issues.add(new ImportIssue(docId, null, AnnotateReasons.UNKNOWN_TASK,
          docId == null ? "the example has no doc_id" : "doc_id " + docId + " is not in to_annotate", where, payload));
      return;
    }
    String annotator = Json.text(rec, "user");
    if (annotator == null) annotator = Json.text(rec, "annotator");
    if (annotator == null) annotator = fileAnnotator;
    String text = items.get(docId).text();
    JsonNode label = rec.has("label") ? rec.get("label") : rec.get("labels");
    if (c.task().singleLabel()) {
      List<String> labels = new ArrayList<>();
      if (label != null && label.isArray()) label.forEach(x -> labels.add(x.asText()));
      else if (label != null && label.isTextual()) labels.add(label.asText());
      Validation.accept(new Annotation(docId, annotator, labels.size() == 1 ? labels.get(0) : null, List.of(), where),
          labels.size(), text, c, annotations, issues, payload);
      return;
    }
    List<Span> spans = new ArrayList<>();
    JsonNode entities = rec.get("entities");
    if (entities != null && entities.isArray()) {
      for (JsonNode e : entities) {
        if (!e.has("start_offset") || !e.has("end_offset") || !e.has("label")) {
          issues.add(new ImportIssue(docId, annotator, AnnotateReasons.BAD_SPAN, "an entity needs start_offset, end_offset and label",
              where, payload));
          return;
        }
        spans.add(new Span(e.get("start_offset").asInt(), e.get("end_offset").asInt(), e.get("label").asText()));
      }
    } else if (label != null && label.isArray()) {
      for (JsonNode t : label) {
        if (!t.isArray() || t.size() != 3) {
          issues.add(new ImportIssue(docId, annotator, AnnotateReasons.BAD_SPAN, "a span label is [start, end, label]", where, payload));
          return;
        }
        spans.add(new Span(t.get(0).asInt(), t.get(1).asInt(), t.get(2).asText()));
      }
    }
    boolean answered = (entities != null && entities.isArray()) || (label != null && label.isArray());
    if (!answered) {
      issues.add(new ImportIssue(docId, annotator, AnnotateReasons.MISSING_ANNOTATION, "no label or entities field", where, payload));
      return;
    }
    Validation.accept(new Annotation(docId, annotator, null, spans, where), spans.size(), text, c, annotations, issues, payload);
  }
}
