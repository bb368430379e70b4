package feedline.common.annotate;

import feedline.common.metrics.Kappa;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inter-annotator agreement of one import. Single-label tasks rate each item; NER rates each token
 * of the text (runs of letters and digits, each Han/kana/Hangul character alone) with the label of
 * the span covering it, or {@code O}. Fleiss' kappa over every item with two or more ratings,
 * Fleiss' kappa per label, and Cohen's kappa for each annotator pair over the items both rated.
 */
public record Agreement(int ratedItems, Double fleiss, Map<String, Double> fleissPerLabel, Map<String, PairKappa> cohenPairs) {

  /** Cohen's kappa of two annotators over their shared items (null when undefined). */
  public record PairKappa(int items, Double kappa) {}

  public static final String OUTSIDE = "O";

  public static Agreement of(AnnotateConfig c, Map<String, List<Annotation>> byItem, Map<String, AnnotationItem> items) {
    List<String> cats = new ArrayList<>(c.labels());
    if (!c.task().singleLabel()) cats.add(OUTSIDE);
    // unit (item or token) -> annotator -> category
    List<Map<String, String>> units = new ArrayList<>();
    for (Map.Entry<String, List<Annotation>> e : byItem.entrySet()) {
      if (c.task().singleLabel()) {
        Map<String, String> u = new TreeMap<>();
        e.getValue().forEach(a -> u.put(a.annotator(), a.label()));
        units.add(u);
      } else {
        List<int[]> toks = tokens(items.get(e.getKey()).text());
        for (int[] t : toks) {
          Map<String, String> u = new TreeMap<>();
          for (Annotation a : e.getValue()) u.put(a.annotator(), labelAt(a.spans(), t[0]));
          units.add(u);
        }
      }
    }
    List<long[]> rows = new ArrayList<>();
    for (Map<String, String> u : units) {
      if (u.size() < 2) continue;
      long[] row = new long[cats.size()];
      u.values().forEach(v -> row[cats.indexOf(v)]++);
      rows.add(row);
    }
    long[][] counts = rows.toArray(long[][]::new);
    int rated = c.task().singleLabel() ? rows.size()
        : (int) byItem.values().stream().filter(l -> l.size() >= 2).count();
    Double fleiss = counts.length == 0 ? null : nan(Kappa.fleiss(counts));
    Map<String, Double> per = new LinkedHashMap<>();
    double[] pc = counts.length == 0 ? new double[cats.size()] : Kappa.fleissPerCategory(counts);
    for (int j = 0; j < cats.size(); j++) per.put(cats.get(j), counts.length == 0 ? null : nan(pc[j]));
    TreeSet<String> annotators = new TreeSet<>();
    units.forEach(u -> annotators.addAll(u.keySet()));
    Map<String, PairKappa> pairs = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(annotators);
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (Map<String, String> u : units) {
          if (u.containsKey(names.get(i)) && u.containsKey(names.get(j))) {
            a.add(u.get(names.get(i)));
            b.add(u.get(names.get(j)));
          }
        }
        if (!a.isEmpty()) pairs.put(names.get(i) + " & " + names.get(j), new PairKappa(a.size(), nan(Kappa.cohen(a, b))));
      }
    }
    return new Agreement(rated, fleiss, per, pairs);
  }

  private static Double nan(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static String labelAt(List<Span> spans, int pos) {
    for (Span s : spans) {
      if (pos >= s.start() && pos < s.end()) return s.label();
    }
    return OUTSIDE;
  }

  /** Token [start, end) offsets in UTF-16 units, matching span offsets. */
  static List<int[]> tokens(String text) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      int len = Character.charCount(c);
      if (single(c)) {
        out.add(new int[] {i, i + len});
        i += len;
      } else if (Character.isLetterOrDigit(c)) {
        int start = i;
        while (i < text.length()) {
          int d = text.codePointAt(i);
          if (!Character.isLetterOrDigit(d) || single(d)) break;
          i += Character.charCount(d);
        }
        out.add(new int[] {start, i});
      } else {
        i += len;
      }
    }
    return out;
  }

  private static boolean single(int c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.HANGUL || s == Character.UnicodeScript.THAI;
  }
}
