package feedline.jobs.collect;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Columns of the {@code documents} table, the shape every later stage starts from. */
public final class DocumentsSchema {
  public static final StructType SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("uri", DataTypes.StringType, false)
      .add("record_key", DataTypes.StringType, false)
      .add("format", DataTypes.StringType, false)
      .add("charset", DataTypes.StringType, true)
      .add("lang", DataTypes.StringType, true)
      .add("text", DataTypes.StringType, false)
      .add("chars", DataTypes.IntegerType, false)
      .add("original_chars", DataTypes.IntegerType, false)
      .add("control_chars_removed", DataTypes.IntegerType, false)
      .add("undecodable_bytes", DataTypes.LongType, false)
      .add("sha256", DataTypes.StringType, false)
      .add("file_sha256", DataTypes.StringType, false)
      .add("file_size", DataTypes.LongType, false)
      .add("fields", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
      .add("collected_at", DataTypes.TimestampType, false)
      .add("run_id", DataTypes.StringType, false);

  /** The files already collected, for incremental runs. */
  public static final StructType COLLECTED_FILES = new StructType()
      .add("uri", DataTypes.StringType, false)
      .add("file_size", DataTypes.LongType, false)
      .add("file_sha256", DataTypes.StringType, false)
      .add("modified_at", DataTypes.TimestampType, true)
      .add("run_id", DataTypes.StringType, false);

  private DocumentsSchema() {}
}
