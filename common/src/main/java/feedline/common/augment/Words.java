package feedline.common.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a text with offsets: HanLP segmentation for Chinese, letter runs for other text. */
final class Words {
  private static final Pattern LATIN_WORD = Pattern.compile("(?<![\\p{L}\\p{Nd}'’_-])\\p{L}+(?![\\p{L}\\p{Nd}'’_-])");
  static final Set<String> EN_STOPWORDS = Set.of("the", "a", "an", "and", "or", "but", "if", "then", "of", "to", "in",
      "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its",
      "this", "that", "these", "those", "there", "here", "he", "she", "they", "we", "you", "i", "me", "him", "her",
      "them", "us", "my", "your", "his", "their", "our", "not", "no", "do", "does", "did", "have", "has", "had",
      "will", "would", "can", "could", "should", "may", "might", "must", "shall", "so", "than", "too", "very",
      "just", "also", "only", "all", "any", "some", "each", "what", "which", "who", "whom", "when", "where", "why",
      "how", "about", "into", "out", "up", "down", "over", "under", "again", "more", "most", "such", "own", "same",
      "other", "one", "get", "got", "make", "made", "take", "go", "going", "gone", "yes", "please", "like", "well",
      "after", "before", "during", "while", "since", "until", "through", "between", "among", "against", "without",
      "within", "upon", "near", "off", "above", "below", "behind", "across", "along", "around", "beyond", "per",
      "via", "onto", "toward", "towards", "now", "once", "because", "though", "although", "unless");

  /** One word: its text, offset, and whether an augmenter may change or move it. */
  record Word(String text, int start, String nature, boolean free) {
    int end() {
      return start + text.length();
    }
  }

  private Words() {}

  static List<Word> of(String text, Lang lang, List<ProtectedSpans.Span> spans) {
    List<Word> out = new ArrayList<>();
    if (lang == Lang.ZH) {
      for (HanlpSynonyms.Token t : HanlpSynonyms.segment(text)) {
        if (t.word().isBlank() || t.nature().startsWith("w")) continue;
        // single characters are too ambiguous to swap, move or drop (人, 保, 盐 ...)
        boolean free = t.word().length() >= 2 && HanlpSynonyms.isContent(t.nature())
            && !ProtectedSpans.overlaps(spans, t.start(), t.end()) && t.word().codePoints().allMatch(Lang::isHan);
        out.add(new Word(t.word(), t.start(), t.nature(), free));
      }
      return out;
    }
    Matcher m = LATIN_WORD.matcher(text);
    while (m.find()) {
      String w = m.group();
      // capitalised words are never free: mid-sentence they are names, and at a sentence start they may be
      boolean free = w.length() >= 3 && w.equals(w.toLowerCase(Locale.ROOT)) && !EN_STOPWORDS.contains(w.toLowerCase(Locale.ROOT))
          && !ProtectedSpans.overlaps(spans, m.start(), m.end()) && !unitOfNumber(text, m.start());
      out.add(new Word(w, m.start(), null, free));
    }
    return out;
  }

  /** Whether the word at {@code start} directly follows a number ("3 minutes", "10 mg"): a unit, kept. */
  static boolean unitOfNumber(String text, int start) {
    int i = start - 1;
    while (i >= 0 && text.charAt(i) == ' ') i--;
    return i >= 0 && i < start - 1 + 1 && Character.isDigit(text.charAt(i)) && start - i <= 2;
  }

  /** Keeps the case pattern of {@code model} (capitalised first letter) on {@code word}. */
  static String matchCase(String model, String word) {
    if (!model.isEmpty() && Character.isUpperCase(model.charAt(0)) && !word.isEmpty()) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
    return word;
  }
}
