package feedline.jobs.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lake: one root on any Hadoop file system (file://, hdfs://, s3a://). Layout:
 * <pre>
 * root/tables/&lt;table&gt;/&lt;run_id&gt;/         one folder per table and run, committed by rename
 * root/tables/drops/&lt;stage&gt;/&lt;run_id&gt;/
 * root/tables/quarantine/&lt;stage&gt;/&lt;run_id&gt;/
 * root/runs/&lt;run_id&gt;/_manifest.json       inputs, outputs, config digest, counts, timings
 * root/_tmp/&lt;run_id&gt;/...                   work in progress, never read
 * root/CURRENT                              run id of the last run that finished
 * </pre>
 */
public final class Lake {
  public static final String COMMITTED = "_COMMITTED";

  private final Path root;
  private final Configuration conf;
  private final FileSystem fs;

  public Lake(String root, Configuration conf) {
    this.conf = conf;
    try {
      Path p = new Path(root);
      this.fs = p.getFileSystem(conf);
      this.root = fs.makeQualified(p);
      fs.mkdirs(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open lake root " + root + ": " + e.getMessage(), e);
    }
  }

  public String root() {
    return root.toString();
  }

  public FileSystem fs() {
    return fs;
  }

  public Configuration hadoopConf() {
    return conf;
  }

  /** Folder of a table's output for one run. Table names may hold a slash (drops/clean). */
  public String tablePath(String table, String runId) {
    return new Path(root, "tables/" + table + "/" + runId).toString();
  }

  public String tmpPath(String runId, String name) {
    return new Path(root, "_tmp/" + runId + "/" + name).toString();
  }

  public String runDir(String runId) {
    return new Path(root, "runs/" + runId).toString();
  }

  public boolean isCommitted(String table, String runId) {
    return exists(new Path(tablePath(table, runId), COMMITTED));
  }

  /** Runs (sorted, oldest first) in which {@code table} was committed. */
  public List<String> committedRuns(String table) {
    Path dir = new Path(root, "tables/" + table);
    List<String> runs = new ArrayList<>();
    try {
      if (!fs.exists(dir)) return runs;
      for (FileStatus st : fs.listStatus(dir)) {
        if (st.isDirectory() && fs.exists(new Path(st.getPath(), COMMITTED))) runs.add(st.getPath().getName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    runs.sort(null);
    return runs;
  }

  /**
   * Moves a finished temporary folder to its final place. A folder left by an earlier failed
   * attempt at the same run is replaced; the marker file is written last, so readers only ever see
   * complete outputs.
   */
  public void commit(String tmp, String finalPath) {
    Path src = new Path(tmp);
    Path dst = new Path(finalPath);
    try {
      if (fs.exists(dst)) fs.delete(dst, true);
      fs.mkdirs(dst.getParent());
      if (!fs.rename(src, dst)) throw new IOException("rename " + src + " -> " + dst + " returned false");
      try (OutputStream out = fs.create(new Path(dst, COMMITTED), true)) {
        out.write(new byte[0]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("commit of " + finalPath + " failed: " + e.getMessage(), e);
    }
  }

  public void delete(String path) {
    try {
      fs.delete(new Path(path), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a small file atomically (temp name, then rename). */
  public void writeString(String path, String content) {
    Path dst = new Path(path);
    Path tmp = new Path(dst.getParent(), "." + dst.getName() + ".tmp");
    try {
      fs.mkdirs(dst.getParent());
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      if (fs.exists(dst)) fs.delete(dst, false);
      if (!fs.rename(tmp, dst)) throw new IOException("rename to " + dst + " failed");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  public Optional<String> readString(String path) {
    Path p = new Path(path);
    try {
      if (!fs.exists(p)) return Optional.empty();
      try (InputStream in = fs.open(p)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean exists(String path) {
    return exists(new Path(path));
  }

  private boolean exists(Path p) {
    try {
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String currentRunPath() {
    return new Path(root, "CURRENT").toString();
  }
}
