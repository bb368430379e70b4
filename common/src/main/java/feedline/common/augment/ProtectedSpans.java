package feedline.common.augment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of a text no augmenter may change: redaction placeholders ({@code <PHONE_1>},
 * {@code [EMAIL]}), links and e-mail addresses, numbers, domain terms from a list, and (for English) likely names: capitalised
 * words that do not start a sentence, and acronyms. Chinese names, places and organisations are
 * found by the Chinese segmenter's part of speech, not here.
 */
public final class ProtectedSpans implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Redaction placeholders in every redact mode: tag {@code <PHONE_1>}, hash {@code <PHONE:3f9a2c1b7d0e>},
   * mask {@code [EMAIL]}, and {@code {{NAME}}} templates.
   */
  public static final Pattern PLACEHOLDER = Pattern.compile(
      "<[A-Z][A-Z0-9_]*(?::[0-9a-f]{4,64})?>|\\[[A-Z][A-Z0-9_]*\\]|\\{\\{[A-Z][A-Z0-9_]*\\}\\}");
  /** Digits with inner separators: 3, 10:30, 2,500.75, 2024-05-01, 50%. Full-width digits count. */
  public static final Pattern NUMBER = Pattern.compile("\\p{Nd}+(?:[.,:/\\-]\\p{Nd}+)*%?");
  /** Links and e-mail addresses left in the text (redact masks personal ones; the rest must survive intact). */
  public static final Pattern LINK = Pattern.compile(
      "(?i)\\b(?:https?://|www\\.)[^\\s<>\"'）)\\]]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern ENGLISH_NAME =
      Pattern.compile("(?<![\\p{L}\\p{Nd}])(?:\\p{Lu}\\p{Ll}+(?:[-']\\p{Lu}?\\p{Ll}+)*|\\p{Lu}{2,}\\p{Nd}*)(?![\\p{L}\\p{Nd}])");

  /** One protected range {@code [start, end)} and why. */
  public record Span(int start, int end, Kind kind) implements Serializable {
    public String of(String text) {
      return text.substring(start, end);
    }
  }

  public enum Kind { PLACEHOLDER, LINK, NUMBER, TERM, ENTITY }

  private final List<String> terms;

  /** @param terms domain terms kept as they are (matched case-insensitively, longest first) */
  public ProtectedSpans(Collection<String> terms) {
    List<String> t = new ArrayList<>();
    for (String s : terms) {
      if (s != null && !s.isBlank()) t.add(s.strip());
    }
    t.sort(Comparator.comparingInt(String::length).reversed());
    this.terms = List.copyOf(t);
  }

  public List<String> terms() {
    return terms;
  }

  /** The protected spans of {@code text}, sorted and non-overlapping (earlier, longer spans win). */
  public List<Span> find(String text, Lang lang) {
    List<Span> all = new ArrayList<>();
    add(all, PLACEHOLDER.matcher(text), Kind.PLACEHOLDER);
    add(all, LINK.matcher(text), Kind.LINK);
    add(all, NUMBER.matcher(text), Kind.NUMBER);
    String lower = text.toLowerCase(Locale.ROOT);
    for (String term : terms) {
      String t = term.toLowerCase(Locale.ROOT);
      boolean wordy = Character.isLetterOrDigit(t.charAt(0)) && !Lang.isHan(t.codePointAt(0));
      for (int i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) {
        int end = i + t.length();
        if (wordy && ((i > 0 && Character.isLetterOrDigit(lower.charAt(i - 1)))
            || (end < lower.length() && Character.isLetterOrDigit(lower.charAt(end))))) {
          continue;
        }
        all.add(new Span(i, end, Kind.TERM));
      }
    }
    if (lang != Lang.ZH) {
      Matcher m = ENGLISH_NAME.matcher(text);
      while (m.find()) {
        boolean acronym = m.group().chars().allMatch(c -> !Character.isLowerCase(c));
        if (acronym || !SentenceSplitter.startsSentence(text, m.start())) all.add(new Span(m.start(), m.end(), Kind.ENTITY));
      }
    }
    return merge(all);
  }

  /** The placeholders of a text, in order (a multiset: repeats are kept). */
  public static List<String> placeholders(String text) {
    return matches(PLACEHOLDER, text);
  }

  /** The numbers of a text, in order, outside placeholders. */
  public static List<String> numbers(String text) {
    return matches(NUMBER, PLACEHOLDER.matcher(text).replaceAll(" "));
  }

  private static List<String> matches(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  /** Whether a text is nothing but placeholders, punctuation and space. */
  public static boolean onlyPlaceholders(String text) {
    String rest = PLACEHOLDER.matcher(text).replaceAll("");
    return rest.codePoints().noneMatch(Character::isLetterOrDigit);
  }

  private static void add(List<Span> out, Matcher m, Kind kind) {
    while (m.find()) out.add(new Span(m.start(), m.end(), kind));
  }

  static List<Span> merge(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
    List<Span> out = new ArrayList<>();
    int until = -1;
    for (Span s : sorted) {
      if (s.start() >= until) {
        out.add(s);
        until = s.end();
      }
    }
    return out;
  }

  /** Whether {@code [start, end)} touches a protected span. */
  public static boolean overlaps(List<Span> spans, int start, int end) {
    for (Span s : spans) {
      if (s.start() < end && start < s.end()) return true;
    }
    return false;
  }
}
