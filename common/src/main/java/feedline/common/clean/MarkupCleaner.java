package feedline.common.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Removes HTML left in extracted text: entities are decoded with jsoup's HTML5 entity table
 * ({@code &amp;amp;}, {@code &amp;#20013;}, {@code &amp;nbsp;}), script and style blocks and comments
 * are removed, and tags of real HTML elements are removed (block elements leave a line break).
 * Text that only looks like markup ({@code a < b}, {@code List<String>}) is left alone.
 */
public final class MarkupCleaner {
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
  private static final Pattern BLOCKS = Pattern.compile("(?is)<(script|style)\\b[^>]{0,1000}>.{0,200000}?</\\1\\s*>|<!--.{0,200000}?-->");
  private static final String BLOCK_TAGS = "p|div|br|hr|li|ul|ol|tr|table|h[1-6]|section|article|header|footer|blockquote|pre|dd|dt|dl|nav|aside|main|figure|figcaption|form|title|body|html|head";
  private static final String INLINE_TAGS = "a|abbr|b|bdi|bdo|big|cite|code|del|dfn|em|font|i|img|ins|kbd|mark|meta|link|q|s|samp|small|span|strike|strong|sub|sup|td|th|thead|tbody|tfoot|time|tt|u|var|wbr|label|input|button|select|option|textarea|iframe|noscript|center|caption|col|colgroup|source|video|audio|picture|svg|path";
  private static final Pattern BLOCK_TAG = Pattern.compile("(?i)</?(?:" + BLOCK_TAGS + ")(?:\\s[^<>]{0,2000})?/?>[ \\t]*");
  private static final Pattern INLINE_TAG = Pattern.compile("(?i)</?(?:" + INLINE_TAGS + ")(?:\\s[^<>]{0,2000})?/?>");

  private MarkupCleaner() {}

  /** Decodes character entities; changes = entities decoded. */
  public static Edited decodeEntities(String s) {
    if (s.indexOf('&') < 0) return Edited.same(s);
    Matcher m = ENTITY.matcher(s);
    StringBuilder sb = null;
    int last = 0;
    int changes = 0;
    while (m.find()) {
      String decoded = Parser.unescapeEntities(m.group(), false);
      if (decoded.equals(m.group())) continue;
      if (sb == null) sb = new StringBuilder(s.length());
      sb.append(s, last, m.start()).append(decoded);
      last = m.end();
      changes++;
    }
    if (sb == null) return Edited.same(s);
    sb.append(s, last, s.length());
    return new Edited(sb.toString(), changes);
  }

  /** Removes script/style blocks, comments and HTML tags; changes = pieces of markup removed. */
  public static Edited stripTags(String s) {
    if (s.indexOf('<') < 0) return Edited.same(s);
    int[] changes = {0};
    String out = replace(BLOCKS, s, "", changes);
    out = replace(BLOCK_TAG, out, "\n", changes);
    out = replace(INLINE_TAG, out, "", changes);
    return changes[0] == 0 ? Edited.same(s) : new Edited(out, changes[0]);
  }

  private static String replace(Pattern p, String s, String with, int[] changes) {
    Matcher m = p.matcher(s);
    if (!m.find()) return s;
    StringBuilder sb = new StringBuilder(s.length());
    int last = 0;
    do {
      sb.append(s, last, m.start()).append(with);
      last = m.end();
      changes[0]++;
    } while (m.find());
    return sb.append(s, last, s.length()).toString();
  }
}
