package feedline.common.pii;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision, recall and F1 per type on a labeled set, and the leak rate: the share of gold values
 * still present verbatim in the redacted text. A prediction is a true positive when its type and
 * both offsets equal a gold span's (exact match); {@code overlap} counts a same-type overlap instead.
 */
public final class PiiEvaluation {
  /** Counts for one type. */
  public record Counts(int tp, int fp, int fn) {
    public double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Counts plus(Counts o) {
      return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
    }
  }

  /** The outcome: exact and overlap counts per type, gold values and the ones that leaked. */
  public record Result(Map<PiiType, Counts> exact, Map<PiiType, Counts> overlap, int docs, int goldValues, int leaked,
      List<String> errors, Map<String, Counts> personExact, Map<String, Counts> personOverlap) {
    public double leakRate() {
      return goldValues == 0 ? 0 : (double) leaked / goldValues;
    }

    public Counts total(Map<PiiType, Counts> m) {
      Counts c = new Counts(0, 0, 0);
      for (Counts x : m.values()) c = c.plus(x);
      return c;
    }
  }

  private PiiEvaluation() {}

  /**
   * Evaluates {@code engine} on {@code docs}. {@code errors} (at most {@code maxErrors}) describe
   * misses and false alarms with line numbers and types only, never the values.
   */
  public static Result run(PiiEngine engine, List<EvalSet.Doc> docs, int maxErrors) {
    Map<PiiType, int[]> exact = new EnumMap<>(PiiType.class);
    Map<PiiType, int[]> overlap = new EnumMap<>(PiiType.class);
    Map<String, int[]> personExact = new java.util.TreeMap<>();
    Map<String, int[]> personOverlap = new java.util.TreeMap<>();
    int goldValues = 0;
    int leaked = 0;
    List<String> errors = new ArrayList<>();
    for (EvalSet.Doc d : docs) {
      Redaction r = engine.process(d.text());
      List<Span> pred = r.spans();
      for (Span g : d.gold()) {
        goldValues++;
        if (r.text().contains(g.valueIn(d.text()))) leaked++;
        boolean hit = pred.stream().anyMatch(p -> p.type() == g.type() && p.start() == g.start() && p.end() == g.end());
        boolean near = pred.stream().anyMatch(p -> p.type() == g.type() && p.overlaps(g));
        counts(exact, g.type())[hit ? 0 : 2]++;
        counts(overlap, g.type())[near ? 0 : 2]++;
        if (g.type() == PiiType.PERSON) {
          personExact.computeIfAbsent(script(g, d.text()), k -> new int[3])[hit ? 0 : 2]++;
          personOverlap.computeIfAbsent(script(g, d.text()), k -> new int[3])[near ? 0 : 2]++;
        }
        if (!hit && errors.size() < maxErrors) {
          errors.add("line " + d.line() + ": missed " + g.type() + " at [" + g.start() + "," + g.end() + ")"
              + (near ? " (boundary differs)" : ""));
        }
      }
      for (Span p : pred) {
        boolean hit = d.gold().stream().anyMatch(g -> p.type() == g.type() && p.start() == g.start() && p.end() == g.end());
        boolean near = d.gold().stream().anyMatch(g -> p.type() == g.type() && p.overlaps(g));
        if (!hit) counts(exact, p.type())[1]++;
        if (!near) counts(overlap, p.type())[1]++;
        if (p.type() == PiiType.PERSON) {
          if (!hit) personExact.computeIfAbsent(script(p, d.text()), k -> new int[3])[1]++;
          if (!near) personOverlap.computeIfAbsent(script(p, d.text()), k -> new int[3])[1]++;
        }
        if (!near && errors.size() < maxErrors) {
          errors.add("line " + d.line() + ": false " + p.type() + " at [" + p.start() + "," + p.end() + ") by " + p.recognizer());
        }
      }
    }
    return new Result(freeze(exact), freeze(overlap), docs.size(), goldValues, leaked, errors, freezeNamed(personExact),
        freezeNamed(personOverlap));
  }

  /** "Chinese" when a name holds a Han character, else "English". */
  static String script(Span s, String text) {
    return ChinesePersonRecognizer.hasHan(s.valueIn(text)) ? "Chinese" : "English";
  }

  private static Map<String, Counts> freezeNamed(Map<String, int[]> m) {
    Map<String, Counts> out = new java.util.TreeMap<>();
    m.forEach((t, c) -> out.put(t, new Counts(c[0], c[1], c[2])));
    return out;
  }

  private static int[] counts(Map<PiiType, int[]> m, PiiType t) {
    return m.computeIfAbsent(t, k -> new int[3]);
  }

  private static Map<PiiType, Counts> freeze(Map<PiiType, int[]> m) {
    Map<PiiType, Counts> out = new EnumMap<>(PiiType.class);
    m.forEach((t, c) -> out.put(t, new Counts(c[0], c[1], c[2])));
    return out;
  }

  /** The result as a Markdown table, one row per type plus the total. */
  public static String table(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append("| type | gold | predicted | precision | recall | F1 | F1 (overlap) |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (PiiType t : PiiType.values()) {
      Counts c = r.exact().get(t);
      if (c == null) continue;
      row(sb, t.name(), c, r.overlap().get(t));
    }
    row(sb, "all", r.total(r.exact()), r.total(r.overlap()));
    r.personExact().forEach((script, c) -> row(sb, "PERSON, " + script, c, r.personOverlap().get(script)));
    sb.append(String.format(Locale.ROOT, "%nleak rate: %.2f%% (%d of %d gold values still verbatim in the redacted text), %d documents%n",
        100 * r.leakRate(), r.leaked(), r.goldValues(), r.docs()));
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, Counts c, Counts o) {
    sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n", name, c.tp() + c.fn(), c.tp() + c.fp(),
        c.precision(), c.recall(), c.f1(), o == null ? 0.0 : o.f1()));
  }
}
