package feedline.common.dedup;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * Which copy of a duplicate cluster survives. Every policy is a total order on {@link Candidate}s,
 * expressed as a {@link Rank} (smallest wins): the policy's own key first, then the longer text, then
 * the smaller doc id, so the choice never depends on row order. A missing value (no timestamp, no
 * quality score, a source not in the preferred list) ranks after every present one.
 */
public final class SurvivorPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  public enum Kind {
    /** The longest text. */
    LONGEST,
    /** The earliest timestamp. */
    OLDEST,
    /** The latest timestamp. */
    NEWEST,
    /** The highest quality score. */
    QUALITY,
    /** The first source in the preferred list. */
    SOURCE
  }

  /** What the policy looks at in one row. */
  public record Candidate(String docId, int chars, Long timeMillis, Double quality, String source) {}

  /** Sort key of a candidate; the smallest rank in a cluster survives. */
  public record Rank(double primary, double secondary, String docId) implements Comparable<Rank> {
    public static final Comparator<Rank> ORDER = Comparator.comparingDouble(Rank::primary)
        .thenComparingDouble(Rank::secondary).thenComparing(Rank::docId, Comparator.nullsLast(Comparator.naturalOrder()));

    @Override
    public int compareTo(Rank o) {
      return ORDER.compare(this, o);
    }
  }

  private final Kind kind;
  private final List<String> preferredSources;

  public SurvivorPolicy(Kind kind, List<String> preferredSources) {
    this.kind = kind;
    this.preferredSources = List.copyOf(preferredSources);
  }

  public Kind kind() {
    return kind;
  }

  public Rank rank(Candidate c) {
    double longer = -c.chars();
    switch (kind) {
      case LONGEST:
        return new Rank(longer, 0, c.docId());
      case OLDEST:
        return new Rank(c.timeMillis() == null ? Double.POSITIVE_INFINITY : c.timeMillis(), longer, c.docId());
      case NEWEST:
        return new Rank(c.timeMillis() == null ? Double.POSITIVE_INFINITY : -c.timeMillis(), longer, c.docId());
      case QUALITY:
        return new Rank(c.quality() == null || c.quality().isNaN() ? Double.POSITIVE_INFINITY : -c.quality(), longer, c.docId());
      case SOURCE:
        int i = c.source() == null ? -1 : preferredSources.indexOf(c.source());
        return new Rank(i < 0 ? preferredSources.size() : i, longer, c.docId());
      default:
        throw new IllegalStateException(String.valueOf(kind));
    }
  }

  /** The surviving candidate of a non-empty group. */
  public Candidate survivor(List<Candidate> group) {
    return group.stream().min(Comparator.comparing(this::rank)).orElseThrow();
  }
}
