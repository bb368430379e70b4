package feedline.jobs.build;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import feedline.common.sft.ChatTemplate;
import feedline.common.sft.SftTokenizer;
import feedline.common.sft.TemplateResolver;
import feedline.common.sft.TokenizedExample;
import feedline.common.sft.TokenizerFiles;
import feedline.common.text.Hashing;
import feedline.jobs.stage.Drops;
import feedline.jobs.stage.KeptLayout;
import feedline.jobs.stage.Quarantine;
import feedline.jobs.stage.Stage;
import feedline.jobs.stage.StageContext;
import feedline.jobs.stage.StageOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * build: rows (alpaca, sharegpt, OpenAI messages, question/answer, plain text) into tokenized,
 * split Parquet shards for the trainer, in the {@link feedline.common.sft.ShardLayout}, with a
 * dataset card beside them. The per-row work is {@link feedline.common.sft.RowBuilder}; this class
 * wires it over partitions, packs, splits and writes.
 *
 * <p>Accounting is per input row: each lands in the shards (one or more rows, listed in their
 * {@code doc_ids}), in drops (removed by rule) or in quarantine (not of the configured shape).
 */
public final class BuildStage implements Stage {
  public static final String NAME = "build";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String inputTable() {
    return "augmented";
  }

  @Override
  public String outputTable() {
    return "sft";
  }

  @Override
  public List<String> requiredColumns() {
    return List.of();
  }

  @Override
  public StageOutput run(StageContext ctx, Dataset<Row> input) {
    BuildSettings bs = BuildSettings.from(ctx.config());
    Path modelDir = modelDir(bs.tokenizer());
    TokenizerFiles files = TokenizerFiles.read(modelDir);
    ChatTemplate template;
    try (SftTokenizer tok = SftTokenizer.load(modelDir)) {
      template = TemplateResolver.resolve(files, tok, bs.templateSource(), bs.templateFamily());
    }
    byte[] tokenizerJson;
    try {
      tokenizerJson = Files.readAllBytes(modelDir.resolve("tokenizer.json"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + modelDir.resolve("tokenizer.json") + ": " + e.getMessage(), e);
    }
    String rendered = BuildSettings.render(ctx.config());
    String key = Hashing.sha256(rendered + "\n" + files.tokenizerSha256() + "\n" + template.name() + "\n" + template.source());
    Broadcast<BuildResources> bc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext())
        .broadcast(new BuildResources(key, tokenizerJson, rendered, template, files));

    // input rows with a unique key, the split group, the source and the row as JSON
    List<String> cols = Arrays.asList(input.columns());
    Dataset<Row> in = input;
    if (!cols.contains("doc_id")) {
      in = in.withColumn("doc_id", substring(sha2(to_json(struct(cols.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new))), 256), 1, 16));
    } else {
      in = in.withColumn("doc_id", col("doc_id").cast(DataTypes.StringType));
    }
    List<String> inCols = Arrays.asList(in.columns());
    Column[] all = inCols.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new);
    in = in.withColumn(BuildColumns.JSON, to_json(struct(all)));
    in = in.withColumn("_build_rn", row_number().over(Window.partitionBy(col("doc_id")).orderBy(col(BuildColumns.JSON))))
        .withColumn(BuildColumns.KEY, when(col("_build_rn").equalTo(1), col("doc_id"))
            .otherwise(concat(col("doc_id"), lit("~"), col("_build_rn").cast(DataTypes.StringType))))
        .drop("_build_rn");
    List<Column> groupCols = new ArrayList<>();
    for (String g : bs.groupColumns()) if (inCols.contains(g)) groupCols.add(col("`" + g + "`").cast(DataTypes.StringType));
    groupCols.add(col(BuildColumns.KEY));
    in = in.withColumn(BuildColumns.GROUP, coalesce(groupCols.toArray(new Column[0])));
    in = in.withColumn(BuildColumns.SOURCE, inCols.contains("source")
        ? coalesce(col("source").cast(DataTypes.StringType), lit(bs.defaultSource())) : lit(bs.defaultSource()));

    StructType inSchema = in.schema();
    StructType resultSchema = inSchema;
    for (StructField f : BuildColumns.RESULT.fields()) resultSchema = resultSchema.add(f);
    Dataset<Row> result = ctx.persist(in.mapPartitions(new BuildPartition(bc, inSchema.fieldIndex(BuildColumns.KEY),
        inSchema.fieldIndex(BuildColumns.GROUP), inSchema.fieldIndex(BuildColumns.SOURCE), inSchema.fieldIndex(BuildColumns.JSON)),
        Encoders.row(resultSchema)));

    Dataset<Row> pieces = result.filter(col(BuildColumns.KIND).equalTo(BuildColumns.KEPT))
        .select(col(BuildColumns.KEY), col(BuildColumns.GROUP), col(BuildColumns.SOURCE), col(BuildColumns.SPLIT),
            explode(col(BuildColumns.PIECES)).as("p"))
        .select(col("p.example_id").as("example_id"), col(BuildColumns.GROUP).as("group_id"), col(BuildColumns.SOURCE).as("source"),
            col(BuildColumns.SPLIT).as("split"), col("p.input_ids").as("input_ids"), col("p.labels").as("labels"),
            array(col(BuildColumns.KEY)).as(BuildColumns.DOC_IDS));
    pieces = ctx.persist(pieces);

    Dataset<Row> rows;
    if (bs.packing()) {
      Dataset<Row> bucketed = pieces.withColumn("bucket", pmod(xxhash64(col("example_id")), lit(bs.packingBuckets())).cast(DataTypes.IntegerType))
          .select(col("example_id"), col("group_id"), col("source"), col("split"), col("input_ids"), col("labels"),
              col(BuildColumns.DOC_IDS), col("bucket"))
          .repartition(Math.max(1, Math.min(bs.packingBuckets() * 3, 200)), col("split"), col("bucket"))
          .sortWithinPartitions(col("split"), col("bucket"), col("example_id"));
      rows = bucketed.mapPartitions(new PackPartition(bs.encode().maxTokens()), Encoders.row(BuildColumns.SHARD));
    } else {
      rows = pieces.withColumn("num_tokens", size(col("input_ids")))
          .withColumn("position_ids", sequence(lit(0), col("num_tokens").minus(1)))
          .withColumn("segment_ids", array_repeat(lit(0), col("num_tokens")));
    }
    Column[] shardCols = Arrays.stream(BuildColumns.SHARD.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> shards = rows.select(shardCols)
        .repartitionByRange(bs.shardPartitions(), col("split"), col("example_id"))
        .sortWithinPartitions(col("split"), col("example_id"));

    Column[] original = inCols.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new);
    Dataset<Row> dropped = Drops.of(result.filter(col(BuildColumns.KIND).equalTo(BuildColumns.DROPPED)).select(
        concatCols(original, col(BuildColumns.REASON), col(BuildColumns.DETAIL))), col(BuildColumns.REASON), col(BuildColumns.DETAIL))
        .drop(BuildColumns.REASON, BuildColumns.DETAIL);
    Dataset<Row> quarantined = result.filter(col(BuildColumns.KIND).equalTo(BuildColumns.QUARANTINED)).select(
        lit(NAME).as("stage"),
        (inCols.contains("source_uri") ? col("source_uri").cast(DataTypes.StringType) : lit(null).cast(DataTypes.StringType)).as("source_uri"),
        col("doc_id"), col(BuildColumns.KEY).as("record_key"), col(BuildColumns.REASON).as("reason"),
        col(BuildColumns.DETAIL).as("detail"), substring(col(BuildColumns.JSON), 1, Quarantine.MAX_PAYLOAD_CHARS).as("payload"),
        lit(ctx.runId()).as("run_id"));

    BuildReport report = BuildReport.of(result, pieces, bs);
    Map<String, Object> details = new LinkedHashMap<>(report.details());
    AtomicReference<Map<String, Object>> detailsRef = new AtomicReference<>();
    KeptLayout layout = new KeptLayout(List.of("split"), Map.of("maxRecordsPerFile", String.valueOf(bs.shardMaxRows())),
        BuildColumns.DOC_IDS, tmp -> {
          Map<String, Object> card = BuildCardWriter.write(ctx.spark(), tmp, ctx.runId(), bs, modelDir, files, template, report);
          if (detailsRef.get() != null) detailsRef.get().putAll(card);
        });
    StageOutput out = new StageOutput(shards, dropped, quarantined, Map.of(), -1, details, layout);
    detailsRef.set(out.details());
    return out;
  }

  private static Column[] concatCols(Column[] a, Column... b) {
    Column[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A shard row ({@link BuildColumns#SHARD}) from an example and the doc ids it came from. */
  static Row shardRow(TokenizedExample e, List<String> docIds) {
    return RowFactory.create(e.exampleId(), e.groupId(), e.source(), e.inputIds(), e.labels(), e.positionIds(), e.segmentIds(),
        e.numTokens(), docIds.toArray(new String[0]), e.split());
  }

  static Path modelDir(String tokenizer) {
    Path p = tokenizer.startsWith("file:") ? Path.of(java.net.URI.create(tokenizer)) : Path.of(tokenizer);
    if (Files.isRegularFile(p) && p.getFileName().toString().equals("tokenizer.json")) p = p.getParent();
    if (!Files.isDirectory(p)) {
      throw new feedline.common.config.ConfigError(BuildSettings.SECTION + ".tokenizer", tokenizer,
          "a local model folder holding tokenizer.json (it does not exist)");
    }
    return p.toAbsolutePath();
  }
}
