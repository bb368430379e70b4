package feedline.common.augment;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.synonym.Synonym;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CoreSynonymDictionary;
import com.hankcs.hanlp.dictionary.common.CommonSynonymDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chinese segmentation and synonyms from HanLP's portable release: the standard segmenter (with
 * its part-of-speech tags and name recognition) and the core synonym dictionary (Cilin codes). Only
 * groups of true synonyms ({@code =}) are used, never merely related words ({@code #}), and a
 * synonym is used only when HanLP's core dictionary lists it with the same part of speech as the
 * word it replaces.
 */
public final class HanlpSynonyms {
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  /** One segmented word with its offset in the text and its part of speech tag. */
  public record Token(String word, int start, String nature) {
    public int end() {
      return start + word.length();
    }
  }

  /** Segments a text into words with offsets (found by walking the text, so they are exact). */
  public static List<Token> segment(String text) {
    List<Term> terms = HanLP.segment(text);
    List<Token> out = new ArrayList<>(terms.size());
    int pos = 0;
    for (Term t : terms) {
      int at = text.indexOf(t.word, pos);
      if (at < 0) continue;
      out.add(new Token(t.word, at, t.nature == null ? "x" : t.nature.toString()));
      pos = at + t.word.length();
    }
    return out;
  }

  /** Whether a tag marks a name of a person, place or organisation, or another proper noun. */
  public static boolean isEntity(String nature) {
    return nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt") || nature.equals("nz")
        || nature.equals("nx");
  }

  /** Whether a tag is a content word worth swapping: nouns, verbs, adjectives, adverbs, time words. */
  public static boolean isContent(String nature) {
    if (isEntity(nature)) return false;
    char c = nature.charAt(0);
    return c == 'n' || c == 'v' || c == 'a' || c == 'd' || c == 't';
  }

  /** Synonyms of a word with the same part of speech, two characters or more; empty when none. */
  public List<String> synonyms(String word, String nature) {
    return cache.computeIfAbsent(word + "/" + nature, k -> lookup(word, nature));
  }

  private static List<String> lookup(String word, String natureTag) {
    CommonSynonymDictionary.SynonymItem item = CoreSynonymDictionary.get(word);
    if (item == null || item.type != Synonym.Type.EQUAL || item.synonymList == null) return List.of();
    Nature nature = Nature.fromString(natureTag);
    Set<String> out = new LinkedHashSet<>();
    for (Synonym s : item.synonymList) {
      String w = s.realWord;
      if (w.equals(word) || w.length() < 2) continue;
      CoreDictionary.Attribute attr = CoreDictionary.get(w);
      if (attr == null || nature == null || attr.getNatureFrequency(nature) <= 0) continue;
      out.add(w);
    }
    return List.copyOf(out);
  }
}
