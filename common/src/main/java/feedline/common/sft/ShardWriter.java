package feedline.common.sft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes tokenized shards in the {@link ShardLayout} without Spark: for tests, small datasets and
 * tools. The Spark build stage writes the same columns with the same list layout.
 */
public final class ShardWriter implements AutoCloseable {
  private final Path file;
  private final ParquetWriter<Group> writer;
  private final SimpleGroupFactory groups = new SimpleGroupFactory(ShardLayout.SCHEMA);
  private long rows;

  /** Default row group size: small enough to stream, large enough to compress well. */
  public static final long DEFAULT_ROW_GROUP_BYTES = 32L << 20;

  private ShardWriter(Path file, long rowGroupBytes) {
    this.file = file;
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      this.writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
          .withType(ShardLayout.SCHEMA)
          .withCompressionCodec(CompressionCodecName.SNAPPY)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .withRowGroupSize(rowGroupBytes)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create shard " + file + ": " + e.getMessage(), e);
    }
  }

  /** A writer of one shard file (replaced if it exists). */
  public static ShardWriter open(Path file) {
    return new ShardWriter(file, DEFAULT_ROW_GROUP_BYTES);
  }

  /** A writer of one shard file with row groups of about {@code rowGroupBytes}. */
  public static ShardWriter open(Path file, long rowGroupBytes) {
    return new ShardWriter(file, rowGroupBytes);
  }

  public void write(TokenizedExample e) {
    Group g = groups.newGroup();
    g.append(ShardLayout.EXAMPLE_ID, e.exampleId());
    if (e.groupId() != null) g.append(ShardLayout.GROUP_ID, e.groupId());
    if (e.source() != null) g.append(ShardLayout.SOURCE, e.source());
    list(g, ShardLayout.INPUT_IDS, e.inputIds());
    list(g, ShardLayout.LABELS, e.labels());
    list(g, ShardLayout.POSITION_IDS, e.positionIds());
    list(g, ShardLayout.SEGMENT_IDS, e.segmentIds());
    g.append(ShardLayout.NUM_TOKENS, e.numTokens());
    try {
      writer.write(g);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write to shard " + file + ": " + ex.getMessage(), ex);
    }
    rows++;
  }

  private static void list(Group g, String field, int[] values) {
    Group l = g.addGroup(field);
    for (int v : values) l.addGroup("list").append("element", v);
  }

  public long rows() {
    return rows;
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close shard " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes examples into {@code DIR/split=<split>/part-NNNNN.parquet}, at most {@code rowsPerShard}
   * rows a shard, keeping the given order within each split. Each example's split names its folder.
   *
   * @return the shards written, per split
   */
  public static Map<String, List<Path>> writeDataset(Path dir, Iterable<TokenizedExample> examples, int rowsPerShard) {
    if (rowsPerShard < 1) throw new IllegalArgumentException("rowsPerShard must be at least 1, got " + rowsPerShard);
    Map<String, List<TokenizedExample>> bySplit = new LinkedHashMap<>();
    for (TokenizedExample e : examples) {
      ShardLayout.checkSplit(e.split());
      bySplit.computeIfAbsent(e.split(), k -> new ArrayList<>()).add(e);
    }
    Map<String, List<Path>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<TokenizedExample>> s : bySplit.entrySet()) {
      List<Path> files = new ArrayList<>();
      List<TokenizedExample> rows = s.getValue();
      for (int start = 0, part = 0; start < rows.size(); start += rowsPerShard, part++) {
        Path f = ShardLayout.splitDir(dir, s.getKey()).resolve(String.format("part-%05d.parquet", part));
        try (ShardWriter w = open(f)) {
          for (TokenizedExample e : rows.subList(start, Math.min(rows.size(), start + rowsPerShard))) w.write(e);
        }
        files.add(f);
      }
      out.put(s.getKey(), files);
    }
    return out;
  }
}
