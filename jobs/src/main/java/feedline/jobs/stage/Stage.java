package feedline.jobs.stage;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One pipeline stage: a name, the table it reads, the table it writes, and a transform. A stage
 * never writes anything itself: the {@link StageRunner} writes its outputs to temporary folders,
 * commits them by rename, reads the row counts back and checks the accounting
 * {@code in = out + dropped + quarantined}.
 */
public interface Stage {
  /** Stage name, also the config section {@code feedline.<name>} and the command line verb. */
  String name();

  /** Lake table this stage reads, or null for a stage that reads raw files (collect). */
  String inputTable();

  /** Lake table this stage writes. */
  String outputTable();

  /**
   * Extra outputs a single-stage command line run can write to files, as option name to extra
   * table name, e.g. {@code clusters -> dedup_clusters} gives {@code --clusters PATH}.
   */
  default Map<String, String> cliOutputs() {
    return Map.of();
  }

  /** Columns the stage needs in its input (checked before {@link #run}). */
  default List<String> requiredColumns() {
    return List.of("doc_id", "text");
  }

  /** The transform. {@code input} is null for collect. */
  StageOutput run(StageContext ctx, Dataset<Row> input);
}
