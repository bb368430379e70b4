package feedline.jobs.dedup;

import feedline.common.dedup.DedupNormalizer;
import feedline.common.dedup.MinHasher;
import feedline.common.dedup.Shingler;
import feedline.common.dedup.Shingles;
import feedline.common.dedup.SurvivorPolicy;
import feedline.jobs.spark.PartitionIterators;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Runs on executors, one pass per row: normalizes the text, hashes it for exact dedup, shingles it,
 * computes its MinHash signature and its survivor rank. The text itself does not leave this step.
 * Input columns: {@code _k, doc_id, text, source, _time (epoch ms), _quality}.
 */
final class DedupPrepare implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final StructType RANK = new StructType()
      .add("p", DataTypes.DoubleType, false)
      .add("q", DataTypes.DoubleType, false)
      .add("d", DataTypes.StringType, true)
      .add("k", DataTypes.LongType, false);

  static final StructType SCHEMA = new StructType()
      .add("_k", DataTypes.LongType, false)
      .add("doc_id", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, true)
      .add("exact", DataTypes.StringType, false)
      .add("rank", RANK, false)
      .add("shingles", DataTypes.BinaryType, false)
      .add("sig", DataTypes.BinaryType, true)
      .add("kind", DataTypes.StringType, false)
      .add("short_text", DataTypes.BooleanType, false)
      .add("capped", DataTypes.BooleanType, false);

  private final DedupNormalizer normalizer;
  private final Shingler shingler;
  private final MinHasher minHasher;
  private final SurvivorPolicy policy;
  private final boolean exact;
  private final boolean near;

  DedupPrepare(DedupConfig cfg) {
    this.normalizer = cfg.normalizer();
    this.shingler = cfg.shingler();
    this.minHasher = cfg.minHasher();
    this.policy = cfg.survivorPolicy();
    this.exact = cfg.exact();
    this.near = cfg.near();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    MessageDigest sha = sha256();
    HexFormat hex = HexFormat.of();
    return PartitionIterators.map(rows, r -> {
      long k = r.getLong(0);
      String docId = r.getString(1);
      String text = r.getString(2);
      String source = r.isNullAt(3) ? null : r.getString(3);
      Long time = r.isNullAt(4) ? null : r.getLong(4);
      Double quality = r.isNullAt(5) ? null : r.getDouble(5);
      String norm = normalizer.normalize(text);
      String exactKey = exact ? hex.formatHex(sha.digest(norm.getBytes(StandardCharsets.UTF_8)), 0, 16) : "k" + k;
      SurvivorPolicy.Rank rank = policy.rank(new SurvivorPolicy.Candidate(docId, text.length(), time, quality, source));
      Row rankRow = RowFactory.create(rank.primary(), rank.secondary(), docId, k);
      Shingles sh = shingler.shingleNormalized(norm);
      int[] sig = near && !sh.isEmpty() ? minHasher.signature(sh.hashes()) : null;
      String kind = sh.isEmpty() ? "empty" : sh.kind().name().toLowerCase(java.util.Locale.ROOT);
      return RowFactory.create(k, docId, source, exactKey, rankRow, Packed.longs(sh.hashes()), sig == null ? null : Packed.ints(sig),
          kind, sh.shortText(), sh.capped());
    });
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
