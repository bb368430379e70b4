package feedline.common.annotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a chat document's text into role/content turns ("user: ..." lines); other text is one user turn. */
final class Dialogue {
  private static final Pattern TURN = Pattern.compile("^\\s*([A-Za-z_][\\w-]{0,31})\\s*[:：]\\s*(.*)$");

  private Dialogue() {}

  static List<Map<String, String>> turns(String text) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (line.isBlank()) continue;
      Matcher m = TURN.matcher(line);
      if (m.matches()) {
        out.add(turn(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2)));
      } else if (!out.isEmpty()) {
        Map<String, String> last = out.get(out.size() - 1);
        last.put("content", last.get("content") + "\n" + line);
      } else {
        out.add(turn("user", line));
      }
    }
    if (out.isEmpty()) out.add(turn("user", text));
    return out;
  }

  private static Map<String, String> turn(String role, String content) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("role", role);
    t.put("content", content);
    return t;
  }
}
