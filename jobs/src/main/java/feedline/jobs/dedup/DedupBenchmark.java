package feedline.jobs.dedup;

import com.typesafe.config.Config;
import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import feedline.common.dedup.Jaccard;
import feedline.common.dedup.PlantedCorpus;
import feedline.common.dedup.Shingler;
import feedline.jobs.lake.Lake;
import feedline.jobs.spark.PartitionIterators;
import feedline.jobs.spark.SparkSessions;
import feedline.jobs.stage.StageContext;
import feedline.jobs.stage.StageResult;
import feedline.jobs.stage.StageRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Dedup benchmark (a command, not a test): generates a {@link PlantedCorpus} of N documents in the
 * lake, runs the whole dedup stage on it (read, prepare, exact, candidates, verify, components,
 * survivors, every output written and committed) and reports documents per second per core. On the
 * first {@code --sample} documents it computes the exact all-pairs Jaccard ground truth with the
 * stage's own shingles and reports pair precision and recall of the clusters against it. In the same
 * run the same corpus goes through Spark MLlib's {@code MinHashLSH.approxSimilarityJoin} ({@link MllibComparison},
 * {@code --mllib-tables} hash tables, 0 skips it), whose time and pair precision/recall are reported beside.
 * <pre>
 * feedline dedup-bench [--docs 100000,1000000] [--sample 2000] [--work DIR] [--mllib-tables N] [key=value ...]
 * </pre>
 */
public final class DedupBenchmark {
  private static final StructType CORPUS = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("family", DataTypes.StringType, false)
      .add("edit", DataTypes.StringType, false)
      .add("text", DataTypes.StringType, false);

  private DedupBenchmark() {}

  /** Executors generate their share of the corpus from the ids. */
  static final class Generate implements MapPartitionsFunction<Long, Row> {
    private static final long serialVersionUID = 1L;
    private final long seed;

    Generate(long seed) {
      this.seed = seed;
    }

    @Override
    public Iterator<Row> call(Iterator<Long> ids) {
      PlantedCorpus corpus = new PlantedCorpus(seed);
      return PartitionIterators.map(ids, id -> {
        PlantedCorpus.Doc d = corpus.doc(id);
        return RowFactory.create(String.format("d%09d", d.id()), d.lang(), d.family(), d.edit(), d.text());
      });
    }
  }

  public static void main(String[] args) {
    List<Long> sizes = new ArrayList<>(List.of(100_000L));
    int sample = 2000;
    String work = "work/dedup-bench";
    long seed = 7;
    int mllibTables = -1;
    List<String> overrides = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--docs" -> {
          sizes.clear();
          for (String s : args[++i].split(",")) sizes.add(Long.parseLong(s.strip().replace("_", "")));
        }
        case "--sample" -> sample = Integer.parseInt(args[++i]);
        case "--work" -> work = args[++i];
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--mllib-tables" -> mllibTables = Integer.parseInt(args[++i]);
        default -> overrides.add(args[i]);
      }
    }
    Config config = ConfigLoader.load(null, overrides);
    Settings f = new Settings(config, "feedline");
    SparkSession spark = SparkSessions.create(f.sub("spark"), f.stringMap("hadoop"));
    int cores = spark.sparkContext().defaultParallelism();
    DedupConfig cfg = DedupConfig.from(new Settings(config, "feedline.dedup"));
    System.out.printf("dedup benchmark: %d cores, threshold %.2f, %d permutations, %d bands x %d rows, verify %s%n",
        cores, cfg.threshold(), cfg.permutations(), cfg.lsh().bands(), cfg.lsh().rows(), cfg.verify());
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%9s %8s %8s %11s %10s %8s %9s %9s %7s %7s %7s %7s %7s", "docs", "wall_s", "cpu_s",
        "docs/cpu_s", "docs/s/core", "kept", "exact_dup", "near_dup", "pair_P", "pair_R", "clus_P", "clus_R", "drop_P"));
    if (mllibTables < 0) mllibTables = cfg.lsh().bands();
    List<String> compare = new ArrayList<>();
    compare.add(String.format("%9s  %-42s %8s %8s %9s %7s %7s", "docs", "method", "wall_s", "cpu_s", "pairs_all", "pair_P", "pair_R"));
    double previous = -1;
    try {
      for (long n : sizes) {
        String lakeRoot = work + "/lake-" + n;
        Lake lake = new Lake(lakeRoot, spark.sparkContext().hadoopConfiguration());
        String runId = "bench";
        lake.delete(lake.tablePath("documents_clean", runId));
        lake.delete(lakeRoot + "/tables/dedup_index");
        String tmp = lake.tmpPath(runId, "corpus");
        long g0 = System.nanoTime();
        spark.range(0, n, 1, Math.max(cores * 4, (int) (n / 25_000))).as(Encoders.LONG())
            .mapPartitions(new Generate(seed), Encoders.row(CORPUS)).write().mode(SaveMode.Overwrite).parquet(tmp);
        lake.commit(tmp, lake.tablePath("documents_clean", runId));
        System.out.printf("generated %d documents in %.1f s%n", n, (System.nanoTime() - g0) / 1e9);

        List<String> runOverrides = with(overrides, "feedline.lake.root=" + lakeRoot);
        runOverrides.add(0, "feedline.dedup.near.write-pairs=true");
        Config runConfig = ConfigLoader.load(null, runOverrides);
        long cpu0 = processCpuNanos();
        StageResult r = new StageRunner(true).runInLake(new DedupStage(), new StageContext(spark, runConfig, runId, lake));
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        double perCore = n / r.seconds() / cores;
        System.out.printf("dedup of %d documents: %.1f s wall, %.1f s CPU, %.0f docs/s/core; phases %s%n", n, r.seconds(),
            cpu, perCore, r.details().get("phase_seconds"));
        System.out.printf("  details: %s%n", r.details().get("near"));
        double[] pr = precisionRecall(spark, r, cfg, seed, Math.min(sample, n));
        lines.add(String.format("%9d %8.1f %8.1f %11.0f %10.0f %8d %9d %9d %7.3f %7.3f %7.3f %7.3f %7.3f", n, r.seconds(),
            cpu, n / cpu, perCore, r.out(), r.dropReasons().getOrDefault("exact_duplicate", 0L),
            r.dropReasons().getOrDefault("near_duplicate", 0L), pr[0], pr[1], pr[2], pr[3], pr[4]));
        if (previous > 0) lines.add(String.format("  time grows x%.2f for x%.0f documents", r.seconds() / previous,
            (double) n / sizes.get(sizes.indexOf(n) - 1)));
        previous = r.seconds();
        compare.add(String.format("%9d  %-42s %8.1f %8.1f %9s %7.3f %7.3f", n,
            String.format("feedline dedup stage (%dx%d, verify %s)", cfg.lsh().bands(), cfg.lsh().rows(),
                cfg.verify().name().toLowerCase(java.util.Locale.ROOT)),
            r.seconds(), cpu, r.details().getOrDefault("near", Map.of()) instanceof Map<?, ?> nm && nm.get("verified_pairs") != null
                ? String.valueOf(nm.get("verified_pairs")) : "-", pr[0], pr[1]));
        if (mllibTables > 0) {
          MllibComparison.Result m = MllibComparison.run(spark, lake.tablePath("documents_clean", runId),
              work + "/mllib-pairs-" + n, cfg, mllibTables, seed, Math.min(sample, n));
          compare.add(String.format("%9d  %-42s %8.1f %8.1f %9d %7.3f %7.3f", n,
              String.format("MLlib MinHashLSH (%d tables)", mllibTables), m.wallSeconds(), m.cpuSeconds(), m.pairs(),
              m.precision(), m.recall()));
        }
      }
    } finally {
      spark.stop();
    }
    System.out.println();
    lines.forEach(System.out::println);
    System.out.println();
    compare.forEach(System.out::println);
  }

  /** CPU time of this JVM (all threads): the driver and, in local mode, the executors. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static List<String> with(List<String> list, String extra) {
    List<String> out = new ArrayList<>(list);
    out.add(0, extra);
    return out;
  }

  /**
   * Pair precision and recall on the first {@code sample} documents: truth = pairs with exact Jaccard
   * (the stage's shingles) at or above the threshold; predicted = pairs in the same cluster.
   */
  static double[] precisionRecall(SparkSession spark, StageResult r, DedupConfig cfg, long seed, long sample) {
    String last = String.format("d%09d", sample - 1);
    Map<String, String> cluster = new HashMap<>();
    for (Row row : spark.read().parquet(r.outputs().get(DedupStage.CLUSTERS))
        .filter(org.apache.spark.sql.functions.col("doc_id").leq(last)).collectAsList()) {
      cluster.put(row.getString(0), row.getString(1));
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
    long predicted = 0;
    long both = 0;
    for (int i = 0; i < s; i++) {
      for (int j = i + 1; j < s; j++) {
        boolean t = Jaccard.similarity(sets[i], sets[j]) >= cfg.threshold()
            || (sets[i].length == 0 && sets[j].length == 0);
        String ci = cluster.get(ids[i]);
        boolean p = ci != null && ci.equals(cluster.get(ids[j]));
        if (t) truth++;
        if (p) predicted++;
        if (t && p) both++;
      }
    }
    // pair level: the verified pairs, read through the exact-duplicate groups (an exact duplicate has
    // the same shingle set as the copy it was folded into, so their Jaccard values are the same)
    Map<String, String> rep = new HashMap<>();
    for (Row row : spark.read().parquet(r.outputs().get("drops"))
        .filter(org.apache.spark.sql.functions.col("drop_reason").equalTo("exact_duplicate")
            .and(org.apache.spark.sql.functions.col("doc_id").leq(last)))
        .select("doc_id", "drop_detail").collectAsList()) {
      String detail = row.getString(1);
      String prefix = "same normalized text as ";
      if (detail != null && detail.startsWith(prefix)) rep.put(row.getString(0), detail.substring(prefix.length()).split(",")[0]);
    }
    java.util.Set<String> nearPairs = new java.util.HashSet<>();
    for (Row row : spark.read().parquet(r.outputs().get(DedupStage.PAIRS)).select("doc_a", "doc_b").collectAsList()) {
      String a = row.getString(0);
      String b = row.getString(1);
      nearPairs.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
    }
    long pairPredicted = 0;
    long pairBoth = 0;
    for (int i = 0; i < s; i++) {
      String ri = rep.getOrDefault(ids[i], ids[i]);
      for (int j = i + 1; j < s; j++) {
        String rj = rep.getOrDefault(ids[j], ids[j]);
        boolean p = ri.equals(rj) || nearPairs.contains(ri.compareTo(rj) < 0 ? ri + "|" + rj : rj + "|" + ri);
        if (!p) continue;
        pairPredicted++;
        if (Jaccard.similarity(sets[i], sets[j]) >= cfg.threshold()) pairBoth++;
      }
    }
    System.out.printf("  pair level: %d pairs found (exact groups and verified pairs), %d of them true%n", pairPredicted, pairBoth);

    // every dropped document against the copy that survived it
    long drops = 0;
    long dropsAbove = 0;
    for (int i = 0; i < s; i++) {
      String survivor = cluster.get(ids[i]);
      if (survivor == null || survivor.equals(ids[i])) continue;
      drops++;
      long[] other = shingler.shingle(corpus.doc(Long.parseLong(survivor.substring(1))).text()).hashes();
      if (Jaccard.similarity(sets[i], other) >= cfg.threshold()) dropsAbove++;
    }
    System.out.printf("  sample of %d documents: %d true pairs (Jaccard >= %.2f), %d pairs in one cluster, %d both;"
        + " %d of %d dropped documents reach the threshold with their survivor%n", s, truth, cfg.threshold(), predicted, both,
        dropsAbove, drops);
    return new double[] {pairPredicted == 0 ? 1.0 : (double) pairBoth / pairPredicted, truth == 0 ? 1.0 : (double) pairBoth / truth,
        predicted == 0 ? 1.0 : (double) both / predicted, truth == 0 ? 1.0 : (double) both / truth,
        drops == 0 ? 1.0 : (double) dropsAbove / drops};
  }
}
