package feedline.common.metrics;

/** Precision, recall and F1 of one class, with its support (gold count) and predicted count. */
public record ClassScores(String label, double precision, double recall, double f1, long support, long predicted) {}
