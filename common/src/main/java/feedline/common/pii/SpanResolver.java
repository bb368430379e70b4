package feedline.common.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Resolves overlapping candidates: higher score first, then the longer span, then the earlier one. */
public final class SpanResolver {
  private SpanResolver() {}

  public static List<Span> resolve(List<Span> candidates) {
    List<Span> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingDouble(Span::score).reversed()
        .thenComparing(Comparator.comparingInt(Span::length).reversed())
        .thenComparingInt(Span::start));
    List<Span> kept = new ArrayList<>();
    for (Span s : sorted) {
      boolean clash = false;
      for (Span k : kept) {
        if (k.overlaps(s)) {
          clash = true;
          break;
        }
      }
      if (!clash) kept.add(s);
    }
    kept.sort(Comparator.comparingInt(Span::start));
    return kept;
  }
}
