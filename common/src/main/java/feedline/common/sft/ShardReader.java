package feedline.common.sft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Streams the rows of one split of a tokenized dataset (see {@link ShardLayout}) without Spark, in
 * a fixed order: shards sorted by file name, rows in file order. {@link #position()} names the next
 * row; a reader opened at a saved position continues exactly there (for resuming training).
 *
 * <p>Only the contract columns are read (column projection), so extra columns cost nothing. Both
 * the standard three-level list layout (what Spark and {@link ShardWriter} write) and the legacy
 * two-level one are understood.
 */
public final class ShardReader implements Iterator<TokenizedExample>, AutoCloseable {
  private final String split;
  private final List<Path> shards;
  private int shard;
  private long row;
  private ParquetFileReader file;
  private MessageType projection;
  private RecordReader<Group> records;
  private long leftInGroup;

  private ShardReader(Path dir, String split, ShardPosition from) {
    this.split = split;
    this.shards = ShardLayout.shards(dir, split);
    if (from.shard() > shards.size() || (from.shard() == shards.size() && from.row() > 0)) {
      throw new IllegalArgumentException("position " + from + " is past the end of split " + split + " in " + dir
          + " (" + shards.size() + " shards)");
    }
    this.shard = from.shard();
    this.row = 0;
    if (shard < shards.size()) {
      openShard();
      skip(from.row());
    }
    settle();
  }

  /** Reads a split from its first row. */
  public static ShardReader open(Path dir, String split) {
    return new ShardReader(dir, split, ShardPosition.START);
  }

  /** Reads a split from a saved position. */
  public static ShardReader open(Path dir, String split, ShardPosition from) {
    return new ShardReader(dir, split, from);
  }

  /** Number of rows of a split, from the shard footers (no data read). */
  public static long countRows(Path dir, String split) {
    long n = 0;
    for (Path p : ShardLayout.shards(dir, split)) n += rowsOf(p);
    return n;
  }

  /** Rows per shard of a split, in shard order. */
  public static long[] rowsPerShard(Path dir, String split) {
    List<Path> s = ShardLayout.shards(dir, split);
    long[] out = new long[s.size()];
    for (int i = 0; i < out.length; i++) out[i] = rowsOf(s.get(i));
    return out;
  }

  private static long rowsOf(Path p) {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p))) {
      return r.getRecordCount();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shard footer " + p + ": " + e.getMessage(), e);
    }
  }

  /** The split being read. */
  public String split() {
    return split;
  }

  /** The shards being read, in order. */
  public List<Path> shards() {
    return shards;
  }

  /** Position of the next row {@link #next()} returns (at the end: one past the last shard, row 0). */
  public ShardPosition position() {
    return new ShardPosition(shard, row);
  }

  @Override
  public boolean hasNext() {
    return file != null;
  }

  @Override
  public TokenizedExample next() {
    if (!hasNext()) throw new NoSuchElementException("split " + split + " has no more rows");
    Group g = records.read();
    leftInGroup--;
    row++;
    TokenizedExample e = toExample(g);
    settle();
    return e;
  }

  /** Moves to the next row group or shard until a row is ready to read or the split is exhausted. */
  private void settle() {
    while (file != null && leftInGroup == 0 && !loadGroup()) {
      closeFile();
      shard++;
      row = 0;
      if (shard < shards.size()) openShard();
    }
  }

  private void skip(long rows) {
    long left = rows;
    while (left > 0) {
        if (leftInGroup == 0) {
          BlockMetaData b = nextBlock();
          if (b == null) throw new IllegalArgumentException("row " + rows + " is past the end of shard " + shards.get(shard));
          if (b.getRowCount() <= left) {
            file.skipNextRowGroup();
            blockIndex++;
            left -= b.getRowCount();
            row += b.getRowCount();
            continue;
          }
          if (!loadGroup()) throw new IllegalStateException("row group vanished in " + shards.get(shard));
        }
        records.read();
        leftInGroup--;
        left--;
        row++;
    }
  }

  private int blockIndex;

  private BlockMetaData nextBlock() {
    List<BlockMetaData> blocks = file.getRowGroups();
    return blockIndex < blocks.size() ? blocks.get(blockIndex) : null;
  }

  private boolean loadGroup() {
    try {
      PageReadStore pages = file.readNextRowGroup();
      if (pages == null) return false;
      blockIndex++;
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection, file.getFileMetaData().getSchema());
      records = io.getRecordReader(pages, new GroupRecordConverter(projection));
      leftInGroup = pages.getRowCount();
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shard " + shards.get(shard) + ": " + e.getMessage(), e);
    }
  }

  private void openShard() {
    Path p = shards.get(shard);
    try {
      file = ParquetFileReader.open(new LocalInputFile(p));
      MessageType schema = file.getFooter().getFileMetaData().getSchema();
      projection = project(schema, p);
      file.setRequestedSchema(projection);
      blockIndex = 0;
      leftInGroup = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open shard " + p + ": " + e.getMessage(), e);
    }
  }

  private static MessageType project(MessageType schema, Path p) {
    List<String> needed = List.of(ShardLayout.EXAMPLE_ID, ShardLayout.INPUT_IDS, ShardLayout.LABELS,
        ShardLayout.POSITION_IDS, ShardLayout.SEGMENT_IDS);
    for (String c : needed) {
      if (!schema.containsField(c)) {
        throw new IllegalArgumentException("shard " + p + " has no column '" + c + "'; columns: "
            + schema.getFields().stream().map(Type::getName).toList());
      }
    }
    List<Type> fields = schema.getFields().stream().filter(t -> needed.contains(t.getName())
        || t.getName().equals(ShardLayout.GROUP_ID) || t.getName().equals(ShardLayout.SOURCE)).toList();
    return new MessageType(schema.getName(), fields);
  }

  private TokenizedExample toExample(Group g) {
    return new TokenizedExample(str(g, ShardLayout.EXAMPLE_ID), str(g, ShardLayout.GROUP_ID), str(g, ShardLayout.SOURCE),
        split, ints(g, ShardLayout.INPUT_IDS), ints(g, ShardLayout.LABELS), ints(g, ShardLayout.POSITION_IDS),
        ints(g, ShardLayout.SEGMENT_IDS));
  }

  private static String str(Group g, String field) {
    if (!g.getType().containsField(field) || g.getFieldRepetitionCount(field) == 0) return null;
    return g.getString(field, 0);
  }

  static int[] ints(Group g, String field) {
    if (g.getFieldRepetitionCount(field) == 0) return new int[0];
    Type t = g.getType().getType(field);
    if (t.isPrimitive()) { // repeated int32 field
      int n = g.getFieldRepetitionCount(field);
      int[] out = new int[n];
      for (int i = 0; i < n; i++) out[i] = g.getInteger(field, i);
      return out;
    }
    Group list = g.getGroup(field, 0);
    GroupType lt = list.getType();
    if (lt.getFieldCount() == 0) return new int[0];
    int n = list.getFieldRepetitionCount(0);
    int[] out = new int[n];
    Type rep = lt.getType(0);
    for (int i = 0; i < n; i++) {
      if (rep.isPrimitive()) {
        out[i] = list.getInteger(0, i); // two-level: repeated int32 element
      } else {
        Group el = list.getGroup(0, i);
        if (el.getFieldRepetitionCount(0) == 0) {
          throw new IllegalArgumentException("null element in " + field + " at index " + i);
        }
        out[i] = el.getInteger(0, 0);
      }
    }
    return out;
  }

  private void closeFile() {
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        file = null;
        records = null;
        leftInGroup = 0;
      }
    }
  }

  @Override
  public void close() {
    closeFile();
  }
}
