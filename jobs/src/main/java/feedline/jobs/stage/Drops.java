package feedline.jobs.stage;

import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** The drops shape: the removed row's own columns plus why it was removed. */
public final class Drops {
  public static final String REASON = "drop_reason";
  public static final String DETAIL = "drop_detail";
  public static final String SURVIVOR = "survivor_id";

  private Drops() {}

  /** Marks rows as dropped with a reason and detail column (and no survivor). */
  public static Dataset<Row> of(Dataset<Row> rows, Column reason, Column detail) {
    return of(rows, reason, detail, lit(null).cast(DataTypes.StringType));
  }

  public static Dataset<Row> of(Dataset<Row> rows, Column reason, Column detail, Column survivorId) {
    return rows.withColumn(REASON, reason.cast(DataTypes.StringType))
        .withColumn(DETAIL, detail.cast(DataTypes.StringType))
        .withColumn(SURVIVOR, survivorId.cast(DataTypes.StringType));
  }

  /** An empty drops dataset for a stage that never drops. */
  public static Dataset<Row> none(Dataset<Row> like) {
    return of(like.limit(0), lit(null), lit(null));
  }
}
