package feedline.common.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Spark-free reads of a table written as JSONL or Parquet (a file, or a folder of {@code part-*}
 * files as Spark writes it; top-level scalar columns only) and JSONL writes.
 */
public final class TableFiles {
  private TableFiles() {}

  public static List<JsonNode> read(Path path) {
    if (!Files.exists(path)) throw new IllegalArgumentException("no such file or folder: " + path);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.list(path)) {
        s.filter(p -> !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith("."))
            .filter(p -> p.toString().endsWith(".parquet") || p.toString().endsWith(".jsonl") || p.toString().endsWith(".json"))
            .sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      files.add(path);
    }
    List<JsonNode> out = new ArrayList<>();
    for (Path f : files) {
      if (f.toString().endsWith(".parquet")) out.addAll(parquet(f));
      else out.addAll(jsonl(f));
    }
    return out;
  }

  public static List<JsonNode> jsonl(Path f) {
    List<JsonNode> out = new ArrayList<>();
    try {
      int n = 0;
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank()) continue;
        try {
          out.add(Json.MAPPER.readTree(line));
        } catch (IOException e) {
          throw new IllegalArgumentException(f + " line " + n + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
    return out;
  }

  static List<JsonNode> parquet(Path f) {
    List<JsonNode> out = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(f))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> rr = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          Group g = rr.read();
          ObjectNode o = Json.MAPPER.createObjectNode();
          for (int c = 0; c < schema.getFieldCount(); c++) {
            Type t = schema.getType(c);
            if (!t.isPrimitive() || g.getFieldRepetitionCount(c) == 0) continue;
            PrimitiveType.PrimitiveTypeName pt = t.asPrimitiveType().getPrimitiveTypeName();
            switch (pt) {
              case DOUBLE -> o.put(t.getName(), g.getDouble(c, 0));
              case FLOAT -> o.put(t.getName(), g.getFloat(c, 0));
              case INT32 -> o.put(t.getName(), g.getInteger(c, 0));
              case INT64 -> o.put(t.getName(), g.getLong(c, 0));
              case BOOLEAN -> o.put(t.getName(), g.getBoolean(c, 0));
              default -> o.put(t.getName(), g.getValueToString(c, 0));
            }
          }
          out.add(o);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Parquet " + f + ": " + e.getMessage(), e);
    }
    return out;
  }

  public static void writeJsonl(Path f, List<?> rows) {
    try {
      if (f.getParent() != null) Files.createDirectories(f.getParent());
      try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
        for (Object r : rows) {
          w.write(Json.write(r));
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
    }
  }

  public static void writeString(Path f, String s) {
    try {
      if (f.getParent() != null) Files.createDirectories(f.getParent());
      Files.writeString(f, s, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
    }
  }
}
