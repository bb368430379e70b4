package feedline.jobs.dedup;

import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.common.dedup.DedupNormalizer;
import feedline.common.dedup.LshParams;
import feedline.common.dedup.MinHasher;
import feedline.common.dedup.ShingleKind;
import feedline.common.dedup.Shingler;
import feedline.common.dedup.SurvivorPolicy;
import java.io.Serializable;
import java.util.List;

/** Bound and validated {@code feedline.dedup} settings. */
public record DedupConfig(
    DedupNormalizer.Options normalize,
    boolean exact,
    boolean near,
    ShingleKind shingle,
    int charN,
    int wordN,
    int maxShingles,
    int permutations,
    long seed,
    double threshold,
    LshParams lsh,
    boolean lshDerived,
    Verify verify,
    int bucketWindow,
    int maxIterations,
    boolean writePairs,
    SurvivorPolicy.Kind policy,
    String timeColumn,
    String qualityColumn,
    List<String> preferredSources,
    boolean index,
    String indexTable) implements Serializable {

  /** How candidate pairs are confirmed. */
  public enum Verify { EXACT, SIGNATURE, NONE }

  public static DedupConfig from(Settings s) {
    DedupNormalizer.Options norm = new DedupNormalizer.Options(s.bool("normalize.lowercase"), s.bool("normalize.width"),
        s.bool("normalize.punctuation"), s.bool("normalize.whitespace"));
    int perms = s.integer("near.permutations", 1, 4096);
    double threshold = s.number("near.threshold", 0.01, 0.99);
    int bands = s.integer("near.bands", 0, 4096);
    int rows = s.integer("near.rows", 0, 4096);
    LshParams lsh;
    boolean derived;
    if (bands == 0 && rows == 0) {
      lsh = LshParams.optimal(threshold, perms, s.number("near.false-positive-weight", 0, 1),
          s.number("near.false-negative-weight", 0, 1));
      derived = true;
    } else {
      if (bands == 0 || rows == 0) {
        throw new ConfigError(s.path(bands == 0 ? "near.bands" : "near.rows"), 0,
            "a positive number when the other of near.bands / near.rows is set (or both 0 to derive them)");
      }
      if ((long) bands * rows > perms) {
        throw new ConfigError(s.path("near.bands"), bands + " x " + rows,
            "bands * rows <= near.permutations (" + perms + ")");
      }
      lsh = new LshParams(bands, rows);
      derived = false;
    }
    long seed;
    try {
      seed = s.config().getLong(s.path("near.seed"));
    } catch (RuntimeException e) {
      throw new ConfigError(s.path("near.seed"), s.config().hasPath(s.path("near.seed")) ? s.config().getValue(s.path("near.seed")).unwrapped() : null, "an integer");
    }
    String indexTable = s.string("index.table");
    if (!indexTable.matches("[A-Za-z0-9_\\-]{1,100}")) {
      throw new ConfigError(s.path("index.table"), indexTable, "a table name of letters, digits, '_' and '-'");
    }
    return new DedupConfig(norm, s.bool("exact.enabled"), s.bool("near.enabled"),
        s.enumValue("near.shingle", ShingleKind.class), s.integer("near.char-n", 1, 100), s.integer("near.word-n", 1, 100),
        s.integer("near.max-shingles", 1, 100_000_000), perms, seed, threshold, lsh, derived,
        s.enumValue("near.verify", Verify.class), s.integer("near.bucket-window", 2, 100_000),
        s.integer("near.max-iterations", 1, 10_000), s.bool("near.write-pairs"), s.enumValue("survivor.policy", SurvivorPolicy.Kind.class),
        s.string("survivor.time-column"), s.string("survivor.quality-column"), s.stringList("survivor.preferred-sources"),
        s.bool("index.enabled"), indexTable);
  }

  public DedupNormalizer normalizer() {
    return new DedupNormalizer(normalize);
  }

  public Shingler shingler() {
    return new Shingler(normalizer(), shingle, charN, wordN, maxShingles);
  }

  public MinHasher minHasher() {
    return new MinHasher(permutations, seed);
  }

  public SurvivorPolicy survivorPolicy() {
    return new SurvivorPolicy(policy, preferredSources);
  }

  /** What an index entry's signature and shingles depend on; entries with other parameters cannot be compared. */
  public String indexParams() {
    return shingler().describe() + "," + minHasher().describe();
  }
}
