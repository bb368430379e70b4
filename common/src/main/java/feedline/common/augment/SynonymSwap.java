package feedline.common.augment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Replaces a share ({@code rate}) of the swappable words with synonyms of the same part of speech:
 * WordNet for English, HanLP's synonym dictionary for Chinese. Protected spans (placeholders,
 * numbers, domain terms, names) and stop words are never touched. At least one word is swapped when
 * any can be; null when none can.
 */
public final class SynonymSwap implements Augmenter {
  public static final String METHOD = "synonym";

  private final ProtectedSpans protect;
  private final double rate;
  private final WordNetSynonyms english;
  private final HanlpSynonyms chinese;

  public SynonymSwap(ProtectedSpans protect, double rate, WordNetSynonyms english, HanlpSynonyms chinese) {
    if (rate <= 0 || rate > 1) throw new IllegalArgumentException("swap rate must be in (0, 1]: " + rate);
    this.protect = protect;
    this.rate = rate;
    this.english = english;
    this.chinese = chinese;
  }

  @Override
  public String method() {
    return METHOD;
  }

  @Override
  public Edit apply(String text, Lang lang, Random random) {
    if (lang == Lang.OTHER) return null;
    List<ProtectedSpans.Span> spans = protect.find(text, lang);
    List<Words.Word> words = Words.of(text, lang, spans);
    List<Words.Word> swappable = new ArrayList<>();
    List<List<String>> options = new ArrayList<>();
    int content = 0;
    for (Words.Word w : words) {
      if (!w.free()) continue;
      content++;
      List<String> syn = lang == Lang.ZH ? chinese.synonyms(w.text(), w.nature()) : english.synonyms(w.text());
      if (!syn.isEmpty()) {
        swappable.add(w);
        options.add(syn);
      }
    }
    if (swappable.isEmpty()) return null;
    int want = Math.max(1, (int) Math.round(rate * content));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < swappable.size(); i++) order.add(i);
    Collections.shuffle(order, random);
    List<Integer> chosen = new ArrayList<>(order.subList(0, Math.min(want, order.size())));
    Collections.sort(chosen);
    StringBuilder sb = new StringBuilder();
    int at = 0;
    List<String> changes = new ArrayList<>();
    for (int i : chosen) {
      Words.Word w = swappable.get(i);
      List<String> syn = options.get(i);
      String pick = Words.matchCase(w.text(), syn.get(random.nextInt(syn.size())));
      sb.append(text, at, w.start()).append(pick);
      at = w.end();
      changes.add(w.text() + "->" + pick);
    }
    sb.append(text.substring(at));
    return new Edit(sb.toString(), "swaps=" + String.join(",", changes));
  }
}
