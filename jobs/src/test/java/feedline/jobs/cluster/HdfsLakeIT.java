package feedline.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.common.config.ConfigLoader;
import feedline.jobs.SharedSpark;
import feedline.jobs.lake.Lake;
import feedline.jobs.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake on HDFS: a real NameNode and DataNode (Hadoop's MiniDFSCluster, in this JVM) serve
 * {@code hdfs://127.0.0.1:PORT}; the configured pipeline collects from it and writes its lake to it.
 */
class HdfsLakeIT {
  @TempDir
  static Path dir;

  static MiniDFSCluster dfs;
  static String hdfs;

  @BeforeAll
  static void startHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
    conf.set("dfs.replication", "1");
    conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
    dfs.waitActive();
    hdfs = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
  }

  @AfterAll
  static void stopHdfs() {
    if (dfs != null) dfs.shutdown(true);
  }

  @Test
  void pipelineCollectsFromHdfsAndWritesItsLakeThereWithTheSameOutputsAsOnTheLocalFileSystem() throws Exception {
    Path corpus = ItEnv.repoRoot().resolve("conf/demo");
    SparkSession spark = SharedSpark.get();
    FileSystem fs = FileSystem.get(java.net.URI.create(hdfs), spark.sparkContext().hadoopConfiguration());
    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(corpus.toUri()), new org.apache.hadoop.fs.Path(hdfs + "/raw/demo"));
    String hdfsRaw = hdfs + "/raw/demo";

    Lake onHdfs = run(hdfsRaw, hdfs + "/feedline/lake", "redact");
    assertThat(onHdfs.root()).startsWith("hdfs://127.0.0.1:");
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(hdfs + "/feedline/lake/runs/it/_manifest.json"))).isTrue();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(hdfs + "/feedline/lake/tables/documents/it/_COMMITTED"))).isTrue();
    assertThat(onHdfs.readString(onHdfs.currentRunPath())).hasValue("it\n");

    // the same HDFS input, the lake on the local file system: every table equal row for row
    Lake local = run(hdfsRaw, dir.resolve("lake-local").toUri().toString(), "redact");
    Map<String, List<String>> expected = LakeTables.of(spark, local, "it");
    assertThat(expected.get("collect.documents")).hasSizeGreaterThan(10);
    assertThat(LakeTables.of(spark, onHdfs, "it")).isEqualTo(expected);

    // the same files read from the local file system: the same documents (ids hash the uri, so they differ)
    Lake fromLocalFiles = run(corpus.toUri().toString(), dir.resolve("lake-local-input").toUri().toString(), "collect");
    assertThat(collected(spark, fromLocalFiles, corpus.toUri().toString()))
        .isEqualTo(collected(spark, onHdfs, hdfsRaw + "/"));
  }

  private static Lake run(String input, String lakeRoot, String lastStage) {
    var c = ConfigLoader.load(null, List.of("lake.root=\"" + lakeRoot + "\"", "run.id=it", "collect.source=demo",
        "collect.input.paths=[\"" + input + "\"]", "collect.csv.text-columns=[question, answer]", "spark.shuffle-partitions=4",
        ItEnv.stagesOverride(lastStage)));
    return new Pipeline(SharedSpark.get(), c).run().lake();
  }

  /** Collected documents without ids, their uris relative to the input folder. */
  private static List<String> collected(SparkSession spark, Lake lake, String inputPrefix) {
    var docs = spark.read().parquet(lake.tablePath("documents", "it")).drop("doc_id");
    List<String> rows = new ArrayList<>();
    String prefix = inputPrefix.replaceFirst("^file:///", "file:/");
    for (String r : LakeTables.rows(docs)) rows.add(r.replace(prefix, "RAW/"));
    rows.sort(null);
    return rows;
  }
}
