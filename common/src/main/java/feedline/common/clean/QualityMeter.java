package feedline.common.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the quality signals the Gopher rules (Rae et al. 2021, MassiveText) are written on.
 * Units are words (whitespace-delimited) in space-delimited text; in CJK text each CJK character
 * is a unit and every run of other characters is one more, and the n-gram signals use n-grams of
 * characters {@code cjkNgramScale} times longer than the word n-grams (a Chinese word is about
 * two characters). Signals are computed on at most {@code maxUnits} units.
 */
public final class QualityMeter {
  public static final String CHARS = "chars";
  public static final String UNITS = "units";
  public static final String SYMBOL_RATIO = "symbol_ratio";
  public static final String DIGIT_RATIO = "digit_ratio";
  public static final String ALPHA_FRACTION = "alpha_fraction";
  public static final String MEAN_WORD_LENGTH = "mean_word_length";
  public static final String LINES = "lines";
  public static final String LINE_PUNCT_FRACTION = "line_punct_fraction";
  public static final String BULLET_LINE_FRACTION = "bullet_line_fraction";
  public static final String ELLIPSIS_LINE_FRACTION = "ellipsis_line_fraction";
  public static final String DUP_LINE_FRACTION = "dup_line_fraction";
  public static final String DUP_LINE_CHAR_FRACTION = "dup_line_char_fraction";
  public static final String DUP_PARA_FRACTION = "dup_para_fraction";
  public static final String DUP_PARA_CHAR_FRACTION = "dup_para_char_fraction";
  public static final String GARBAGE_RATIO = "garbage_ratio";
  public static final String BAD_WORDS = "bad_words";

  static final String TERMINAL = ".!?\"'”’。！？」』";

  private QualityMeter() {}

  /** The key of the top n-gram signal for word n-gram size {@code n}. */
  public static String topNgram(int n) {
    return "top_" + n + "gram_fraction";
  }

  public static String dupNgram(int n) {
    return "dup_" + n + "gram_fraction";
  }

  /** Share of characters that are U+FFFD, private use, unassigned, lone surrogates or control characters (not tab/newline/CR). */
  public static double garbageRatio(String s, int limit) {
    int n = Math.min(s.length(), limit);
    if (n == 0) return 0;
    int bad = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      int t = Character.getType(c);
      if (c == '\uFFFD' || t == Character.PRIVATE_USE || t == Character.UNASSIGNED
          || (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
        bad++;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = s.codePointAt(i);
          int ct = Character.getType(cp);
          if (ct == Character.PRIVATE_USE || ct == Character.UNASSIGNED) bad += 2;
          i++;
        } else {
          bad++;
        }
      } else if (Character.isLowSurrogate(c)) {
        bad++;
      }
    }
    return bad / (double) n;
  }

  public static Map<String, Double> measure(String text, Scripts.Counts counts, List<Integer> topNs, List<Integer> dupNs,
      int cjkNgramScale, int maxUnits) {
    Map<String, Double> m = new LinkedHashMap<>();
    boolean cjk = counts.shape() == Scripts.Shape.CJK;
    List<String> units = units(text, cjk, maxUnits);
    int hashes = 0;
    int ellipses = 0;
    int symbols = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isLetterOrDigit(cp)) continue;
      if (cp == '#') hashes++;
      else if (cp == '…') ellipses++;
      else {
        int t = Character.getType(cp);
        if (t == Character.MATH_SYMBOL || t == Character.OTHER_SYMBOL || t == Character.CURRENCY_SYMBOL) symbols++;
      }
    }
    ellipses += count(text, "...");
    int u = Math.max(units.size(), 1);
    int numericUnits = 0;
    for (String w : units) if (numeric(w)) numericUnits++;
    m.put(CHARS, (double) text.length());
    m.put(UNITS, (double) units.size());
    m.put(SYMBOL_RATIO, round((hashes + ellipses + symbols) / (double) u));
    m.put(DIGIT_RATIO, round(numericUnits / (double) u));
    int alphaUnits = 0;
    long unitChars = 0;
    for (String w : units) {
      unitChars += w.length();
      for (int i = 0; i < w.length(); i++) {
        if (Character.isLetter(w.charAt(i))) {
          alphaUnits++;
          break;
        }
      }
    }
    m.put(ALPHA_FRACTION, round(alphaUnits / (double) u));
    if (!cjk) m.put(MEAN_WORD_LENGTH, round(unitChars / (double) u));
    lines(text, m);
    paragraphs(text, m);
    int scale = cjk ? cjkNgramScale : 1;
    ngrams(units, topNs, dupNs, scale, m);
    return m;
  }

  /** A unit whose letters and digits are mostly digits (a number, a phone number, an id). */
  static boolean numeric(String w) {
    int d = 0;
    int l = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isDigit(c)) d++;
      else if (Character.isLetter(c)) l++;
    }
    return d > 0 && d >= l;
  }

  /** Words, or in CJK text single CJK characters and runs of other non-space characters. */
  static List<String> units(String text, boolean cjk, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length() && out.size() < max; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
      } else if (cjk && Scripts.isCjk(cp)) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        out.add(new String(Character.toChars(cp)));
      } else {
        cur.appendCodePoint(cp);
      }
    }
    if (cur.length() > 0 && out.size() < max) out.add(cur.toString());
    return out;
  }

  private static void lines(String text, Map<String, Double> m) {
    List<String> lines = new ArrayList<>();
    for (String l : text.split("\n")) {
      String t = l.strip();
      if (!t.isEmpty()) lines.add(t);
    }
    int n = lines.size();
    m.put(LINES, (double) n);
    if (n == 0) return;
    int punct = 0;
    int bullets = 0;
    int ellipsis = 0;
    for (String l : lines) {
      char last = l.charAt(l.length() - 1);
      if (TERMINAL.indexOf(last) >= 0) punct++;
      if (l.endsWith("...") || last == '…') ellipsis++;
      char first = l.charAt(0);
      if ("•●◦▪‣·■□➢►-*–".indexOf(first) >= 0) bullets++;
    }
    m.put(LINE_PUNCT_FRACTION, round(punct / (double) n));
    m.put(BULLET_LINE_FRACTION, round(bullets / (double) n));
    m.put(ELLIPSIS_LINE_FRACTION, round(ellipsis / (double) n));
    double[] dup = duplicates(lines);
    m.put(DUP_LINE_FRACTION, dup[0]);
    m.put(DUP_LINE_CHAR_FRACTION, dup[1]);
  }

  private static void paragraphs(String text, Map<String, Double> m) {
    List<String> paras = new ArrayList<>();
    for (String p : text.split("\n\\s*\n")) {
      String t = p.strip();
      if (!t.isEmpty()) paras.add(t);
    }
    double[] dup = duplicates(paras);
    m.put(DUP_PARA_FRACTION, dup[0]);
    m.put(DUP_PARA_CHAR_FRACTION, dup[1]);
  }

  /** Fraction of items that repeat an earlier item, and the fraction of characters in them. */
  private static double[] duplicates(List<String> items) {
    if (items.isEmpty()) return new double[] {0, 0};
    Set<String> seen = new HashSet<>();
    int dups = 0;
    long dupChars = 0;
    long chars = 0;
    for (String s : items) {
      chars += s.length();
      if (!seen.add(s)) {
        dups++;
        dupChars += s.length();
      }
    }
    return new double[] {round(dups / (double) items.size()), round(chars == 0 ? 0 : dupChars / (double) chars)};
  }

  private static void ngrams(List<String> units, List<Integer> topNs, List<Integer> dupNs, int scale, Map<String, Double> m) {
    int n = units.size();
    long[] h = new long[n];
    int[] len = new int[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      h[i] = mix(units.get(i).hashCode());
      len[i] = units.get(i).length();
      total += len[i];
    }
    long[] charPrefix = new long[n + 1];
    for (int i = 0; i < n; i++) charPrefix[i + 1] = charPrefix[i] + len[i];
    for (int wn : topNs) {
      int k = wn * scale;
      double frac = 0;
      if (n >= k && total > 0) {
        Map<Long, int[]> counts = new HashMap<>();
        long bestChars = 0;
        for (int i = 0; i + k <= n; i++) {
          int[] c = counts.computeIfAbsent(gram(h, i, k), x -> new int[1]);
          c[0]++;
          long chars = (long) c[0] * (charPrefix[i + k] - charPrefix[i]);
          if (c[0] > 1 && chars > bestChars) bestChars = chars;
        }
        frac = Math.min(1.0, bestChars / (double) total);
      }
      m.put(topNgram(wn), round(frac));
    }
    for (int wn : dupNs) {
      int k = wn * scale;
      double frac = 0;
      if (n >= k && total > 0) {
        Map<Long, Integer> first = new HashMap<>();
        boolean[] dup = new boolean[n];
        for (int i = 0; i + k <= n; i++) {
          Integer prev = first.putIfAbsent(gram(h, i, k), i);
          if (prev != null) {
            for (int j = 0; j < k; j++) {
              dup[i + j] = true;
              dup[prev + j] = true;
            }
          }
        }
        long dupChars = 0;
        for (int i = 0; i < n; i++) if (dup[i]) dupChars += len[i];
        frac = dupChars / (double) total;
      }
      m.put(dupNgram(wn), round(frac));
    }
  }

  private static long gram(long[] h, int i, int k) {
    long g = 0x9E3779B97F4A7C15L;
    for (int j = 0; j < k; j++) g = g * 0x100000001B3L + h[i + j];
    return mix(g ^ k);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private static int count(String s, String what) {
    int c = 0;
    int i = 0;
    while ((i = s.indexOf(what, i)) >= 0) {
      c++;
      i += what.length();
    }
    return c;
  }

  static double round(double d) {
    return Math.round(d * 10000.0) / 10000.0;
  }
}
