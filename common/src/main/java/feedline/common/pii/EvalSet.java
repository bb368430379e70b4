package feedline.common.pii;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labeled evaluation set: one document per line with gold spans written inline as
 * {@code [[TYPE|value]]}; lines starting with {@code #} are comments. Parsing strips the markup and
 * computes each gold span's offsets in the clean text.
 */
public final class EvalSet {
  /** The set shipped with feedline. */
  public static final String BUNDLED = "feedline/pii/eval/pii_eval.txt";

  /** One labeled document. */
  public record Doc(int line, String text, List<Span> gold) {}

  private EvalSet() {}

  public static List<Doc> load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read evaluation set " + file + ": " + e.getMessage(), e);
    }
  }

  public static List<Doc> bundled() {
    try (InputStream in = EvalSet.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) throw new IllegalStateException("missing resource " + BUNDLED);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Doc> parse(String content) {
    List<Doc> docs = new ArrayList<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.isEmpty() || line.startsWith("#")) continue;
      docs.add(parseLine(i + 1, line));
    }
    return docs;
  }

  /** Parses one line; a malformed marker is an error naming the line. */
  public static Doc parseLine(int lineNo, String line) {
    StringBuilder text = new StringBuilder();
    List<Span> gold = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      int open = line.indexOf("[[", i);
      if (open < 0) {
        text.append(line, i, line.length());
        break;
      }
      text.append(line, i, open);
      int bar = line.indexOf('|', open);
      int close = line.indexOf("]]", open);
      if (bar < 0 || close < 0 || bar > close) throw new IllegalArgumentException("line " + lineNo + ": unclosed [[TYPE|value]] marker");
      PiiType type = PiiType.parse(line.substring(open + 2, bar));
      if (type == null) throw new IllegalArgumentException("line " + lineNo + ": unknown type " + line.substring(open + 2, bar));
      String value = line.substring(bar + 1, close);
      int start = text.length();
      text.append(value);
      gold.add(new Span(start, text.length(), type, 1.0, "gold"));
      i = close + 2;
    }
    return new Doc(lineNo, text.toString(), gold);
  }
}
