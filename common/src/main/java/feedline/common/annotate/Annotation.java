package feedline.common.annotate;

import java.util.List;

/**
 * One annotator's answer for one item, as read from a tool's export.
 *
 * @param docId the item (the {@code to_annotate} row's doc_id)
 * @param annotator who answered (Label Studio's completed_by, Doccano's user or file name)
 * @param label the chosen label for classification and intent, else null
 * @param spans the marked spans for NER (empty otherwise)
 * @param source the export file and record it came from
 */
public record Annotation(String docId, String annotator, String label, List<Span> spans, String source) {
  public Annotation {
    spans = spans == null ? List.of() : List.copyOf(spans);
  }
}
