package feedline.jobs;

import com.typesafe.config.Config;
import feedline.common.config.ConfigLoader;
import feedline.jobs.lake.Lake;
import feedline.jobs.stage.Stage;
import feedline.jobs.stage.StageContext;
import feedline.jobs.stage.StageResult;
import feedline.jobs.stage.StageRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base for Spark tests: the shared local session, a fresh lake per test and stage helpers. */
public abstract class SparkTestBase {
  protected SparkSession spark;

  @TempDir
  protected Path tmp;

  @BeforeEach
  void startSpark() {
    spark = SharedSpark.get();
  }

  /** The lake root of this test. */
  protected String lakeRoot() {
    return tmp.resolve("lake").toUri().toString();
  }

  /** Reference config plus {@code key=value} overrides, with the lake in this test's temp dir. */
  protected Config config(String... overrides) {
    List<String> all = new ArrayList<>();
    all.add("feedline.lake.root=" + lakeRoot());
    all.addAll(Arrays.asList(overrides));
    return ConfigLoader.load(null, all);
  }

  /**
   * Commits {@code input} as the stage's input table in a fresh run of this test's lake, runs the
   * stage there with the given overrides (strict accounting) and returns the committed result; read
   * outputs with {@link #output}.
   */
  protected StageResult runStage(Stage stage, Dataset<Row> input, String runId, String... overrides) {
    Config c = config(overrides);
    Lake lake = new Lake(lakeRoot(), spark.sparkContext().hadoopConfiguration());
    if (stage.inputTable() != null) {
      String tmpPath = lake.tmpPath(runId, "input-" + stage.inputTable());
      input.write().mode(SaveMode.Overwrite).parquet(tmpPath);
      lake.commit(tmpPath, lake.tablePath(stage.inputTable(), runId));
    }
    return new StageRunner(true).runInLake(stage, new StageContext(spark, c, runId, lake));
  }

  protected StageResult runStage(Stage stage, Dataset<Row> input, String... overrides) {
    return runStage(stage, input, "test-run", overrides);
  }

  /** A committed output of a stage result: the output table name, "drops", "quarantine" or an extra table. */
  protected Dataset<Row> output(StageResult r, String name) {
    String path = r.outputs().get(name);
    if (path == null) throw new IllegalArgumentException("no output " + name + " in " + r.outputs().keySet());
    return spark.read().parquet(path);
  }

  /** Rows with doc_id, source and text from (id, text) pairs. */
  protected Dataset<Row> texts(String... idThenText) {
    StructType schema = new StructType().add("doc_id", DataTypes.StringType, false)
        .add("source", DataTypes.StringType, true).add("text", DataTypes.StringType, true);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i + 1 < idThenText.length; i += 2) rows.add(RowFactory.create(idThenText[i], "test", idThenText[i + 1]));
    return spark.createDataFrame(rows, schema);
  }
}
