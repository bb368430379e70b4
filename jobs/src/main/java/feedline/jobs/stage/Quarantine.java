package feedline.jobs.stage;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The quarantine table: input that could not be processed, with its reason; nothing is lost without a trace. */
public final class Quarantine {
  public static final StructType SCHEMA = new StructType()
      .add("stage", DataTypes.StringType, false)
      .add("source_uri", DataTypes.StringType, true)
      .add("doc_id", DataTypes.StringType, true)
      .add("record_key", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, true)
      .add("payload", DataTypes.StringType, true)
      .add("run_id", DataTypes.StringType, false);

  /** Payloads above this many characters are cut, with the cut noted, to keep the table usable. */
  public static final int MAX_PAYLOAD_CHARS = 1 << 20;

  private Quarantine() {}

  public static Dataset<Row> empty(SparkSession spark) {
    return spark.createDataFrame(java.util.List.of(), SCHEMA);
  }

  /** The quarantine columns in order, for {@code select}. */
  public static org.apache.spark.sql.Column[] columnsOf() {
    return java.util.Arrays.stream(SCHEMA.fieldNames()).map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  public static String cap(String payload) {
    if (payload == null || payload.length() <= MAX_PAYLOAD_CHARS) return payload;
    return payload.substring(0, MAX_PAYLOAD_CHARS) + "...[cut at " + MAX_PAYLOAD_CHARS + " of " + payload.length() + " chars]";
  }
}
