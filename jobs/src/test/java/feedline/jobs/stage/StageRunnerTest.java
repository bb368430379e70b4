package feedline.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.jobs.SparkTestBase;
import feedline.jobs.lake.Lake;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class StageRunnerTest extends SparkTestBase {

  /** Keeps rows longer than 3 chars, drops the rest with a reason, quarantines null text. */
  static class FilterStage implements Stage {
    private final boolean loseOne;

    FilterStage(boolean loseOne) {
      this.loseOne = loseOne;
    }

    @Override
    public String name() {
      return "filter";
    }

    @Override
    public String inputTable() {
      return "documents";
    }

    @Override
    public String outputTable() {
      return "documents_filtered";
    }

    @Override
    public StageOutput run(StageContext ctx, Dataset<Row> input) {
      Dataset<Row> kept = input.filter(col("text").isNotNull().and(org.apache.spark.sql.functions.length(col("text")).gt(3)));
      if (loseOne) kept = kept.filter(col("doc_id").notEqual("b"));
      Dataset<Row> dropped = Drops.of(input.filter(org.apache.spark.sql.functions.length(col("text")).leq(3)),
          lit("too_short"), lit("3 chars or fewer"));
      Dataset<Row> quarantined = input.filter(col("text").isNull()).select(lit("filter").as("stage"),
          lit(null).cast("string").as("source_uri"), col("doc_id"), lit(null).cast("string").as("record_key"),
          lit("null_text").as("reason"), lit("text is null").as("detail"), lit(null).cast("string").as("payload"),
          lit(ctx.runId()).as("run_id"));
      return new StageOutput(kept, dropped, quarantined, Map.of(), -1, Map.of("rule", "length > 3"));
    }
  }

  @Test
  void balancedStageCommitsAndCountsWhatWasWritten() {
    StageResult r = runStage(new FilterStage(false), texts("a", "long enough", "b", "also long", "c", "no", "d", null));
    assertThat(r.in()).isEqualTo(4);
    assertThat(r.out()).isEqualTo(2);
    assertThat(r.dropped()).isEqualTo(1);
    assertThat(r.quarantined()).isEqualTo(1);
    assertThat(r.dropReasons()).containsExactly(Map.entry("too_short", 1L));
    assertThat(r.quarantineReasons()).containsExactly(Map.entry("null_text", 1L));
    assertThat(output(r, "drops").first().<String>getAs(Drops.REASON)).isEqualTo("too_short");
    Lake lake = new Lake(lakeRoot(), spark.sparkContext().hadoopConfiguration());
    assertThat(lake.isCommitted("documents_filtered", "test-run")).isTrue();
    assertThat(lake.isCommitted("quarantine/filter", "test-run")).isTrue();
  }

  @Test
  void stageThatLosesRowsFailsLoudlyAndCommitsNothing() {
    assertThatThrownBy(() -> runStage(new FilterStage(true), texts("a", "long enough", "b", "also long", "c", "no")))
        .isInstanceOf(AccountingException.class)
        .hasMessageContaining("filter").hasMessageContaining("in=3").hasMessageContaining("out=1");
    Lake lake = new Lake(lakeRoot(), spark.sparkContext().hadoopConfiguration());
    assertThat(lake.isCommitted("documents_filtered", "test-run")).isFalse();
    assertThat(lake.exists(lake.tablePath("documents_filtered", "test-run"))).isFalse();
  }

  /** Writes its kept rows partitioned by a column, like build's split folders. */
  static class PartitionedStage extends FilterStage {
    PartitionedStage() {
      super(false);
    }

    @Override
    public StageOutput run(StageContext ctx, Dataset<Row> input) {
      StageOutput o = super.run(ctx, input);
      return new StageOutput(o.kept().withColumn("part", lit("p")), o.dropped(), o.quarantined(), Map.of(), -1,
          Map.of(), new KeptLayout(java.util.List.of("part"), Map.of(), null, null));
    }
  }

  @Test
  void emptyInputCommitsAnEmptyPartitionedOutput() {
    StageResult r = runStage(new PartitionedStage(), texts("a", "x").filter(lit(false)), "empty-run", new String[0]);
    assertThat(r.in()).isZero();
    assertThat(r.out()).isZero();
    Lake lake = new Lake(lakeRoot(), spark.sparkContext().hadoopConfiguration());
    assertThat(lake.isCommitted("documents_filtered", "empty-run")).isTrue();
  }

  @Test
  void missingInputColumnIsNamed() {
    Dataset<Row> noText = texts("a", "x").drop("text");
    assertThatThrownBy(() -> runStage(new FilterStage(false), noText)).hasMessageContaining("needs column 'text'");
  }
}
