package feedline.common.augment.translate;

import feedline.common.augment.Lang;
import feedline.common.augment.ProtectedSpans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Back-translation: source language to a pivot language and back, through one {@link Translator},
 * in batches. Protected spans are masked on the way out and restored on the way back. The pivots
 * of each source language come from config ({@code en -> [es]}); a language with no pivot, or a
 * pair the engine cannot do, gives no variant (and no failure).
 */
public final class BackTranslation {
  public static final String METHOD = "back_translation";

  /** One text to back-translate. */
  public record Request(String text, Lang lang) {}

  /** The variant through one pivot, or why there is none. */
  public record Result(String pivot, String text, String error) {
    public boolean isOk() {
      return error == null;
    }
  }

  /** One engine call, for the report: texts sent, answered from cache, failed, and time spent. */
  public record Timing(long calls, long texts, long cached, long failed, long nanos) {}

  private final Translator translator;
  private final Map<String, List<String>> pivots;
  private final ProtectedSpans protect;
  private final boolean maskNumbers;

  public BackTranslation(Translator translator, Map<String, List<String>> pivots, ProtectedSpans protect, boolean maskNumbers) {
    this.translator = translator;
    this.pivots = Map.copyOf(pivots);
    this.protect = protect;
    this.maskNumbers = maskNumbers;
  }

  /** The pivots this engine can do for a language (empty: no back-translation for it). */
  public List<String> pivotsOf(Lang lang) {
    List<String> out = new ArrayList<>();
    for (String p : pivots.getOrDefault(lang.code(), List.of())) {
      if (translator.supports(lang.code(), p) && translator.supports(p, lang.code())) out.add(p);
    }
    return out;
  }

  /**
   * Back-translates every request through every pivot of its language. Answer: per request, one
   * result per pivot (in pivot order). {@code timings} receives one entry per engine call.
   */
  public List<List<Result>> run(List<Request> requests, List<Timing> timings) {
    List<List<Result>> out = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) out.add(new ArrayList<>());
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      Lang lang = requests.get(i).lang();
      for (String p : pivotsOf(lang)) groups.computeIfAbsent(lang.code() + ">" + p, k -> new ArrayList<>()).add(i);
    }
    Map<Integer, Map<String, Result>> byPivot = new LinkedHashMap<>();
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      String from = g.getKey().substring(0, g.getKey().indexOf('>'));
      String pivot = g.getKey().substring(g.getKey().indexOf('>') + 1);
      List<Masking.Masked> masked = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int i : g.getValue()) {
        Masking.Masked m = Masking.mask(requests.get(i).text(), requests.get(i).lang(), protect, maskNumbers);
        masked.add(m);
        texts.add(m.text());
      }
      List<Translation> there = timed(texts, from, pivot, timings);
      List<String> back = new ArrayList<>();
      List<Integer> backIdx = new ArrayList<>();
      for (int k = 0; k < there.size(); k++) {
        if (there.get(k).isOk()) {
          back.add(there.get(k).text());
          backIdx.add(k);
        }
      }
      List<Translation> returned = back.isEmpty() ? List.of() : timed(back, pivot, from, timings);
      Result[] results = new Result[texts.size()];
      for (int k = 0; k < there.size(); k++) {
        if (!there.get(k).isOk()) results[k] = new Result(pivot, null, from + "->" + pivot + ": " + there.get(k).error());
      }
      for (int j = 0; j < backIdx.size(); j++) {
        int k = backIdx.get(j);
        Translation t = returned.get(j);
        results[k] = t.isOk() ? new Result(pivot, masked.get(k).unmask(t.text()), null)
            : new Result(pivot, null, pivot + "->" + from + ": " + t.error());
      }
      for (int k = 0; k < results.length; k++) {
        byPivot.computeIfAbsent(g.getValue().get(k), x -> new LinkedHashMap<>()).put(pivot, results[k]);
      }
    }
    for (Map.Entry<Integer, Map<String, Result>> e : byPivot.entrySet()) out.get(e.getKey()).addAll(e.getValue().values());
    return out;
  }

  private List<Translation> timed(List<String> texts, String from, String to, List<Timing> timings) {
    long t0 = System.nanoTime();
    List<Translation> r;
    try {
      r = translator.translate(texts, from, to);
    } catch (RuntimeException e) {
      r = Translation.allFailed(texts.size(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (r.size() != texts.size()) {
      r = Translation.allFailed(texts.size(), "engine answered " + r.size() + " texts for " + texts.size());
    }
    long nanos = System.nanoTime() - t0;
    if (timings != null) {
      timings.add(new Timing(1, texts.size(), r.stream().filter(Translation::cached).count(),
          r.stream().filter(t -> !t.isOk()).count(), nanos));
    }
    return r;
  }
}
