package feedline.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import feedline.common.dedup.Jaccard;
import feedline.common.dedup.PlantedCorpus;
import feedline.common.dedup.Shingler;
import feedline.jobs.spark.PartitionIterators;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The dedup benchmark's comparison: the same corpus through Spark MLlib the way a Spark user would
 * first try it. The stage's own shingles (same normalization and n) become tokens, {@code HashingTF}
 * (binary, 2^24 features) turns them into sparse binary vectors, {@code MinHashLSH} with the given
 * number of hash tables is fitted, and {@code approxSimilarityJoin(df, df, 1 - threshold)} gives the
 * pairs, written to Parquet so that all the work is done and timed. Texts without shingles are left
 * out (MinHashLSH rejects empty vectors). Precision and recall are measured on the first
 * {@code sample} documents against the exact Jaccard of the stage's shingle sets.
 */
final class MllibComparison {
  /** 2^24 hashed features: collisions among a document's ~1,000 shingles are negligible. */
  static final int FEATURES = 1 << 24;

  private static final StructType TOKENS = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("shingles", DataTypes.createArrayType(DataTypes.StringType, false), false);

  record Result(double wallSeconds, double cpuSeconds, long pairs, long samplePairs, long sampleTrue, long truth) {
    double precision() {
      return samplePairs == 0 ? 1.0 : (double) sampleTrue / samplePairs;
    }

    double recall() {
      return truth == 0 ? 1.0 : (double) sampleTrue / truth;
    }
  }

  private MllibComparison() {}

  /** The stage's shingle hashes of each text as string tokens. */
  static final class ShingleTokens implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Shingler shingler;

    ShingleTokens(Shingler shingler) {
      this.shingler = shingler;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return PartitionIterators.map(rows, r -> {
        String text = r.isNullAt(1) ? "" : r.getString(1);
        long[] hashes = shingler.shingle(text).hashes();
        List<String> tokens = new ArrayList<>(hashes.length);
        for (long h : hashes) tokens.add(Long.toHexString(h));
        return RowFactory.create(r.getString(0), scala.jdk.javaapi.CollectionConverters.asScala(tokens).toSeq());
      });
    }
  }

  static Result run(SparkSession spark, String corpusPath, String pairsPath, DedupConfig cfg, int tables, long seed,
      long sample) {
    long cpu0 = DedupBenchmark.processCpuNanos();
    long t0 = System.nanoTime();
    Dataset<Row> tokens = spark.read().parquet(corpusPath).select("doc_id", "text")
        .mapPartitions(new ShingleTokens(cfg.shingler()), Encoders.row(TOKENS))
        .filter(size(col("shingles")).gt(0));
    Dataset<Row> vectors = new HashingTF().setInputCol("shingles").setOutputCol("features").setBinary(true)
        .setNumFeatures(FEATURES).transform(tokens).select("doc_id", "features");
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables).setSeed(seed).setInputCol("features")
        .setOutputCol("hashes").fit(vectors);
    Dataset<Row> hashed = model.transform(vectors).persist();
    model.approxSimilarityJoin(hashed, hashed, 1.0 - cfg.threshold(), "distance")
        .select(col("datasetA.doc_id").as("doc_a"), col("datasetB.doc_id").as("doc_b"), col("distance"))
        .filter(col("doc_a").lt(col("doc_b")))
        .write().mode(SaveMode.Overwrite).parquet(pairsPath);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (DedupBenchmark.processCpuNanos() - cpu0) / 1e9;
    hashed.unpersist();

    Dataset<Row> pairs = spark.read().parquet(pairsPath);
    long all = pairs.count();
    String last = String.format("d%09d", sample - 1);
    Set<String> found = new HashSet<>();
    for (Row r : pairs.filter(col("doc_a").leq(last).and(col("doc_b").leq(last))).select("doc_a", "doc_b").collectAsList()) {
      found.add(r.getString(0) + "|" + r.getString(1));
    }
    PlantedCorpus corpus = new PlantedCorpus(seed);
    Shingler shingler = cfg.shingler();
    int s = (int) sample;
    long[][] sets = new long[s][];
    String[] ids = new String[s];
    for (int i = 0; i < s; i++) {
      PlantedCorpus.Doc d = corpus.doc(i);
      ids[i] = String.format("d%09d", d.id());
      sets[i] = shingler.shingle(d.text()).hashes();
    }
    long truth = 0;
    long both = 0;
    for (int i = 0; i < s; i++) {
      for (int j = i + 1; j < s; j++) {
        boolean t = Jaccard.similarity(sets[i], sets[j]) >= cfg.threshold() || (sets[i].length == 0 && sets[j].length == 0);
        if (t) truth++;
        if (t && found.contains(ids[i] + "|" + ids[j])) both++;
      }
    }
    System.out.printf("MLlib MinHashLSH (%d tables, HashingTF 2^24 binary): %.1f s wall, %.1f s CPU, %d pairs; sample: %d pairs"
        + " found, %d true, %d true pairs in all%n", tables, wall, cpu, all, found.size(), both, truth);
    return new Result(wall, cpu, all, found.size(), both, truth);
  }
}
