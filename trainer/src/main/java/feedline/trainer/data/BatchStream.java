package feedline.trainer.data;

import feedline.common.sft.ShardPosition;
import feedline.common.sft.ShardReader;
import feedline.common.sft.TokenizedExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Streams batches from one split of the build stage's shards. Rows are read in blocks of
 * {@code blockSize}; each block is shuffled with a seed derived from (seed, epoch, block start), so
 * the order is reproducible and a saved {@link Position} (epoch, block start, offset in block)
 * resumes exactly. Only one block is held in memory.
 */
public final class BatchStream implements AutoCloseable {
  /** Where the next batch starts. */
  public record Position(int epoch, ShardPosition blockStart, int offset) {
    public static final Position START = new Position(0, ShardPosition.START, 0);
  }

  private final Path dir;
  private final String split;
  private final int batchSize;
  private final int maxSeqLen;
  private final int blockSize;
  private final long seed;
  private final boolean shuffle;
  private final boolean cycle;
  private ShardReader reader;
  private int epoch;
  private ShardPosition blockStart;
  private List<TokenizedExample> block = List.of();
  private int offset;
  private boolean epochDone;

  public BatchStream(Path dir, String split, int batchSize, int maxSeqLen, int blockSize, long seed,
      boolean shuffle, boolean cycle, Position from) {
    this.dir = dir;
    this.split = split;
    this.batchSize = batchSize;
    this.maxSeqLen = maxSeqLen;
    this.blockSize = blockSize;
    this.seed = seed;
    this.shuffle = shuffle;
    this.cycle = cycle;
    this.epoch = from.epoch();
    this.reader = ShardReader.open(dir, split, from.blockStart());
    loadBlock();
    if (from.offset() > block.size()) {
      throw new IllegalArgumentException("data position " + from + " lies past its block of " + block.size() + " rows");
    }
    this.offset = from.offset();
  }

  public int epoch() {
    return epoch;
  }

  /** The position of the next batch (saved in checkpoints). */
  public Position position() {
    return new Position(epoch, blockStart, offset);
  }

  /** The next batch, or null when the split is exhausted and the stream does not cycle. */
  public Batch next() {
    List<TokenizedExample> rows = new ArrayList<>(batchSize);
    while (rows.size() < batchSize) {
      TokenizedExample e = nextExample();
      if (e != null) {
        rows.add(e);
        continue;
      }
      if (!rows.isEmpty() || !cycle) break;
      if (epochDone) throw new IllegalStateException("split " + split + " in " + dir + " has no rows");
      startEpoch(epoch + 1);
      epochDone = true;
    }
    epochDone = false;
    return rows.isEmpty() ? null : Collate.of(rows, maxSeqLen);
  }

  private TokenizedExample nextExample() {
    if (offset >= block.size()) {
      if (!reader.hasNext()) return null;
      loadBlock();
      offset = 0;
      if (block.isEmpty()) return null;
    }
    return block.get(offset++);
  }

  private void startEpoch(int e) {
    reader.close();
    epoch = e;
    reader = ShardReader.open(dir, split);
    loadBlock();
    offset = 0;
  }

  private void loadBlock() {
    blockStart = reader.position();
    List<TokenizedExample> b = new ArrayList<>(Math.min(blockSize, 1 << 16));
    while (b.size() < blockSize && reader.hasNext()) b.add(reader.next());
    if (shuffle) {
      long s = seed * 0x9E3779B97F4A7C15L + epoch * 1_000_003L + blockStart.shard() * 65_537L + blockStart.row();
      Collections.shuffle(b, new Random(s));
    }
    block = b;
  }

  @Override
  public void close() {
    reader.close();
  }
}
