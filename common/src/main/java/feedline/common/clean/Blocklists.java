package feedline.common.clean;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad words and blocked URL domains. A bad word without spaces or CJK characters matches whole
 * words, case-insensitively; an entry with a space or a CJK character matches as a substring
 * (Chinese has no word boundaries). A domain blocks itself and its subdomains.
 */
public final class Blocklists implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://([a-z0-9.-]{1,253})");

  private final Set<String> words;
  private final List<String> phrases;
  private final Set<String> domains;

  public Blocklists(Collection<String> badWords, Collection<String> blockedDomains) {
    Set<String> w = new LinkedHashSet<>();
    List<String> p = new ArrayList<>();
    for (String raw : badWords) {
      String e = raw.strip().toLowerCase(Locale.ROOT);
      if (e.isEmpty() || e.startsWith("#")) continue;
      if (e.contains(" ") || e.codePoints().anyMatch(Scripts::isCjk)) p.add(e); else w.add(e);
    }
    Set<String> d = new LinkedHashSet<>();
    for (String raw : blockedDomains) {
      String e = raw.strip().toLowerCase(Locale.ROOT);
      if (e.isEmpty() || e.startsWith("#")) continue;
      if (e.startsWith("*.")) e = e.substring(2);
      if (e.startsWith(".")) e = e.substring(1);
      d.add(e);
    }
    this.words = Set.copyOf(w);
    this.phrases = List.copyOf(p);
    this.domains = Set.copyOf(d);
  }

  /** Lines of UTF-8 files (blank lines and lines starting with '#' are skipped by the constructor). */
  public static List<String> readLines(List<String> files) {
    List<String> out = new ArrayList<>();
    for (String f : files) {
      try {
        out.addAll(Files.readAllLines(Path.of(f), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read blocklist file " + f + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  public boolean hasWords() {
    return !words.isEmpty() || !phrases.isEmpty();
  }

  public boolean hasDomains() {
    return !domains.isEmpty();
  }

  /** Occurrences of bad words and phrases in the text. */
  public int badWordHits(String text) {
    if (!hasWords()) return 0;
    String lower = text.toLowerCase(Locale.ROOT);
    int hits = 0;
    if (!words.isEmpty()) {
      int n = lower.length();
      int i = 0;
      while (i < n) {
        while (i < n && !Character.isLetterOrDigit(lower.charAt(i))) i++;
        int start = i;
        while (i < n && (Character.isLetterOrDigit(lower.charAt(i)) || lower.charAt(i) == '\'')) i++;
        if (i > start && words.contains(lower.substring(start, i))) hits++;
      }
    }
    for (String p : phrases) {
      int i = 0;
      while ((i = lower.indexOf(p, i)) >= 0) {
        hits++;
        i += p.length();
      }
    }
    return hits;
  }

  /** The first blocked domain among the document's URLs and (when {@code scanText}) the URLs in its text, or null. */
  public String blockedDomain(List<String> urls, String text, boolean scanText) {
    if (!hasDomains()) return null;
    for (String u : urls) {
      String host = hostOf(u);
      if (host != null && blocked(host)) return host;
    }
    if (scanText && text != null) {
      Matcher m = URL.matcher(text);
      while (m.find()) {
        String host = m.group(1).toLowerCase(Locale.ROOT);
        if (blocked(host)) return host;
      }
    }
    return null;
  }

  private boolean blocked(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    while (true) {
      if (domains.contains(h)) return true;
      int dot = h.indexOf('.');
      if (dot < 0) return false;
      h = h.substring(dot + 1);
    }
  }

  static String hostOf(String url) {
    if (url == null || url.isBlank()) return null;
    try {
      URI u = new URI(url.strip());
      String host = u.getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (Exception e) {
      Matcher m = URL.matcher(url);
      return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
  }
}
