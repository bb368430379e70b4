package feedline.common.sft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardRoundTripTest {
  @TempDir Path dir;

  private static TokenizedExample example(int i, String split, Random rnd) {
    int n = 1 + rnd.nextInt(40);
    int[] ids = new int[n];
    int[] labels = new int[n];
    int[] pos = new int[n];
    int[] seg = new int[n];
    int segment = 0;
    int p = 0;
    for (int t = 0; t < n; t++) {
      if (t > 0 && rnd.nextInt(10) == 0) {
        segment++;
        p = 0;
      }
      ids[t] = rnd.nextInt(130_000);
      labels[t] = rnd.nextBoolean() ? TokenizedExample.IGNORE : ids[t];
      pos[t] = p++;
      seg[t] = segment;
    }
    return new TokenizedExample("ex-" + i, "g-" + (i / 3), i % 5 == 0 ? null : "src" + (i % 2), split, ids, labels, pos, seg);
  }

  private static List<TokenizedExample> examples(int count, String split, long seed) {
    Random rnd = new Random(seed);
    List<TokenizedExample> out = new ArrayList<>();
    for (int i = 0; i < count; i++) out.add(example(i, split, rnd));
    return out;
  }

  private static List<TokenizedExample> readAll(ShardReader r) {
    List<TokenizedExample> out = new ArrayList<>();
    while (r.hasNext()) out.add(r.next());
    return out;
  }

  @Test
  void writtenExamplesReadBackIdenticallyInOrderAcrossShards() {
    List<TokenizedExample> train = examples(23, ShardLayout.TRAIN, 1);
    List<TokenizedExample> test = examples(4, ShardLayout.TEST, 2);
    List<TokenizedExample> all = new ArrayList<>(train);
    all.addAll(test);
    var written = ShardWriter.writeDataset(dir, all, 10);

    assertThat(written.get(ShardLayout.TRAIN)).hasSize(3);
    assertThat(ShardLayout.shards(dir, ShardLayout.TRAIN)).containsExactlyElementsOf(written.get(ShardLayout.TRAIN));
    assertThat(ShardLayout.splits(dir)).containsExactly(ShardLayout.TRAIN, ShardLayout.TEST);
    assertThat(ShardReader.countRows(dir, ShardLayout.TRAIN)).isEqualTo(23);
    assertThat(ShardReader.rowsPerShard(dir, ShardLayout.TRAIN)).containsExactly(10, 10, 3);
    try (ShardReader r = ShardReader.open(dir, ShardLayout.TRAIN)) {
      assertThat(readAll(r)).containsExactlyElementsOf(train);
    }
    try (ShardReader r = ShardReader.open(dir, ShardLayout.TEST)) {
      assertThat(readAll(r)).containsExactlyElementsOf(test);
    }
    try (ShardReader r = ShardReader.open(dir, ShardLayout.VALIDATION)) {
      assertThat(r.hasNext()).isFalse();
    }
  }

  @Test
  void readingResumesExactlyFromEverySavedPosition() {
    List<TokenizedExample> train = examples(17, ShardLayout.TRAIN, 3);
    ShardWriter.writeDataset(dir, train, 5);
    List<ShardPosition> positions = new ArrayList<>();
    try (ShardReader r = ShardReader.open(dir, ShardLayout.TRAIN)) {
      positions.add(r.position());
      while (r.hasNext()) {
        r.next();
        positions.add(r.position());
      }
    }
    assertThat(positions.get(0)).isEqualTo(ShardPosition.START);
    assertThat(positions.get(5)).isEqualTo(new ShardPosition(1, 0));
    assertThat(positions.get(7)).isEqualTo(new ShardPosition(1, 2));
    assertThat(positions.get(17)).isEqualTo(new ShardPosition(4, 0));
    for (int k = 0; k < positions.size(); k++) {
      ShardPosition saved = ShardPosition.parse(positions.get(k).toString());
      try (ShardReader r = ShardReader.open(dir, ShardLayout.TRAIN, saved)) {
        assertThat(readAll(r)).as("resumed at %s", saved).containsExactlyElementsOf(train.subList(k, train.size()));
      }
    }
  }

  @Test
  void resumeSkipsWholeRowGroupsInsideALargeShard() throws Exception {
    // many rows with long sequences in one shard: several row groups are written once the shard is big
    List<TokenizedExample> rows = new ArrayList<>();
    Random rnd = new Random(9);
    for (int i = 0; i < 1200; i++) {
      int[] ids = rnd.ints(256, 0, 150_000).toArray();
      rows.add(TokenizedExample.single("r" + i, "g" + i, "s", ShardLayout.TRAIN, ids, ids.clone()));
    }
    Path shard = ShardLayout.splitDir(dir, ShardLayout.TRAIN).resolve("part-00000.parquet");
    try (ShardWriter w = ShardWriter.open(shard, 256 << 10)) {
      rows.forEach(w::write);
    }
    try (var f = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(shard))) {
      assertThat(f.getRowGroups().size()).as("row groups").isGreaterThan(2);
    }
    try (ShardReader r = ShardReader.open(dir, ShardLayout.TRAIN, new ShardPosition(0, 1000))) {
      List<TokenizedExample> rest = readAll(r);
      assertThat(rest).hasSize(200);
      assertThat(rest.get(0)).isEqualTo(rows.get(1000));
      assertThat(rest.get(199)).isEqualTo(rows.get(1199));
    }
  }

  @Test
  void positionPastTheEndIsRefused() {
    ShardWriter.writeDataset(dir, examples(3, ShardLayout.TRAIN, 4), 10);
    assertThatThrownBy(() -> ShardReader.open(dir, ShardLayout.TRAIN, new ShardPosition(2, 0)))
        .hasMessageContaining("past the end");
    assertThatThrownBy(() -> ShardReader.open(dir, ShardLayout.TRAIN, new ShardPosition(0, 4)))
        .hasMessageContaining("past the end");
    assertThatThrownBy(() -> ShardPosition.parse("3-4")).hasMessageContaining("SHARD:ROW");
  }

  @Test
  void onlyPartParquetFilesAreShardsAndUnknownSplitsAreRefused() throws Exception {
    ShardWriter.writeDataset(dir, examples(2, ShardLayout.VALIDATION, 5), 10);
    Path sd = ShardLayout.splitDir(dir, ShardLayout.VALIDATION);
    Files.writeString(sd.resolve("_SUCCESS"), "");
    Files.writeString(sd.resolve(".part-00000.parquet.crc"), "x");
    assertThat(ShardLayout.shards(dir, ShardLayout.VALIDATION)).extracting(p -> p.getFileName().toString())
        .containsExactly("part-00000.parquet");
    assertThatThrownBy(() -> ShardLayout.shards(dir, "dev")).hasMessageContaining("unknown split 'dev'")
        .hasMessageContaining("validation");
  }

  @Test
  void mismatchedArrayLengthsAreRefused() {
    assertThatThrownBy(() -> new TokenizedExample("x", null, null, "train", new int[2], new int[1], new int[2], new int[2]))
        .hasMessageContaining("same length");
  }

  @Test
  void attentionStaysInsideASegmentAndIsCausal() {
    TokenizedExample e = new TokenizedExample("p", null, null, "train", new int[] {1, 2, 3, 4, 5},
        new int[] {-100, 2, -100, 4, 5}, new int[] {0, 1, 0, 1, 2}, new int[] {0, 0, 1, 1, 1});
    assertThat(e.attends(1, 0)).isTrue();
    assertThat(e.attends(0, 1)).isFalse();
    assertThat(e.attends(2, 1)).isFalse();
    assertThat(e.attends(4, 2)).isTrue();
    assertThat(e.numSegments()).isEqualTo(2);
    assertThat(e.numLabelled()).isEqualTo(3);
  }
}
