package feedline.jobs.collect;

import feedline.common.collect.CollectOptions;
import feedline.common.collect.CollectResult;
import feedline.common.collect.CollectedDocument;
import feedline.common.collect.FileCollector;
import feedline.common.model.Reasons;
import feedline.common.text.Hashing;
import feedline.jobs.stage.Quarantine;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs on executors: reads each listed file through the Hadoop file system and turns it into
 * outcome rows (document, skipped or quarantined), one per record, never fewer than one per file.
 */
final class CollectPartition implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final String DOCUMENT = "document";
  static final String SKIPPED = "skipped";
  static final String QUARANTINED = "quarantined";

  /** Outcome rows: the kind, the documents columns, and the quarantine columns. */
  static final StructType OUTCOME;

  static {
    StructType s = new StructType().add("kind", DataTypes.StringType, false);
    for (var f : DocumentsSchema.SCHEMA.fields()) s = s.add(f.name(), f.dataType(), true);
    OUTCOME = s.add("modified_at", DataTypes.TimestampType, true)
        .add("q_reason", DataTypes.StringType, true)
        .add("q_detail", DataTypes.StringType, true)
        .add("q_payload", DataTypes.StringType, true);
  }

  private final CollectOptions options;
  private final long maxFileBytes;
  private final Map<String, String> hadoopConf;
  private final String runId;
  private final long collectedAtMillis;
  private transient Map<String, FileCollector> collectors;
  private transient Configuration conf;

  CollectPartition(CollectOptions options, long maxFileBytes, Map<String, String> hadoopConf, String runId, long collectedAtMillis) {
    this.options = options;
    this.maxFileBytes = maxFileBytes;
    this.hadoopConf = hadoopConf;
    this.runId = runId;
    this.collectedAtMillis = collectedAtMillis;
  }

  /** Input rows: uri, size, modified_at, known_sha256 (array, may be null), source. */
  @Override
  public Iterator<Row> call(Row file) {
    if (collectors == null) {
      collectors = new java.util.HashMap<>();
      conf = new Configuration();
      hadoopConf.forEach(conf::set);
    }
    String uri = file.getString(0);
    long size = file.getLong(1);
    Timestamp mtime = file.isNullAt(2) ? null : file.getTimestamp(2);
    List<String> known = file.isNullAt(3) ? List.of() : file.getList(3);
    String source = file.getString(4);
    CollectOptions opts = options.withSource(source);
    FileCollector collector = collectors.computeIfAbsent(source, k -> new FileCollector(opts));
    List<Row> out = new ArrayList<>();
    if (size > maxFileBytes) {
      out.add(quarantine(source, uri, "0", Reasons.TOO_LARGE, size + " bytes exceed collect.max-file-bytes=" + maxFileBytes, null, size, mtime));
      return out.iterator();
    }
    byte[] bytes;
    try {
      Path p = new Path(uri);
      FileSystem fs = p.getFileSystem(conf);
      try (InputStream in = fs.open(p)) {
        bytes = in.readNBytes((int) Math.min(maxFileBytes + 1, Integer.MAX_VALUE - 16));
      }
    } catch (IOException | RuntimeException e) {
      out.add(quarantine(source, uri, "0", Reasons.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage(), null, size, mtime));
      return out.iterator();
    }
    if (!known.isEmpty()) {
      String sha = Hashing.sha256(bytes);
      if (known.contains(sha)) {
        out.add(skipped(source, uri, size, sha, mtime));
        return out.iterator();
      }
    }
    Timestamp at = new Timestamp(collectedAtMillis);
    for (CollectResult r : collector.collect(uri, bytes)) {
      if (r instanceof CollectResult.Document d) {
        out.add(document(d.doc(), at, mtime));
      } else if (r instanceof CollectResult.Quarantined q) {
        out.add(quarantine(source, uri, q.recordKey(), q.reason(), q.detail(), Quarantine.cap(q.payload()), size, mtime));
      }
    }
    return out.iterator();
  }

  private Row document(CollectedDocument d, Timestamp at, Timestamp mtime) {
    return RowFactory.create(DOCUMENT, d.docId(), d.source(), d.uri(), d.recordKey(), d.format(), d.charset(), null,
        d.text(), d.chars(), d.originalChars(), d.controlCharsRemoved(), d.undecodableBytes(), d.sha256(),
        d.fileSha256(), d.fileSize(), CollectionConverters.asScala(d.fields()), at, runId, mtime, null, null, null);
  }

  private Row quarantine(String source, String uri, String key, String reason, String detail, String payload, long size, Timestamp mtime) {
    return RowFactory.create(QUARANTINED, null, source, uri, key, null, null, null, null, null, null, null, null,
        null, null, size, null, null, runId, mtime, reason, detail, payload);
  }

  private Row skipped(String source, String uri, long size, String sha, Timestamp mtime) {
    return RowFactory.create(SKIPPED, null, source, uri, "0", null, null, null, null, null, null, null, null,
        null, sha, size, null, null, runId, mtime, Reasons.ALREADY_COLLECTED, "same uri, size and sha256 as an earlier run", null);
  }
}
