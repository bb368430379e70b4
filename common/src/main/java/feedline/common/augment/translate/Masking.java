package feedline.common.augment.translate;

import feedline.common.augment.Lang;
import feedline.common.augment.ProtectedSpans;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces protected spans (placeholders, links, domain terms and, when asked, numbers) with tokens every
 * engine copies through untouched ({@code QZ0ZQ}: an unknown word to Apertium, an opaque code to a
 * chat model), and puts the originals back afterwards. Tokens an engine mangled stay mangled, so
 * the consistency check sees the loss.
 */
public final class Masking {
  private static final Pattern TOKEN = Pattern.compile("(?i)QZ\\s?(\\d+)\\s?ZQ");

  /** A masked text and the originals of its tokens, by token number. */
  public record Masked(String text, List<String> originals) {
    public String unmask(String translated) {
      Matcher m = TOKEN.matcher(translated);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        int i = Integer.parseInt(m.group(1));
        String rep = i < originals.size() ? originals.get(i) : m.group();
        m.appendReplacement(sb, Matcher.quoteReplacement(rep));
      }
      m.appendTail(sb);
      return sb.toString();
    }
  }

  private Masking() {}

  public static Masked mask(String text, Lang lang, ProtectedSpans protect, boolean numbers) {
    List<String> originals = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (ProtectedSpans.Span s : protect.find(text, lang)) {
      boolean masked = s.kind() == ProtectedSpans.Kind.PLACEHOLDER || s.kind() == ProtectedSpans.Kind.TERM
          || s.kind() == ProtectedSpans.Kind.LINK
          || (numbers && s.kind() == ProtectedSpans.Kind.NUMBER);
      if (!masked) continue;
      sb.append(text, at, s.start()).append("QZ").append(originals.size()).append("ZQ");
      originals.add(s.of(text));
      at = s.end();
    }
    sb.append(text.substring(at));
    return new Masked(sb.toString(), List.copyOf(originals));
  }
}
