package feedline.common.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an import produced: resolutions (resolved or for review), quarantined records and the
 * agreement. Accounting: every export record is either an annotation used for resolution or a
 * quarantined issue.
 */
public record ImportResult(AnnotateConfig config, Map<String, AnnotationItem> items, List<Resolution> resolutions,
    List<ImportIssue> issues, Agreement agreement, int annotationsUsed, String runId) {

  public List<Resolution> resolved() {
    return resolutions.stream().filter(Resolution::resolved).toList();
  }

  public List<Resolution> review() {
    return resolutions.stream().filter(r -> !r.resolved()).toList();
  }

  /** Training rows for the next build: the item's text with its resolved label or spans. */
  public List<Map<String, Object>> trainingRows() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Resolution r : resolved()) {
      AnnotationItem it = items.get(r.docId());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("doc_id", r.docId() + ":human");
      m.put("parent_id", r.docId());
      m.put("method", "human_label");
      m.put("source", it.source() == null ? "annotate" : it.source());
      m.put("task", config.task().id());
      m.put("text", it.text());
      if (config.task().singleLabel()) m.put(config.labelField(), r.label());
      else m.put("spans", spans(r.spans()));
      m.put("annotators", r.annotators());
      m.put("agreement", r.agreement());
      m.put("run_id", runId);
      out.add(m);
    }
    return out;
  }

  public List<Map<String, Object>> reviewRows() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Resolution r : review()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("doc_id", r.docId());
      m.put("task", config.task().id());
      m.put("reason", r.reviewReason());
      m.put("text", items.get(r.docId()).text());
      m.put("votes", r.votes());
      List<Map<String, Object>> anns = new ArrayList<>();
      for (Annotation a : r.annotations()) {
        Map<String, Object> am = new LinkedHashMap<>();
        am.put("annotator", a.annotator());
        if (config.task().singleLabel()) am.put("label", a.label());
        else am.put("spans", spans(a.spans()));
        am.put("source", a.source());
        anns.add(am);
      }
      m.put("annotations", anns);
      m.put("run_id", runId);
      out.add(m);
    }
    return out;
  }

  /** Rows in the shape of the quarantine table (stage, source_uri, doc_id, record_key, reason, detail, payload, run_id). */
  public List<Map<String, Object>> quarantineRows() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ImportIssue i : issues) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stage", AnnotateCommand.STAGE);
      m.put("source_uri", i.source());
      m.put("doc_id", i.docId());
      m.put("record_key", i.annotator());
      m.put("reason", i.reason());
      m.put("detail", i.detail());
      m.put("payload", i.payload());
      m.put("run_id", runId);
      out.add(m);
    }
    return out;
  }

  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", config.task().id());
    m.put("items", items.size());
    m.put("items_annotated", resolutions.size());
    m.put("annotations", annotationsUsed);
    m.put("resolved", resolved().size());
    m.put("review", review().size());
    m.put("quarantined", issues.size());
    return m;
  }

  public Map<String, Object> report() {
    Map<String, Object> m = summary();
    TreeSet<String> annotators = new TreeSet<>();
    resolutions.forEach(r -> r.annotations().forEach(a -> annotators.add(a.annotator())));
    m.put("annotators", annotators);
    m.put("labels", config.labels());
    Map<String, Long> byReason = new TreeMap<>();
    issues.forEach(i -> byReason.merge(i.reason(), 1L, Long::sum));
    m.put("quarantined_by_reason", byReason);
    Map<String, Long> reviewBy = new TreeMap<>();
    review().forEach(r -> reviewBy.merge(r.reviewReason(), 1L, Long::sum));
    m.put("review_by_reason", reviewBy);
    Map<String, Long> labelCounts = new TreeMap<>();
    for (Resolution r : resolved()) {
      if (r.label() != null) labelCounts.merge(r.label(), 1L, Long::sum);
      r.spans().forEach(s -> labelCounts.merge(s.label(), 1L, Long::sum));
    }
    m.put("resolved_label_counts", labelCounts);
    Map<String, Object> agree = new LinkedHashMap<>();
    agree.put("unit", config.task().singleLabel() ? "item" : "token");
    agree.put("rated_items", agreement.ratedItems());
    agree.put("fleiss_kappa", agreement.fleiss());
    agree.put("fleiss_kappa_per_label", agreement.fleissPerLabel());
    Map<String, Object> pairs = new LinkedHashMap<>();
    agreement.cohenPairs().forEach((k, v) -> {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("units", v.items());
      p.put("cohen_kappa", v.kappa());
      pairs.put(k, p);
    });
    agree.put("cohen_kappa_pairs", pairs);
    m.put("agreement", agree);
    m.put("run_id", runId);
    return m;
  }

  public String markdown() {
    StringBuilder b = new StringBuilder();
    Map<String, Object> s = summary();
    b.append("# Annotation import (").append(config.task().id()).append(")\n\n");
    b.append("| items | annotated | annotations | resolved | review | quarantined |\n|---|---|---|---|---|---|\n");
    b.append("| ").append(s.get("items")).append(" | ").append(s.get("items_annotated")).append(" | ").append(s.get("annotations"))
        .append(" | ").append(s.get("resolved")).append(" | ").append(s.get("review")).append(" | ").append(s.get("quarantined")).append(" |\n\n");
    b.append("## Agreement (unit: ").append(config.task().singleLabel() ? "item" : "token").append(")\n\n");
    b.append("Fleiss' kappa over ").append(agreement.ratedItems()).append(" items: ").append(fmt(agreement.fleiss())).append("\n\n");
    b.append("| label | Fleiss' kappa |\n|---|---|\n");
    agreement.fleissPerLabel().forEach((l, k) -> b.append("| ").append(l).append(" | ").append(fmt(k)).append(" |\n"));
    b.append("\n| annotator pair | units | Cohen's kappa |\n|---|---|---|\n");
    agreement.cohenPairs().forEach((p, k) -> b.append("| ").append(p).append(" | ").append(k.items()).append(" | ").append(fmt(k.kappa())).append(" |\n"));
    Map<String, Long> byReason = new TreeMap<>();
    issues.forEach(i -> byReason.merge(i.reason(), 1L, Long::sum));
    review().forEach(r -> byReason.merge("review: " + r.reviewReason(), 1L, Long::sum));
    if (!byReason.isEmpty()) {
      b.append("\n| not imported | count |\n|---|---|\n");
      byReason.forEach((r, n) -> b.append("| ").append(r).append(" | ").append(n).append(" |\n"));
    }
    return b.toString();
  }

  private static String fmt(Double v) {
    return v == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", v);
  }

  private static List<Map<String, Object>> spans(List<Span> spans) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Span s : spans) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", s.start());
      m.put("end", s.end());
      m.put("label", s.label());
      out.add(m);
    }
    return out;
  }

  public void write(Path output, Path review, Path quarantine, Path report) {
    TableFiles.writeJsonl(output, trainingRows());
    TableFiles.writeJsonl(review, reviewRows());
    TableFiles.writeJsonl(quarantine, quarantineRows());
    TableFiles.writeString(report, Json.pretty(report()) + "\n");
    TableFiles.writeString(Path.of(AnnotateCommand.sibling(report, "md", "")), markdown());
  }
}
