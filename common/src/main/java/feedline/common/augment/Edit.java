package feedline.common.augment;

/** The text an augmenter produced and a short note of what it changed (e.g. {@code swaps=2}). */
public record Edit(String text, String note) {}
