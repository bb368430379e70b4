package feedline.common.annotate;

/** A labeled character span {@code [start, end)} of the item's text. */
public record Span(int start, int end, String label) implements Comparable<Span> {
  @Override
  public int compareTo(Span o) {
    int c = Integer.compare(start, o.start);
    if (c != 0) return c;
    c = Integer.compare(end, o.end);
    return c != 0 ? c : label.compareTo(o.label);
  }
}
