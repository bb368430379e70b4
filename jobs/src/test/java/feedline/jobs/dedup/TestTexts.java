package feedline.jobs.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random English-like and Chinese texts, and controlled edits of them. */
public final class TestTexts {
  private final Random rnd;
  private final List<String> vocabulary = new ArrayList<>();

  public TestTexts(long seed) {
    rnd = new Random(seed);
    for (int i = 0; i < 3000; i++) {
      StringBuilder w = new StringBuilder();
      int len = 3 + rnd.nextInt(7);
      for (int j = 0; j < len; j++) w.append((char) ('a' + rnd.nextInt(26)));
      vocabulary.add(w.toString());
    }
  }

  public String english(int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) sb.append(i % 12 == 0 ? ". " : " ");
      sb.append(vocabulary.get(rnd.nextInt(vocabulary.size())));
    }
    return sb.append('.').toString();
  }

  public String chinese(int chars) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < chars; i++) {
      sb.append((char) (0x4E00 + rnd.nextInt(0x9FA5 - 0x4E00)));
      if (i % 20 == 19) sb.append('，');
    }
    return sb.append('。').toString();
  }

  /** Replaces {@code count} words at random positions. */
  public String replaceWords(String text, int count) {
    String[] w = text.split(" ");
    for (int i = 0; i < count; i++) w[rnd.nextInt(w.length)] = vocabulary.get(rnd.nextInt(vocabulary.size()));
    return String.join(" ", w);
  }

  /** Replaces {@code count} characters at random positions with other Han characters. */
  public String replaceChars(String text, int count) {
    char[] c = text.toCharArray();
    for (int i = 0; i < count; i++) c[rnd.nextInt(c.length)] = (char) (0x4E00 + rnd.nextInt(0x9FA5 - 0x4E00));
    return new String(c);
  }
}
