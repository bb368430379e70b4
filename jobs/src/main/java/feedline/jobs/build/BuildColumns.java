package feedline.jobs.build;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Column names and schemas of the build stage's intermediate and output rows. */
final class BuildColumns {
  private BuildColumns() {}

  // helper columns added to the input rows
  static final String KEY = "_build_key";
  static final String GROUP = "_build_group";
  static final String SOURCE = "_build_source";
  static final String JSON = "_build_json";

  // result columns appended by BuildPartition
  static final String SPLIT = "split";
  static final String KIND = "_build_kind";
  static final String REASON = "_build_reason";
  static final String DETAIL = "_build_detail";
  static final String SHAPE = "_build_shape";
  static final String FIXES = "_build_fixes";
  static final String FULL_TOKENS = "_build_full_tokens";
  static final String TRUNCATED = "_build_truncated";
  static final String WAS_SPLIT = "_build_was_split";
  static final String UNKNOWN = "_build_unknown";
  static final String PIECES = "_build_pieces";

  static final String KEPT = "kept";
  static final String DROPPED = "dropped";
  static final String QUARANTINED = "quarantined";

  static final StructType PIECE = new StructType()
      .add("example_id", DataTypes.StringType, false)
      .add("input_ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("labels", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  static final StructType RESULT = new StructType()
      .add(SPLIT, DataTypes.StringType, true)
      .add(KIND, DataTypes.StringType, false)
      .add(REASON, DataTypes.StringType, true)
      .add(DETAIL, DataTypes.StringType, true)
      .add(SHAPE, DataTypes.StringType, true)
      .add(FIXES, DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add(FULL_TOKENS, DataTypes.IntegerType, false)
      .add(TRUNCATED, DataTypes.BooleanType, false)
      .add(WAS_SPLIT, DataTypes.BooleanType, false)
      .add(UNKNOWN, DataTypes.IntegerType, false)
      .add(PIECES, DataTypes.createArrayType(PIECE, false), false);

  /** Doc ids of the inputs a shard row came from (accounting and tracing). */
  static final String DOC_IDS = "doc_ids";

  /** The shard rows (the split column becomes the folder). */
  static final StructType SHARD = new StructType()
      .add("example_id", DataTypes.StringType, false)
      .add("group_id", DataTypes.StringType, true)
      .add("source", DataTypes.StringType, true)
      .add("input_ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("labels", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("position_ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("segment_ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("num_tokens", DataTypes.IntegerType, false)
      .add(DOC_IDS, DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add(SPLIT, DataTypes.StringType, false);
}
