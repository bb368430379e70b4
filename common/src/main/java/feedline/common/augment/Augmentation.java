package feedline.common.augment;

import feedline.common.augment.translate.BackTranslation;
import feedline.common.model.Reasons;
import feedline.common.text.Hashing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Derives the variants of a batch of texts: every local augmenter ({@code variants} times each,
 * order-changing ones only on order-free fields) and back-translation through every pivot, each
 * candidate scored by the {@link ConsistencyCheck}. Deterministic: each variant's random source is
 * seeded from (seed, key, field, method, index), so a re-run gives the same variants.
 */
public final class Augmentation {
  /** Skip reasons: texts no augmenter is run on. */
  public static final String SKIP_EMPTY = "empty";
  public static final String SKIP_PLACEHOLDERS = "placeholders_only";
  public static final String SKIP_LANGUAGE = "unsupported_language";

  /** One text to augment: the row's key, the field it came from, its language, and whether its order is free. */
  public record Item(String key, String field, String text, Lang lang, boolean orderFree) {}

  /**
   * One derived text: kept when {@code reason} is null; else the drop reason ({@code too_similar},
   * {@code drifted}, {@code placeholder_lost}, {@code translator_error}) and detail.
   */
  public record Candidate(String method, int index, String text, String note, String reason, String detail,
      double similarity, double lengthRatio) {
    public boolean kept() {
      return reason == null;
    }
  }

  /** What became of one item: its candidates, or the rule that skipped it. */
  public record Outcome(List<Candidate> candidates, String skipped) {}

  private final List<Augmenter> local;
  private final Set<String> orderChanging;
  private final Map<String, Integer> variants;
  private final BackTranslation backTranslation;
  private final ConsistencyCheck check;
  private final long seed;
  private final Map<String, Double> fractions;

  /**
   * @param orderChanging methods that reorder or drop words (only for order-free fields)
   * @param variants variants per local method
   * @param backTranslation null to skip back-translation
   */
  public Augmentation(List<Augmenter> local, Set<String> orderChanging, Map<String, Integer> variants,
      BackTranslation backTranslation, ConsistencyCheck check, long seed) {
    this(local, orderChanging, variants, backTranslation, check, seed, Map.of());
  }

  /**
   * @param fractions per method, the share of the items it is run on (missing methods: all), drawn
   *     deterministically from (seed, key, field, method); e.g. back-translation on a small sample only
   */
  public Augmentation(List<Augmenter> local, Set<String> orderChanging, Map<String, Integer> variants,
      BackTranslation backTranslation, ConsistencyCheck check, long seed, Map<String, Double> fractions) {
    this.fractions = Map.copyOf(fractions);
    this.local = List.copyOf(local);
    this.orderChanging = Set.copyOf(orderChanging);
    this.variants = Map.copyOf(variants);
    this.backTranslation = backTranslation;
    this.check = check;
    this.seed = seed;
  }

  public List<Outcome> run(List<Item> items, List<BackTranslation.Timing> timings) {
    List<Outcome> out = new ArrayList<>();
    List<List<Candidate>> cands = new ArrayList<>();
    List<BackTranslation.Request> requests = new ArrayList<>();
    List<Integer> requestItem = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      String skip = skipOf(it);
      out.add(new Outcome(new ArrayList<>(), skip));
      cands.add(out.get(i).candidates());
      if (skip != null) continue;
      for (Augmenter a : local) {
        if (orderChanging.contains(a.method()) && !it.orderFree()) continue;
        if (!takes(it, a.method())) continue;
        Set<String> seen = new HashSet<>();
        int n = variants.getOrDefault(a.method(), 1);
        for (int k = 0; k < n; k++) {
          Edit e = a.apply(it.text(), it.lang(), random(it, a.method(), k));
          if (e == null) break;
          cands.get(i).add(score(a.method(), k, it.text(), e.text(), e.note(), !seen.add(e.text())));
        }
      }
      if (backTranslation != null && !backTranslation.pivotsOf(it.lang()).isEmpty() && takes(it, BackTranslation.METHOD)) {
        requests.add(new BackTranslation.Request(it.text(), it.lang()));
        requestItem.add(i);
      }
    }
    if (!requests.isEmpty()) {
      List<List<BackTranslation.Result>> bt = backTranslation.run(requests, timings);
      for (int r = 0; r < requests.size(); r++) {
        int i = requestItem.get(r);
        int k = 0;
        for (BackTranslation.Result res : bt.get(r)) {
          String note = "pivot=" + res.pivot();
          if (!res.isOk()) {
            cands.get(i).add(new Candidate(BackTranslation.METHOD, k, null, note, Reasons.TRANSLATOR_ERROR, res.error(), 0, 0));
          } else {
            cands.get(i).add(score(BackTranslation.METHOD, k, items.get(i).text(), res.text(), note, false));
          }
          k++;
        }
      }
    }
    return out;
  }

  /** Why an item is skipped by rule, or null. */
  public static String skipOf(Item it) {
    if (it.text() == null || it.text().isBlank()) return SKIP_EMPTY;
    if (ProtectedSpans.onlyPlaceholders(it.text())) return SKIP_PLACEHOLDERS;
    if (it.lang() == Lang.OTHER) return SKIP_LANGUAGE;
    return null;
  }

  private Candidate score(String method, int k, String parent, String variant, String note, boolean duplicate) {
    ConsistencyCheck.Verdict v = check.check(method, parent, variant);
    if (duplicate && v.kept()) {
      return new Candidate(method, k, variant, note, Reasons.TOO_SIMILAR, "same as an earlier " + method + " variant",
          v.similarity(), v.lengthRatio());
    }
    return new Candidate(method, k, variant, note, v.reason(), v.detail(), v.similarity(), v.lengthRatio());
  }

  /** Whether {@code method} runs on this item under its fraction: a uniform draw from (seed, key, field, method). */
  boolean takes(Item it, String method) {
    Double share = fractions.get(method);
    if (share == null || share >= 1) return true;
    if (share <= 0) return false;
    String h = Hashing.sha256(seed + "\u0000fraction\u0000" + it.key() + "\u0000" + it.field() + "\u0000" + method);
    return Long.parseUnsignedLong(h.substring(0, 13), 16) / (double) (1L << 52) < share;
  }

  private Random random(Item it, String method, int k) {
    String h = Hashing.sha256(seed + "\u0000" + it.key() + "\u0000" + it.field() + "\u0000" + method + "\u0000" + k);
    return new Random(Long.parseUnsignedLong(h.substring(0, 16), 16));
  }
}
