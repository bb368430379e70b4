package feedline.jobs.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.common.sft.DatasetCard;
import feedline.common.sft.ShardLayout;
import feedline.common.sft.ShardReader;
import feedline.common.sft.TokenizedExample;
import feedline.jobs.SparkTestBase;
import feedline.jobs.stage.StageResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class BuildStageTest extends SparkTestBase {
  static final int IGN = TokenizedExample.IGNORE;
  final Map<String, Integer> vocab = TinyModel.vocab();

  /** One lake and model for the class: the plain build is run once and shared by the tests. */
  @org.junit.jupiter.api.io.TempDir static Path shared;
  private static StageResult plain;

  @Override
  protected String lakeRoot() {
    return shared.resolve("lake").toUri().toString();
  }

  private static Path model() throws Exception {
    Path m = shared.resolve("model");
    return Files.exists(m.resolve("tokenizer.json")) ? m : TinyModel.write(m);
  }

  private StageResult plain() throws Exception {
    if (plain == null) plain = runStage(new BuildStage(), input(), "plain", common(model()));
    return plain;
  }

  /** Rows of every shape, bad rows, and augmented children that must share their parent's split. */
  static final List<String> ROWS = List.of(
      "{\"doc_id\":\"alp\",\"source\":\"web\",\"instruction\":\"Translate\",\"input\":\"hola\",\"output\":\"hello\"}",
      "{\"doc_id\":\"sg\",\"source\":\"web\",\"conversations\":[{\"from\":\"human\",\"value\":\"Hi\"},{\"from\":\"gpt\",\"value\":\"Hello !\"},"
          + "{\"from\":\"human\",\"value\":\"How is my heart ?\"},{\"from\":\"gpt\",\"value\":\"Fine thanks .\"}]}",
      "{\"doc_id\":\"msg\",\"source\":\"web\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a doctor .\"},"
          + "{\"role\":\"user\",\"content\":\"fever ?\"},{\"role\":\"assistant\",\"content\":\"rest and drink water .\"}]}",
      "{\"doc_id\":\"qa1\",\"source\":\"clinic\",\"question\":\"what about cough ?\",\"answer\":\"honey helps .\",\"department\":\"cardiology\"}",
      "{\"doc_id\":\"qa1-aug1\",\"parent_id\":\"qa1\",\"source\":\"clinic\",\"question\":\"cough ?\",\"answer\":\"honey helps !\",\"department\":\"cardiology\"}",
      "{\"doc_id\":\"qa1-aug2\",\"parent_id\":\"qa1\",\"source\":\"clinic\",\"question\":\"what about my cough ?\",\"answer\":\"honey .\",\"department\":\"cardiology\"}",
      "{\"doc_id\":\"txt\",\"source\":\"corpus\",\"text\":\"plain corpus text one two three\"}",
      "{\"doc_id\":\"noans\",\"source\":\"web\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
      "{\"doc_id\":\"badrole\",\"source\":\"web\",\"messages\":[{\"role\":\"narrator\",\"content\":\"Hi\"}]}",
      "{\"doc_id\":\"noshape\",\"source\":\"web\",\"title\":\"nothing to train on\"}",
      "{\"doc_id\":\"long\",\"source\":\"web\",\"instruction\":\"one two three four five six seven eight nine ten one two three four five"
          + " six seven eight nine ten\",\"output\":\"one two three four five six seven eight nine ten one two three four five six\"}");

  private Dataset<Row> input() throws Exception {
    Path f = shared.resolve("in.jsonl");
    Files.writeString(f, String.join("\n", ROWS) + "\n");
    return spark.read().json(f.toString());
  }

  private static Path dirOf(StageResult r) {
    String p = r.outputs().get("sft");
    return p.startsWith("file:") ? Path.of(URI.create(p)) : Path.of(p);
  }

  private static List<TokenizedExample> read(Path dir, String split) {
    List<TokenizedExample> out = new ArrayList<>();
    try (ShardReader r = ShardReader.open(dir, split)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  private static Map<String, TokenizedExample> all(Path dir) {
    Map<String, TokenizedExample> m = new HashMap<>();
    for (String s : ShardLayout.SPLITS) for (TokenizedExample e : read(dir, s)) m.put(e.exampleId(), e);
    return m;
  }

  private String[] common(Path model) {
    return new String[] {"feedline.build.tokenizer=" + model, "feedline.build.max-seq-len=30", "feedline.build.truncation=drop",
        "feedline.build.split.train=0.5", "feedline.build.split.validation=0.25", "feedline.build.split.test=0.25",
        "feedline.build.datasets.clinic.system-prompt=\"You are a {department} doctor .\"",
        "feedline.build.shard.max-rows=2", "feedline.build.shard.partitions=2"};
  }

  @Test
  void buildsShardsThatTheCommonReaderReadsBackIdentically() throws Exception {
    Path model = model();
    StageResult r = plain();

    assertThat(r.in()).isEqualTo(11);
    assertThat(r.out()).isEqualTo(7);
    assertThat(r.dropReasons()).containsOnly(Map.entry("no_assistant_turn", 1L), Map.entry("too_long_tokens", 1L));
    assertThat(r.quarantineReasons()).containsOnly(Map.entry("unknown_role", 1L), Map.entry("unknown_shape", 1L));
    assertThat(r.balanced()).isTrue();

    Path dir = dirOf(r);
    // what Spark wrote, read with Spark, equals what the plain reader streams, in the reader's order
    for (String split : ShardLayout.SPLITS) {
      List<TokenizedExample> viaReader = read(dir, split);
      Path sd = ShardLayout.splitDir(dir, split);
      if (!Files.isDirectory(sd)) {
        assertThat(viaReader).isEmpty();
        continue;
      }
      List<TokenizedExample> viaSpark = new ArrayList<>();
      for (Row row : spark.read().parquet(sd.toString()).collectAsList()) {
        viaSpark.add(new TokenizedExample(row.getAs("example_id"), row.getAs("group_id"), row.getAs("source"), split,
            ints(row.getList(row.fieldIndex("input_ids"))), ints(row.getList(row.fieldIndex("labels"))),
            ints(row.getList(row.fieldIndex("position_ids"))), ints(row.getList(row.fieldIndex("segment_ids")))));
      }
      assertThat(viaReader).containsExactlyInAnyOrderElementsOf(viaSpark);
      assertThat(viaReader).extracting(TokenizedExample::exampleId).isSorted();
      assertThat(ShardLayout.shards(dir, split).size()).isGreaterThanOrEqualTo((viaReader.size() + 1) / 2);
    }

    Map<String, TokenizedExample> ex = all(dir);
    assertThat(ex.keySet()).containsExactlyInAnyOrder("alp", "sg", "msg", "qa1", "qa1-aug1", "qa1-aug2", "txt");
    // labels only on the assistant replies and their end tokens
    TokenizedExample msg = ex.get("msg");
    List<Integer> trained = new ArrayList<>();
    for (int i = 0; i < msg.numTokens(); i++) if (msg.labels()[i] != IGN) trained.add(msg.labels()[i]);
    assertThat(trained).containsExactly(vocab.get("rest"), vocab.get("and"), vocab.get("drink"), vocab.get("water"),
        vocab.get("."), vocab.get("<|im_end|>"));
    assertThat(msg.positionIds()).containsExactly(java.util.stream.IntStream.range(0, msg.numTokens()).toArray());
    assertThat(msg.segmentIds()).containsOnly(0);
    // the dataset persona was put first in the clinic rows, with the row's department filled in
    assertThat(ex.get("qa1").inputIds()).startsWith(vocab.get("<|im_start|>"), vocab.get("system"), vocab.get("You"),
        vocab.get("are"), vocab.get("a"), vocab.get("cardiology"), vocab.get("doctor"));
    // plain text is trained whole (BOS first, no loss on it)
    TokenizedExample txt = ex.get("txt");
    assertThat(txt.inputIds()[0]).isEqualTo(vocab.get("<s>"));
    assertThat(txt.labels()[0]).isEqualTo(IGN);
    assertThat(txt.numLabelled()).isEqualTo(txt.numTokens() - 1);
    // augmented children share their parent's group and split
    assertThat(ex.get("qa1-aug1").groupId()).isEqualTo("qa1");
    assertThat(ex.get("qa1-aug1").split()).isEqualTo(ex.get("qa1").split());
    assertThat(ex.get("qa1-aug2").split()).isEqualTo(ex.get("qa1").split());
    Map<String, List<String>> splitsPerGroup = ex.values().stream().collect(Collectors.groupingBy(TokenizedExample::groupId,
        Collectors.mapping(TokenizedExample::split, Collectors.toList())));
    splitsPerGroup.values().forEach(s -> assertThat(s.stream().distinct().count()).isEqualTo(1));

    // the dataset card
    DatasetCard card = DatasetCard.read(dir);
    assertThat(card.counts().inputRows()).isEqualTo(11);
    assertThat(card.counts().keptInputs()).isEqualTo(7);
    assertThat(card.counts().dropped()).containsEntry("too_long_tokens", 1L);
    assertThat(card.counts().shapes()).containsEntry("qa", 3L).containsEntry("alpaca", 1L).containsEntry("sharegpt", 1L)
        .containsEntry("messages", 1L).containsEntry("text", 1L);
    assertThat(card.template().name()).isEqualTo("builtin:chatml");
    assertThat(card.tokenizer().sha256()).isEqualTo(feedline.common.sft.TokenizerFiles.sha256(model.resolve("tokenizer.json")));
    assertThat(card.splits().values().stream().mapToLong(DatasetCard.SplitFigures::rows).sum()).isEqualTo(7);
    assertThat(card.splits().values().stream().mapToLong(DatasetCard.SplitFigures::tokens).sum())
        .isEqualTo(ex.values().stream().mapToLong(TokenizedExample::numTokens).sum());
    assertThat(card.exampleLengths().count()).isEqualTo(7);
    assertThat(Files.readString(dir.resolve(ShardLayout.CARD_MD))).contains("| dropped: too_long_tokens | 1 |");

    // drops keep the input columns plus the reason
    Dataset<Row> drops = output(r, "drops");
    assertThat(drops.filter("doc_id = 'long'").select("drop_reason").first().getString(0)).isEqualTo("too_long_tokens");
    assertThat(output(r, "quarantine").filter("record_key = 'badrole'").select("detail").first().getString(0)).contains("narrator");

    // a second run over the same input writes the same shards in the same order
    StageResult again = runStage(new BuildStage(), input(), "run-b", common(model));
    for (String split : ShardLayout.SPLITS) assertThat(read(dirOf(again), split)).containsExactlyElementsOf(read(dir, split));
  }

  @Test
  void anEmptyInputCommitsAnEmptyDatasetWithItsCard() throws Exception {
    StageResult r = runStage(new BuildStage(), input().limit(0), "empty", common(model()));
    assertThat(r.in()).isZero();
    assertThat(r.out()).isZero();
    Path dir = dirOf(r);
    assertThat(dir.resolve("dataset_card.json")).exists();
    assertThat(read(dir, "train")).isEmpty();
  }

  @Test
  void packingKeepsEveryExampleAndItsBoundaries() throws Exception {
    String[] base = common(model());
    StageResult plain = plain();
    String[] packed = java.util.Arrays.copyOf(base, base.length + 2);
    packed[base.length] = "feedline.build.packing.enabled=true";
    packed[base.length + 1] = "feedline.build.packing.buckets=1";
    StageResult p = runStage(new BuildStage(), input(), "packed", packed);
    assertThat(p.out()).isEqualTo(plain.out());

    Map<String, TokenizedExample> singles = all(dirOf(plain));
    List<TokenizedExample> rows = new ArrayList<>();
    for (String s : ShardLayout.SPLITS) rows.addAll(read(dirOf(p), s));
    assertThat(rows.size()).isLessThan(singles.size());
    Map<String, TokenizedExample> unpacked = new HashMap<>();
    for (TokenizedExample row : rows) {
      assertThat(row.numTokens()).isLessThanOrEqualTo(30);
      int start = 0;
      for (int seg = 0; seg < row.numSegments(); seg++) {
        int end = start;
        while (end < row.numTokens() && row.segmentIds()[end] == seg) end++;
        int[] ids = java.util.Arrays.copyOfRange(row.inputIds(), start, end);
        assertThat(java.util.Arrays.copyOfRange(row.positionIds(), start, end))
            .containsExactly(java.util.stream.IntStream.range(0, end - start).toArray());
        // find the single example with these ids: its labels must be carried over unchanged
        TokenizedExample match = singles.values().stream().filter(e -> java.util.Arrays.equals(e.inputIds(), ids)).findFirst()
            .orElseThrow();
        assertThat(java.util.Arrays.copyOfRange(row.labels(), start, end)).containsExactly(match.labels());
        assertThat(match.split()).isEqualTo(row.split());
        unpacked.put(match.exampleId(), match);
        start = end;
      }
    }
    assertThat(unpacked.keySet()).isEqualTo(singles.keySet());
    DatasetCard card = DatasetCard.read(dirOf(p));
    assertThat(card.packing().enabled()).isTrue();
    assertThat(card.packing().examples()).isEqualTo(7);
    assertThat(card.packing().rows()).isEqualTo(rows.size());
  }

  @Test
  void badSettingsAreConfigErrorsNamingTheKeyAndTheAllowedValues() {
    assertThatThrownBy(() -> BuildSettings.from(config())).hasMessageContaining("feedline.build.tokenizer")
        .hasMessageContaining("--tokenizer");
    assertThatThrownBy(() -> BuildStage.modelDir(tmp.resolve("nope").toString())).hasMessageContaining("feedline.build.tokenizer")
        .hasMessageContaining("tokenizer.json");
    assertThatThrownBy(() -> BuildSettings.from(config("feedline.build.tokenizer=/m", "feedline.build.truncation=cut")))
        .hasMessageContaining("feedline.build.truncation").hasMessageContaining("split");
    assertThatThrownBy(() -> BuildSettings.from(config("feedline.build.tokenizer=/m", "feedline.build.split.train=0.5")))
        .hasMessageContaining("build.split").hasMessageContaining("sum to 1");
    assertThatThrownBy(() -> BuildSettings.from(config("feedline.build.tokenizer=/m", "feedline.build.role-aliases.doc=doctor")))
        .hasMessageContaining("feedline.build.role-aliases.doc").hasMessageContaining("assistant");
    BuildSettings ok = BuildSettings.from(config("feedline.build.tokenizer=/m", "feedline.build.datasets.clinic.shape=qa",
        "feedline.build.datasets.clinic.columns.question=q"));
    assertThat(ok.datasets().get("clinic").shape()).isEqualTo(feedline.common.sft.InputShape.QA);
    assertThat(ok.datasets().get("clinic").questionColumn()).isEqualTo("q");
    assertThat(ok.datasets().get("clinic").answerColumn()).isEqualTo("answer");
    assertThat(BuildSettings.parse(BuildSettings.render(config("feedline.build.tokenizer=/m")))).isEqualTo(
        BuildSettings.from(config("feedline.build.tokenizer=/m")));
  }

  static int[] ints(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }
}
