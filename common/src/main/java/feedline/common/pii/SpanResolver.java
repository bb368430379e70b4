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
    // a lower-scored candidate of the same type that reaches past a kept span widens it, so no part of
    // the value stays in clear (a name cut one character short by one recognizer, whole in another)
    for (Span s : sorted) {
      if (kept.contains(s)) continue;
      for (int i = 0; i < kept.size(); i++) {
        Span k = kept.get(i);
        if (k.type() != s.type() || !k.overlaps(s) || (s.start() >= k.start() && s.end() <= k.end())) continue;
        Span wide = new Span(Math.min(k.start(), s.start()), Math.max(k.end(), s.end()), k.type(), k.score(), k.recognizer());
        boolean clash = false;
        for (int j = 0; j < kept.size(); j++) {
          if (j != i && kept.get(j).overlaps(wide)) clash = true;
        }
        if (!clash) kept.set(i, wide);
        break;
      }
    }
    kept.sort(Comparator.comparingInt(Span::start));
    return kept;
  }
}
