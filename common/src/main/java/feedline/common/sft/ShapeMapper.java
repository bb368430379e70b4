package feedline.common.sft;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one input row (as JSON) into an {@link SftInput} according to {@link ShapeOptions}. Rows
 * that do not have the shape are rejected with a reason code (they go to quarantine).
 */
public final class ShapeMapper {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

  private final ShapeOptions o;

  public ShapeMapper(ShapeOptions options) {
    this.o = options;
  }

  /** A mapped row, or why it could not be mapped. */
  public sealed interface Result permits Mapped, Rejected {}

  public record Mapped(SftInput input, InputShape shape) implements Result {}

  public record Rejected(String reason, String detail) implements Result {}

  public Result map(JsonNode row) {
    InputShape shape = o.shape() == InputShape.AUTO ? detect(row) : o.shape();
    if (shape == null) {
      return new Rejected(SftReasons.UNKNOWN_SHAPE, "no column of a known shape (" + o.messagesColumn() + ", "
          + o.conversationsColumn() + ", " + o.instructionColumn() + "+" + o.outputColumn() + ", " + o.questionColumn()
          + "+" + o.answerColumn() + ", " + o.textColumn() + "); columns: " + fieldNames(row));
    }
    try {
      switch (shape) {
        case TEXT: {
          String t = str(row, o.textColumn());
          if (t == null) return new Rejected(SftReasons.MISSING_COLUMN, "text shape needs column '" + o.textColumn() + "'");
          return new Mapped(new SftInput.Text(t), shape);
        }
        case ALPACA: {
          String ins = str(row, o.instructionColumn());
          String out = str(row, o.outputColumn());
          if (ins == null || out == null) {
            return new Rejected(SftReasons.MISSING_COLUMN, "alpaca shape needs columns '" + o.instructionColumn() + "' and '"
                + o.outputColumn() + "'; columns: " + fieldNames(row));
          }
          String in = str(row, o.inputColumn());
          String prompt = in == null || in.isBlank() ? ins : ins + "\n\n" + in;
          return new Mapped(new SftInput.Chat(finish(row, List.of(Turn.user(prompt), Turn.assistant(out)))), shape);
        }
        case QA: {
          String q = str(row, o.questionColumn());
          String a = str(row, o.answerColumn());
          if (q == null || a == null) {
            return new Rejected(SftReasons.MISSING_COLUMN, "qa shape needs columns '" + o.questionColumn() + "' and '"
                + o.answerColumn() + "'; columns: " + fieldNames(row));
          }
          return new Mapped(new SftInput.Chat(finish(row, List.of(Turn.user(q), Turn.assistant(a)))), shape);
        }
        case SHAREGPT:
          return turns(row, o.conversationsColumn(), o.fromKey(), o.valueKey(), shape);
        case MESSAGES:
          return turns(row, o.messagesColumn(), o.roleKey(), o.contentKey(), shape);
        default:
          throw new IllegalStateException("shape " + shape);
      }
    } catch (BadRow e) {
      return new Rejected(e.reason, e.getMessage());
    }
  }

  private Result turns(JsonNode row, String column, String roleKey, String contentKey, InputShape shape) {
    JsonNode list = lookup(row, column);
    if (list != null && list.isTextual()) list = parseJson(list.asText(), column);
    if (list == null || list.isNull()) {
      return new Rejected(SftReasons.MISSING_COLUMN, shape.name().toLowerCase(Locale.ROOT) + " shape needs column '" + column
          + "'; columns: " + fieldNames(row));
    }
    if (!list.isArray()) return new Rejected(SftReasons.BAD_TURN, "column '" + column + "' is not a list of turns");
    List<Turn> turns = new ArrayList<>();
    int i = 0;
    for (JsonNode t : list) {
      if (!t.isObject()) throw new BadRow(SftReasons.BAD_TURN, "turn " + i + " of '" + column + "' is not an object");
      String who = str(t, roleKey);
      if (who == null) throw new BadRow(SftReasons.BAD_TURN, "turn " + i + " has no '" + roleKey + "'");
      Role role = o.roleAliases().get(who.strip().toLowerCase(Locale.ROOT));
      if (role == null) {
        throw new BadRow(SftReasons.UNKNOWN_ROLE, "turn " + i + " has role '" + who + "'; known: " + o.roleAliases().keySet().stream().sorted().toList());
      }
      JsonNode c = t.get(contentKey);
      String content = c == null || c.isNull() ? "" : contentText(c, i);
      turns.add(new Turn(role, content));
      i++;
    }
    return new Mapped(new SftInput.Chat(finish(row, turns)), shape);
  }

  /** Content is a string, or a list of parts of which the text parts are joined. */
  private static String contentText(JsonNode c, int i) {
    if (c.isTextual()) return c.asText();
    if (c.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode p : c) {
        if (p.isTextual()) sb.append(p.asText());
        else if (p.has("text")) sb.append(p.get("text").asText());
        else throw new BadRow(SftReasons.BAD_TURN, "turn " + i + " has a non-text content part");
      }
      return sb.toString();
    }
    if (c.isValueNode()) return c.asText();
    throw new BadRow(SftReasons.BAD_TURN, "turn " + i + " content is not text");
  }

  /** Applies the dataset's system prompt (when the row has none) and user template. */
  private List<Turn> finish(JsonNode row, List<Turn> turns) {
    List<Turn> out = new ArrayList<>(turns);
    if (o.userTemplate() != null && !o.userTemplate().isBlank()) {
      for (int k = 0; k < out.size(); k++) {
        if (out.get(k).role() == Role.USER) {
          out.set(k, Turn.user(fill(o.userTemplate(), row, out.get(k).content())));
          break;
        }
      }
    }
    boolean hasSystem = out.stream().anyMatch(t -> t.role() == Role.SYSTEM);
    if (!hasSystem && o.systemPrompt() != null && !o.systemPrompt().isBlank()) {
      out.add(0, Turn.system(fill(o.systemPrompt(), row, null)));
    }
    return out;
  }

  /** Replaces {@code {prompt}} and {@code {column}} placeholders; an unknown column is an error. */
  static String fill(String template, JsonNode row, String prompt) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String v;
      if (key.equals("prompt") && prompt != null) v = prompt;
      else {
        v = str(row, key);
        if (v == null) throw new BadRow(SftReasons.MISSING_COLUMN, "template placeholder {" + key + "} has no value in this row");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private InputShape detect(JsonNode row) {
    if (present(row, o.messagesColumn())) return InputShape.MESSAGES;
    if (present(row, o.conversationsColumn())) return InputShape.SHAREGPT;
    if (present(row, o.instructionColumn()) && present(row, o.outputColumn())) return InputShape.ALPACA;
    if (present(row, o.questionColumn()) && present(row, o.answerColumn())) return InputShape.QA;
    if (present(row, o.textColumn())) return InputShape.TEXT;
    return null;
  }

  private static boolean present(JsonNode row, String col) {
    JsonNode n = lookup(row, col);
    return n != null && !n.isNull();
  }

  private static String str(JsonNode row, String col) {
    JsonNode n = lookup(row, col);
    if (n == null || n.isNull()) return null;
    return n.isValueNode() ? n.asText() : n.toString();
  }

  /**
   * A column of the row: a top-level field, else a dotted path ({@code fields.question}), else a
   * key of the {@code fields} map that collect fills with the other columns of a CSV or JSON record.
   */
  static JsonNode lookup(JsonNode row, String col) {
    if (col == null) return null;
    JsonNode n = row.get(col);
    if (n != null && !n.isNull()) return n;
    if (col.indexOf('.') > 0) {
      JsonNode at = row;
      for (String part : col.split("\\.")) {
        at = at == null ? null : at.get(part);
      }
      if (at != null && !at.isNull()) return at;
    }
    JsonNode fields = row.get(FIELDS);
    if (fields != null && fields.isObject()) {
      JsonNode f = fields.get(col);
      if (f != null && !f.isNull()) return f;
    }
    return n;
  }

  /** The map column in which collect keeps a record's other columns. */
  static final String FIELDS = "fields";

  private static JsonNode parseJson(String s, String column) {
    try {
      return Json.MAPPER.readTree(s);
    } catch (Exception e) {
      throw new BadRow(SftReasons.BAD_TURN, "column '" + column + "' holds text that is not a JSON list of turns");
    }
  }

  private static List<String> fieldNames(JsonNode row) {
    List<String> out = new ArrayList<>();
    row.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static final class BadRow extends RuntimeException {
    final String reason;

    BadRow(String reason, String m) {
      super(m);
      this.reason = reason;
    }
  }
}
