package feedline.common.clean;

/** Shortens runs of one repeated punctuation character ({@code !!!!!!}, {@code 。。。。。。}) to {@code maxRun}. */
public final class PunctuationRuns {
  private PunctuationRuns() {}

  public static Edited shorten(String s, int maxRun) {
    StringBuilder sb = null;
    int changes = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int j = i + 1;
      if (isPunctuation(c)) {
        while (j < n && s.charAt(j) == c) j++;
      }
      int run = j - i;
      if (run > maxRun) {
        if (sb == null) sb = new StringBuilder(n).append(s, 0, i);
        for (int k = 0; k < maxRun; k++) sb.append(c);
        changes++;
      } else if (sb != null) {
        sb.append(s, i, j);
      }
      i = j;
    }
    return sb == null ? Edited.same(s) : new Edited(sb.toString(), changes);
  }

  private static boolean isPunctuation(char c) {
    int t = Character.getType(c);
    return t == Character.OTHER_PUNCTUATION || t == Character.DASH_PUNCTUATION || t == Character.CONNECTOR_PUNCTUATION
        || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION;
  }
}
