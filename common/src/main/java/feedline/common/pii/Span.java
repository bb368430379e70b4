package feedline.common.pii;

/**
 * One recognized value: {@code [start, end)} as Java String indices into the original text, its
 * type, a confidence in [0, 1] and the recognizer that found it. A span never holds the value itself,
 * so spans can be logged, reported and stored in audit tables.
 */
public record Span(int start, int end, PiiType type, double score, String recognizer) {
  public Span {
    if (start < 0 || end <= start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    if (type == null) throw new IllegalArgumentException("span without type");
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(Span o) {
    return start < o.end && o.start < end;
  }

  public Span withScore(double s) {
    return new Span(start, end, type, Math.max(0.0, Math.min(1.0, s)), recognizer);
  }

  /** The covered text; for redaction code only, never for logs. */
  public String valueIn(String text) {
    return text.substring(start, end);
  }
}
