package feedline.common.collect;

import feedline.common.model.Reasons;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/** Reads the rows of a Parquet file held in memory; top-level scalar columns become fields. */
final class ParquetRecords {
  private ParquetRecords() {}

  static List<Extracted> read(byte[] bytes, CollectOptions o) {
    List<Extracted> out = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new BytesInputFile(bytes))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      if (!schema.containsField(o.parquetTextField())) {
        return List.of(new Extracted.Failed("0", Reasons.BAD_RECORD,
            "no column '" + o.parquetTextField() + "' (collect.parquet.text-field); columns: " + schema.getFields().stream().map(Type::getName).toList(), null));
      }
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      long row = 0;
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> rr = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          Group g = rr.read();
          row++;
          Map<String, String> fields = new LinkedHashMap<>();
          for (int f = 0; f < schema.getFieldCount(); f++) {
            Type t = schema.getType(f);
            if (t.isPrimitive() && g.getFieldRepetitionCount(f) > 0) fields.put(t.getName(), g.getValueToString(f, 0));
          }
          String text = fields.remove(o.parquetTextField());
          String key = "row-" + row;
          if (text == null || text.isBlank()) {
            out.add(new Extracted.Failed(key, Reasons.NO_TEXT, "column '" + o.parquetTextField() + "' is null or blank", fields.toString()));
          } else {
            out.add(new Extracted.Text(key, text, "UTF-8", 0, fields));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of(new Extracted.Failed("0", Reasons.CORRUPT_FILE, "Parquet: " + Extractors.oneLine(e), null));
    }
    return out;
  }

  /** A Parquet {@link InputFile} over a byte array. */
  static final class BytesInputFile implements InputFile {
    private final byte[] bytes;

    BytesInputFile(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public long getLength() {
      return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
      SeekableBytes in = new SeekableBytes(bytes);
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() {
          return in.position();
        }

        @Override
        public void seek(long newPos) {
          in.seek((int) newPos);
        }
      };
    }
  }

  static final class SeekableBytes extends ByteArrayInputStream {
    SeekableBytes(byte[] b) {
      super(b);
    }

    int position() {
      return pos;
    }

    void seek(int p) {
      pos = p;
    }
  }
}
