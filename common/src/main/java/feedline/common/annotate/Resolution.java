package feedline.common.annotate;

import java.util.List;
import java.util.Map;

/**
 * The outcome for one item: resolved (label or spans with the agreement share) or sent to review.
 *
 * @param votes label -> number of annotators (for NER: "start:end:label" -> annotators)
 */
public record Resolution(String docId, boolean resolved, String label, List<Span> spans, int annotators, double agreement,
    String reviewReason, Map<String, Integer> votes, List<Annotation> annotations) {}
