package feedline.common.annotate;

/** One row of {@code to_annotate} as the annotate command needs it. */
public record AnnotationItem(String docId, String text, String source, String predictedLabel, Double uncertainty) {}
