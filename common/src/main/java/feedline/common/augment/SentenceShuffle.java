package feedline.common.augment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Reorders the sentences inside each line. Lines themselves never move (headings, list items and
 * dialogue turns keep their place). Only for fields whose order is free (the stage applies it per
 * field config), and never to a text that looks like numbered or bulleted steps or a dialogue,
 * whatever the config says. Each position keeps its original trailing whitespace; a sentence moved
 * away from the end gains a full stop if it had none.
 */
public final class SentenceShuffle implements Augmenter {
  public static final String METHOD = "shuffle";

  /** Lines such as {@code 1. }, {@code 2) }, {@code Step 3}, {@code 第一步}, {@code 一、}, {@code - }, {@code • }. */
  static final Pattern STEPS = Pattern.compile(
      "(?m)^\\s*(?:\\p{Nd}+\\s*[.)、．:]|[(（]\\p{Nd}+[)）]|(?i:step)\\s*\\p{Nd}+|第[一二三四五六七八九十百\\p{Nd}]+步|[一二三四五六七八九十]+、|[-*•·]\\s)");

  @Override
  public String method() {
    return METHOD;
  }

  /** Lines opening a dialogue turn: {@code user:}, {@code assistant：}, {@code 客服:} ... */
  static final Pattern TURNS = Pattern.compile(
      "(?im)^\\s*(?:user|assistant|system|human|bot|agent|customer|q|a|问|答|用户|客服|医生|患者)\\s*[:：]");

  /** Whether a text reads as ordered steps or a dialogue (so no order-changing edit may touch it). */
  public static boolean hasSteps(String text) {
    return STEPS.matcher(text).find() || TURNS.matcher(text).find() || text.contains("首先") && text.contains("然后")
        || text.matches("(?is).*\\bfirst\\b.*\\bthen\\b.*");
  }

  @Override
  public Edit apply(String text, Lang lang, Random random) {
    if (hasSteps(text)) return null;
    String[] paragraphs = text.split("(?<=\\n)");
    StringBuilder out = new StringBuilder();
    int moved = 0;
    for (String p : paragraphs) {
      List<String> sentences = SentenceSplitter.split(p);
      if (sentences.size() < 2) {
        out.append(p);
        continue;
      }
      List<String> cores = new ArrayList<>();
      List<String> gaps = new ArrayList<>();
      for (String s : sentences) {
        int e = s.length();
        while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) e--;
        cores.add(s.substring(0, e));
        gaps.add(s.substring(e));
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < cores.size(); i++) order.add(i);
      for (int tries = 0; tries < 5 && isIdentity(order); tries++) Collections.shuffle(order, random);
      if (isIdentity(order)) Collections.rotate(order, 1);
      for (int i = 0; i < order.size(); i++) {
        String core = cores.get(order.get(i));
        if (order.get(i) != i) moved++;
        if (i < order.size() - 1 && !endsSentence(core)) core = core + (lang == Lang.ZH ? "。" : ".");
        String gap = gaps.get(i);
        if (gap.isEmpty() && i < order.size() - 1 && lang != Lang.ZH) gap = " ";
        out.append(core).append(gap);
      }
    }
    if (moved == 0) return null;
    String result = out.toString();
    return result.equals(text) ? null : new Edit(result, "moved=" + moved);
  }

  private static boolean isIdentity(List<Integer> order) {
    for (int i = 0; i < order.size(); i++) if (order.get(i) != i) return false;
    return true;
  }

  private static boolean endsSentence(String core) {
    if (core.isEmpty()) return true;
    char c = core.charAt(core.length() - 1);
    return ".!?。！？；…\"'”’」』)）".indexOf(c) >= 0;
  }
}
