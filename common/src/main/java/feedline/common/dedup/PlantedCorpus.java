package feedline.common.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated corpus with planted near duplicates, for measuring dedup quality and speed. Document
 * {@code id} is a pure function of the id and the seed, so executors generate their share without
 * coordination. Ids come in blocks of ten: six unrelated documents and one family of four (an
 * original and three edited copies). Even blocks are English-like (about 1 KB of words from a
 * synthetic vocabulary, in paragraphs), odd blocks Chinese (about 330 Han characters, 1 KB in UTF-8).
 * The copies are made by word or character replacements of random strength (so their Jaccard
 * similarity to the original spreads across typical thresholds), inserted and deleted sentences,
 * reordered paragraphs, and full-width and punctuation changes.
 */
public final class PlantedCorpus {
  public static final int BLOCK = 10;
  public static final int SINGLES = 6;

  /** One generated document; {@code family} is shared by an original and its copies. */
  public record Doc(long id, String family, String lang, String edit, String text) {}

  private final long seed;
  private final List<String> vocabulary = new ArrayList<>();

  public PlantedCorpus(long seed) {
    this.seed = seed;
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder w = new StringBuilder();
      int len = 2 + rnd.nextInt(9);
      for (int j = 0; j < len; j++) w.append((char) ('a' + rnd.nextInt(26)));
      vocabulary.add(w.toString());
    }
  }

  public Doc doc(long id) {
    long block = id / BLOCK;
    int pos = (int) (id % BLOCK);
    boolean english = block % 2 == 0;
    String lang = english ? "en" : "zh";
    if (pos < SINGLES) {
      return new Doc(id, "s" + id, lang, "original", original(english, Hash64.mix(seed ^ (id * 31 + 7))));
    }
    String base = original(english, Hash64.mix(seed ^ (block * 131 + 3)));
    SplittableRandom rnd = new SplittableRandom(Hash64.mix(seed ^ (id * 977 + 11)));
    String family = "f" + block;
    switch (pos) {
      case 6:
        return new Doc(id, family, lang, "original", base);
      case 7:
        return new Doc(id, family, lang, "replace", english ? replaceWords(base, rnd.nextInt(1, 9), rnd) : replaceChars(base, rnd.nextInt(1, 16), rnd));
      case 8:
        return new Doc(id, family, lang, "sentences", editSentences(base, english, rnd));
      default:
        return rnd.nextBoolean()
            ? new Doc(id, family, lang, "reorder", reorderParagraphs(base))
            : new Doc(id, family, lang, "width_punct", widthAndPunctuation(base, english, rnd));
    }
  }

  private String original(boolean english, long docSeed) {
    SplittableRandom rnd = new SplittableRandom(docSeed);
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < 4; p++) {
      if (p > 0) sb.append("\n\n");
      for (int s = 0; s < (english ? 3 : 4); s++) {
        if (english) {
          int words = 12 + rnd.nextInt(6);
          for (int w = 0; w < words; w++) {
            String word = vocabulary.get(rnd.nextInt(vocabulary.size()));
            if (w == 0) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            sb.append(word).append(w + 1 < words ? (rnd.nextInt(8) == 0 ? ", " : " ") : ". ");
          }
        } else {
          int chars = 16 + rnd.nextInt(8);
          for (int c = 0; c < chars; c++) {
            sb.append((char) (0x4E00 + rnd.nextInt(0x9FA5 - 0x4E00)));
            if (c == chars / 2) sb.append('，');
          }
          sb.append('。');
        }
      }
    }
    return sb.toString().strip();
  }

  private String replaceWords(String text, int count, SplittableRandom rnd) {
    String[] w = text.split(" ");
    for (int i = 0; i < count; i++) w[rnd.nextInt(w.length)] = vocabulary.get(rnd.nextInt(vocabulary.size()));
    return String.join(" ", w);
  }

  private static String replaceChars(String text, int count, SplittableRandom rnd) {
    char[] c = text.toCharArray();
    for (int i = 0; i < count; i++) {
      int at = rnd.nextInt(c.length);
      if (Character.isLetter(c[at])) c[at] = (char) (0x4E00 + rnd.nextInt(0x9FA5 - 0x4E00));
    }
    return new String(c);
  }

  /** Deletes one sentence and/or inserts a new one. */
  private String editSentences(String text, boolean english, SplittableRandom rnd) {
    String sep = english ? ". " : "。";
    List<String> sentences = new ArrayList<>(List.of(text.split(java.util.regex.Pattern.quote(sep), -1)));
    int op = rnd.nextInt(3);
    if (op != 1 && sentences.size() > 2) sentences.remove(rnd.nextInt(sentences.size() - 1));
    if (op != 0) {
      String fresh = original(english, rnd.nextLong());
      String first = fresh.split(java.util.regex.Pattern.quote(sep))[0];
      sentences.add(rnd.nextInt(sentences.size()), first);
    }
    return String.join(sep, sentences);
  }

  private static String reorderParagraphs(String text) {
    List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n")));
    Collections.reverse(paragraphs);
    return String.join("\n\n", paragraphs);
  }

  /** Full-width letters and digits (English) or ASCII commas and full stops (Chinese), plus doubled punctuation. */
  private static String widthAndPunctuation(String text, boolean english, SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (english && c >= '!' && c <= '~' && rnd.nextInt(3) == 0) {
        sb.append((char) (c + 0xFEE0));
      } else if (!english && c == '，') {
        sb.append(',');
      } else if (!english && c == '。') {
        sb.append(". ");
      } else {
        sb.append(c);
      }
      if ((c == '.' || c == '。') && rnd.nextInt(4) == 0) sb.append('!');
    }
    return sb.toString();
  }
}
