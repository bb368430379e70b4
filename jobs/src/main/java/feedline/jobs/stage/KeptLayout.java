package feedline.jobs.stage;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a stage's kept output is written when it is not a plain table: a folder partitioned by
 * columns (e.g. {@code split=train/}), with writer options (e.g. {@code maxRecordsPerFile}). The
 * output then always stays a folder, also for a file-to-file run ({@code --output DIR}).
 *
 * @param partitionBy columns that become folders
 * @param writeOptions Spark writer options
 * @param inputIdsColumn an array column naming the input rows each kept row came from; when set,
 *     the accounting counts distinct input ids instead of rows (for stages whose rows are not one
 *     per input, such as packing or splitting); null to count rows
 * @param beforeCommit called with the written folder after the accounting balanced and before it is
 *     committed, e.g. to add a dataset card; may be null
 */
public record KeptLayout(
    List<String> partitionBy,
    Map<String, String> writeOptions,
    String inputIdsColumn,
    Consumer<String> beforeCommit) {

  public KeptLayout {
    partitionBy = List.copyOf(partitionBy);
    writeOptions = Map.copyOf(writeOptions);
  }
}
