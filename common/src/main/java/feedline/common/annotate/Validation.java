package feedline.common.annotate;

import java.util.List;

/** Checks one annotator's answer against the config and the item's text. */
final class Validation {
  private Validation() {}

  /** Adds the annotation, or a quarantine issue saying why it cannot be used. */
  static void accept(Annotation a, int labelCount, String text, AnnotateConfig c, List<Annotation> annotations,
      List<ImportIssue> issues, String payload) {
    if (c.task().singleLabel()) {
      if (labelCount == 0) {
        issues.add(new ImportIssue(a.docId(), a.annotator(), AnnotateReasons.MISSING_ANNOTATION,
            "no " + c.task().id() + " label chosen", a.source(), payload));
        return;
      }
      if (labelCount > 1) {
        issues.add(new ImportIssue(a.docId(), a.annotator(), AnnotateReasons.SEVERAL_LABELS,
            labelCount + " labels chosen for a single-label task", a.source(), payload));
        return;
      }
      if (!c.labels().contains(a.label())) {
        issues.add(new ImportIssue(a.docId(), a.annotator(), AnnotateReasons.LABEL_NOT_IN_CONFIG,
            "label '" + a.label() + "' is not one of " + c.labels(), a.source(), payload));
        return;
      }
    } else {
      for (Span s : a.spans()) {
        if (!c.labels().contains(s.label())) {
          issues.add(new ImportIssue(a.docId(), a.annotator(), AnnotateReasons.LABEL_NOT_IN_CONFIG,
              "span label '" + s.label() + "' is not one of " + c.labels(), a.source(), payload));
          return;
        }
        if (s.start() < 0 || s.end() <= s.start() || s.end() > text.length()) {
          issues.add(new ImportIssue(a.docId(), a.annotator(), AnnotateReasons.BAD_SPAN,
              "span [" + s.start() + ", " + s.end() + ") is not inside the text of " + text.length() + " chars", a.source(), payload));
          return;
        }
      }
    }
    annotations.add(a);
  }
}
