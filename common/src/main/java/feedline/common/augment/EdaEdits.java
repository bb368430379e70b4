package feedline.common.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * EDA-style edits (Wei and Zou, 2019) beyond synonym replacement: random swap of two words inside
 * a sentence, random deletion and random insertion of a synonym of a nearby word, on about
 * {@code alpha} of the words (at least one edit). Protected spans, stop words and names are never
 * deleted or moved; texts that read as ordered steps are left alone. Only for order-free fields.
 */
public final class EdaEdits implements Augmenter {
  public static final String METHOD = "eda";

  private final ProtectedSpans protect;
  private final double alpha;
  private final WordNetSynonyms english;
  private final HanlpSynonyms chinese;

  public EdaEdits(ProtectedSpans protect, double alpha, WordNetSynonyms english, HanlpSynonyms chinese) {
    if (alpha <= 0 || alpha > 0.5) throw new IllegalArgumentException("EDA alpha must be in (0, 0.5]: " + alpha);
    this.protect = protect;
    this.alpha = alpha;
    this.english = english;
    this.chinese = chinese;
  }

  @Override
  public String method() {
    return METHOD;
  }

  /** A pending change: replace {@code [start, end)} of the original text with {@code text}. */
  private record Change(int start, int end, String text) {}

  @Override
  public Edit apply(String text, Lang lang, Random random) {
    if (lang == Lang.OTHER || SentenceShuffle.hasSteps(text)) return null;
    List<ProtectedSpans.Span> spans = protect.find(text, lang);
    List<Words.Word> words = Words.of(text, lang, spans);
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) if (words.get(i).free()) free.add(i);
    if (free.isEmpty()) return null;
    int edits = Math.max(1, (int) Math.round(alpha * words.size()));
    List<Change> changes = new ArrayList<>();
    boolean[] used = new boolean[words.size()];
    List<String> notes = new ArrayList<>();
    for (int e = 0; e < edits * 3 && notes.size() < edits; e++) {
      int op = random.nextInt(3);
      int i = free.get(random.nextInt(free.size()));
      if (used[i]) continue;
      Words.Word w = words.get(i);
      if (op == 0) {
        Integer j = partner(words, i, used, text);
        if (j == null) continue;
        Words.Word v = words.get(j);
        changes.add(new Change(w.start(), w.end(), Words.matchCase(w.text(), lower(v.text(), lang))));
        changes.add(new Change(v.start(), v.end(), Words.matchCase(v.text(), lower(w.text(), lang))));
        used[i] = true;
        used[j] = true;
        notes.add("swap:" + w.text() + "<>" + v.text());
      } else if (op == 1) {
        if (free.size() < 3) continue;
        int end = w.end();
        int start = w.start();
        if (lang != Lang.ZH) {
          if (end < text.length() && text.charAt(end) == ' ') end++;
          else if (start > 0 && text.charAt(start - 1) == ' ') start--;
        }
        if (Character.isUpperCase(w.text().charAt(0))) continue;
        changes.add(new Change(start, end, ""));
        used[i] = true;
        notes.add("delete:" + w.text());
      } else {
        List<String> syn = lang == Lang.ZH ? chinese.synonyms(w.text(), w.nature()) : english.synonyms(w.text());
        if (syn.isEmpty()) continue;
        String ins = syn.get(random.nextInt(syn.size()));
        changes.add(new Change(w.end(), w.end(), lang == Lang.ZH ? ins : " " + ins));
        used[i] = true;
        notes.add("insert:" + ins);
      }
    }
    if (changes.isEmpty()) return null;
    changes.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (Change c : changes) {
      if (c.start() < at) continue;
      sb.append(text, at, c.start()).append(c.text());
      at = c.end();
    }
    sb.append(text.substring(at));
    String out = sb.toString();
    return out.equals(text) ? null : new Edit(out, String.join(",", notes));
  }

  private static String lower(String w, Lang lang) {
    return lang == Lang.ZH ? w : w.toLowerCase(java.util.Locale.ROOT);
  }

  /** Another free, unused word of the same sentence (no sentence end between them), or null. */
  private static Integer partner(List<Words.Word> words, int i, boolean[] used, String text) {
    for (int d = 1; d <= 4; d++) {
      for (int j : new int[] {i + d, i - d}) {
        if (j < 0 || j >= words.size() || used[j] || !words.get(j).free()) continue;
        int a = Math.min(words.get(i).start(), words.get(j).start());
        int b = Math.max(words.get(i).end(), words.get(j).end());
        String between = text.substring(a, b);
        if (between.matches("(?s).*[.!?。！？；\\n].*")) continue;
        return j;
      }
    }
    return null;
  }
}
