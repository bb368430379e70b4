package feedline.jobs.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a stage produces, not yet written.
 *
 * @param kept rows for the output table
 * @param dropped removed rows: the input columns plus {@code drop_reason}, {@code drop_detail} and
 *     {@code survivor_id} (see {@link Drops})
 * @param quarantined rows in the {@link Quarantine#SCHEMA} shape
 * @param extraTables further tables committed with the run (e.g. {@code dedup_clusters}); not counted
 * @param inCount rows the stage consumed, or -1 to let the runner count its input
 * @param details numbers for the report (per-rule counts, histograms ...), JSON-serializable values
 * @param layout how the kept rows are written, or null for a plain table (see {@link KeptLayout})
 */
public record StageOutput(
    Dataset<Row> kept,
    Dataset<Row> dropped,
    Dataset<Row> quarantined,
    Map<String, Dataset<Row>> extraTables,
    long inCount,
    Map<String, Object> details,
    KeptLayout layout) {

  public StageOutput(Dataset<Row> kept, Dataset<Row> dropped, Dataset<Row> quarantined,
      Map<String, Dataset<Row>> extraTables, long inCount, Map<String, Object> details) {
    this(kept, dropped, quarantined, extraTables, inCount, details, null);
  }

  public StageOutput {
    extraTables = new LinkedHashMap<>(extraTables == null ? Map.of() : extraTables);
    details = new LinkedHashMap<>(details == null ? Map.of() : details);
  }
}
