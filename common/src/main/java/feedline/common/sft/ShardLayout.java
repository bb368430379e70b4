package feedline.common.sft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The on-disk layout of a tokenized dataset, shared by the build stage (writer) and the trainer
 * (reader):
 * <pre>
 * DIR/split=train/part-*.parquet
 * DIR/split=validation/part-*.parquet
 * DIR/split=test/part-*.parquet
 * DIR/dataset_card.json
 * DIR/dataset_card.md
 * </pre>
 * Columns: {@code example_id} string, {@code group_id} string, {@code source} string,
 * {@code input_ids}, {@code labels}, {@code position_ids}, {@code segment_ids} list&lt;int32&gt;,
 * {@code num_tokens} int32. The split is the folder name. Further columns may be present and are
 * ignored by the reader.
 */
public final class ShardLayout {
  private ShardLayout() {}

  public static final String TRAIN = "train";
  public static final String VALIDATION = "validation";
  public static final String TEST = "test";
  public static final List<String> SPLITS = List.of(TRAIN, VALIDATION, TEST);

  public static final String EXAMPLE_ID = "example_id";
  public static final String GROUP_ID = "group_id";
  public static final String SOURCE = "source";
  public static final String INPUT_IDS = "input_ids";
  public static final String LABELS = "labels";
  public static final String POSITION_IDS = "position_ids";
  public static final String SEGMENT_IDS = "segment_ids";
  public static final String NUM_TOKENS = "num_tokens";

  public static final String CARD_JSON = "dataset_card.json";
  public static final String CARD_MD = "dataset_card.md";

  /** The Parquet schema {@link ShardWriter} writes (the same list layout Spark writes). */
  public static final MessageType SCHEMA = Types.buildMessage()
      .addField(string(EXAMPLE_ID, Type.Repetition.REQUIRED))
      .addField(string(GROUP_ID, Type.Repetition.OPTIONAL))
      .addField(string(SOURCE, Type.Repetition.OPTIONAL))
      .addField(intList(INPUT_IDS))
      .addField(intList(LABELS))
      .addField(intList(POSITION_IDS))
      .addField(intList(SEGMENT_IDS))
      .addField(Types.required(PrimitiveTypeName.INT32).named(NUM_TOKENS))
      .named("tokenized_example");

  private static Type string(String name, Type.Repetition rep) {
    return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
  }

  private static Type intList(String name) {
    return Types.optionalList().requiredElement(PrimitiveTypeName.INT32).named(name);
  }

  public static void checkSplit(String split) {
    if (!SPLITS.contains(split)) {
      throw new IllegalArgumentException("unknown split '" + split + "'; allowed: " + SPLITS);
    }
  }

  public static Path splitDir(Path dir, String split) {
    checkSplit(split);
    return dir.resolve("split=" + split);
  }

  /**
   * The shards of one split, sorted by file name: {@code part-*.parquet} files (hidden files,
   * checksums and markers are skipped). Empty when the split has no folder.
   */
  public static List<Path> shards(Path dir, String split) {
    Path d = splitDir(dir, split);
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(d)) return out;
    try (Stream<Path> files = Files.list(d)) {
      files.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("part-") && n.endsWith(".parquet") && Files.isRegularFile(p);
      }).sorted().forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list shards in " + d + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Splits that have at least one shard, in {@link #SPLITS} order. */
  public static List<String> splits(Path dir) {
    return SPLITS.stream().filter(s -> !shards(dir, s).isEmpty()).toList();
  }
}
