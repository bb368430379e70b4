package feedline.common.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.common.model.Formats;
import feedline.common.model.Reasons;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/** Turns the bytes of one file into raw texts, one per record (a file, a CSV row, a JSON line, a conversation). */
public final class Extractors {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Thread-safe; built once per JVM. */
  private static volatile Parser tika;

  private Extractors() {}

  static Parser tika() {
    Parser p = tika;
    if (p == null) {
      synchronized (Extractors.class) {
        if (tika == null) tika = new AutoDetectParser();
        p = tika;
      }
    }
    return p;
  }

  public static List<Extracted> extract(String uri, String format, byte[] bytes, CollectOptions o) {
    return switch (format) {
      case Formats.TXT, Formats.MD -> List.of(plain(bytes, o));
      case Formats.HTML, Formats.PDF, Formats.DOCX, Formats.PPTX, Formats.XLSX -> List.of(tikaText(uri, bytes, o));
      case Formats.CSV -> csv(bytes, o, o.csvDelimiter());
      case Formats.TSV -> csv(bytes, o, '\t');
      case Formats.JSONL -> jsonl(bytes, o);
      case Formats.CHAT -> chat(bytes, o);
      case Formats.PARQUET -> ParquetRecords.read(bytes, o);
      default -> List.of(new Extracted.Failed("0", Reasons.UNSUPPORTED_FORMAT, "no extractor for format " + format, null));
    };
  }

  private static Extracted plain(byte[] bytes, CollectOptions o) {
    DecodedText d = CharsetSniffer.decode(bytes, o.charset());
    return new Extracted.Text("0", d.text(), d.charset(), d.undecodableBytes(), Map.of());
  }

  private static Extracted tikaText(String uri, byte[] bytes, CollectOptions o) {
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName(uri));
    BodyContentHandler handler = new BodyContentHandler(o.maxChars());
    try {
      tika().parse(new ByteArrayInputStream(bytes), handler, md, new ParseContext());
    } catch (EncryptedDocumentException e) {
      return new Extracted.Failed("0", Reasons.CORRUPT_FILE, "encrypted document: " + oneLine(e), null);
    } catch (Exception e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        return new Extracted.Failed("0", Reasons.TOO_LARGE, "extracted text exceeds collect.max-chars=" + o.maxChars(), null);
      }
      return new Extracted.Failed("0", Reasons.CORRUPT_FILE, e.getClass().getSimpleName() + ": " + oneLine(e), null);
    } catch (StackOverflowError | OutOfMemoryError e) {
      return new Extracted.Failed("0", Reasons.CORRUPT_FILE, "parser gave up: " + e.getClass().getSimpleName(), null);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    String title = md.get(TikaCoreProperties.TITLE);
    if (title != null && !title.isBlank()) fields.put("title", title.strip());
    String charset = md.get(Metadata.CONTENT_ENCODING);
    return new Extracted.Text("0", handler.toString(), charset == null ? "binary" : charset, 0, fields);
  }

  private static List<Extracted> csv(byte[] bytes, CollectOptions o, char delimiter) {
    DecodedText d = CharsetSniffer.decode(bytes, o.charset());
    List<Extracted> out = new ArrayList<>();
    CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(d.text()), fmt)) {
      List<String> header = parser.getHeaderNames();
      List<String> textCols = o.csvTextColumns().isEmpty() ? header : o.csvTextColumns();
      for (String c : textCols) {
        if (!header.contains(c)) {
          return List.of(new Extracted.Failed("0", Reasons.BAD_RECORD,
              "text column '" + c + "' not in header " + header + " (collect.csv.text-columns)", null));
        }
      }
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        CSVRecord r;
        try {
          if (!it.hasNext()) break;
          r = it.next();
        } catch (RuntimeException e) {
          out.add(new Extracted.Failed("row-" + (out.size() + 1), Reasons.BAD_RECORD, "unparseable CSV: " + oneLine(e), null));
          break;
        }
        String key = "row-" + r.getRecordNumber();
        if (!r.isConsistent()) {
          out.add(new Extracted.Failed(key, Reasons.BAD_RECORD,
              "row has " + r.size() + " fields, header has " + header.size(), String.join(String.valueOf(delimiter), r.values())));
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>(r.toMap());
        fields.values().removeIf(v -> v == null);
        StringBuilder text = new StringBuilder();
        for (String c : textCols) {
          String v = r.get(c);
          if (v != null && !v.isBlank()) {
            if (text.length() > 0) text.append("\n\n");
            text.append(v);
          }
        }
        if (text.length() == 0) {
          out.add(new Extracted.Failed(key, Reasons.NO_TEXT, "text columns " + textCols + " are empty", r.toMap().toString()));
        } else {
          out.add(new Extracted.Text(key, text.toString(), d.charset(), 0, fields));
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of(new Extracted.Failed("0", Reasons.CORRUPT_FILE, "CSV: " + oneLine(e), null));
    }
    if (d.undecodableBytes() > 0 && !out.isEmpty() && out.get(0) instanceof Extracted.Text t) {
      // undecodable bytes are a property of the file: carry the count on its first record
      out.set(0, new Extracted.Text(t.recordKey(), t.text(), t.charset(), d.undecodableBytes(), t.fields()));
    }
    return out;
  }

  private static List<Extracted> jsonl(byte[] bytes, CollectOptions o) {
    DecodedText d = CharsetSniffer.decode(bytes, o.charset());
    List<Extracted> out = new ArrayList<>();
    String[] lines = d.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      String key = "line-" + (i + 1);
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        out.add(new Extracted.Failed(key, Reasons.BAD_RECORD, "invalid JSON: " + oneLine(e), line));
        continue;
      }
      if (node == null || !node.isObject()) {
        out.add(new Extracted.Failed(key, Reasons.BAD_RECORD, "line is not a JSON object", line));
        continue;
      }
      Map<String, String> fields = scalarFields(node);
      String text = null;
      for (String f : o.jsonTextFields()) {
        JsonNode v = node.get(f);
        if (v != null && v.isTextual() && !v.asText().isBlank()) {
          text = v.asText();
          break;
        }
      }
      if (text == null) {
        out.add(new Extracted.Failed(key, Reasons.NO_TEXT, "none of the text fields " + o.jsonTextFields() + " present", line));
      } else {
        out.add(new Extracted.Text(key, text, d.charset(), 0, fields));
      }
    }
    return out;
  }

  /** Chat logs: one JSON turn per line, grouped by conversation key in file order. */
  private static List<Extracted> chat(byte[] bytes, CollectOptions o) {
    DecodedText d = CharsetSniffer.decode(bytes, o.charset());
    Map<String, List<JsonNode>> conversations = new LinkedHashMap<>();
    List<Extracted> out = new ArrayList<>();
    String[] lines = d.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        out.add(new Extracted.Failed("line-" + (i + 1), Reasons.BAD_RECORD, "invalid JSON: " + oneLine(e), line));
        continue;
      }
      JsonNode conv = node == null ? null : node.get(o.chatConversationKey());
      JsonNode role = node == null ? null : node.get(o.chatRoleField());
      JsonNode content = node == null ? null : node.get(o.chatContentField());
      if (conv == null || role == null || content == null || !content.isTextual()) {
        out.add(new Extracted.Failed("line-" + (i + 1), Reasons.BAD_RECORD, "chat turn needs fields "
            + o.chatConversationKey() + ", " + o.chatRoleField() + ", " + o.chatContentField(), line));
        continue;
      }
      conversations.computeIfAbsent(conv.asText(), k -> new ArrayList<>()).add(node);
    }
    for (Map.Entry<String, List<JsonNode>> e : conversations.entrySet()) {
      StringBuilder text = new StringBuilder();
      List<Map<String, String>> turns = new ArrayList<>();
      for (JsonNode t : e.getValue()) {
        String role = t.get(o.chatRoleField()).asText();
        String content = t.get(o.chatContentField()).asText();
        if (text.length() > 0) text.append('\n');
        text.append(role).append(": ").append(content);
        // a fixed key order: Map.of iterates in a per-JVM random order, which made the JSON differ between JVMs
        Map<String, String> turn = new LinkedHashMap<>();
        turn.put("role", role);
        turn.put("content", content);
        turns.add(turn);
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(o.chatConversationKey(), e.getKey());
      fields.put("turn_count", String.valueOf(turns.size()));
      try {
        fields.put("turns", JSON.writeValueAsString(turns));
      } catch (IOException ex) {
        throw new IllegalStateException(ex);
      }
      out.add(new Extracted.Text("conv-" + e.getKey(), text.toString(), d.charset(), 0, fields));
    }
    return out;
  }

  private static Map<String, String> scalarFields(JsonNode node) {
    Map<String, String> fields = new LinkedHashMap<>();
    node.fields().forEachRemaining(f -> {
      JsonNode v = f.getValue();
      if (v.isValueNode() && !v.isNull()) fields.put(f.getKey(), v.asText());
      else if (v.isContainerNode()) fields.put(f.getKey(), v.toString());
    });
    return fields;
  }

  static String fileName(String uri) {
    int slash = uri.lastIndexOf('/');
    return slash >= 0 ? uri.substring(slash + 1) : uri;
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.replaceAll("\\s+", " ").strip();
    // object identity hashes (PDFParser@24e5c5f) differ from JVM to JVM: keep the class name only
    m = m.replaceAll("\\b([A-Z][\\w$]*)@[0-9a-f]{5,8}\\b", "$1");
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }
}
