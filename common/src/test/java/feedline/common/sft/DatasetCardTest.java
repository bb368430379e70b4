package feedline.common.sft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetCardTest {
  @Test
  void histogramBucketsAndQuantilesFollowTheLengths() {
    Map<Integer, Long> byLen = Map.of(10, 5L, 20, 3L, 100, 2L);
    LengthHistogram h = LengthHistogram.of(byLen);
    assertThat(h.count()).isEqualTo(10);
    assertThat(h.min()).isEqualTo(10);
    assertThat(h.max()).isEqualTo(100);
    assertThat(h.mean()).isEqualTo((50 + 60 + 200) / 10.0);
    assertThat(h.p50()).isEqualTo(10);
    assertThat(h.p95()).isEqualTo(100);
    assertThat(h.buckets()).containsExactly(new LengthHistogram.Bucket(0, 16, 5), new LengthHistogram.Bucket(16, 32, 3),
        new LengthHistogram.Bucket(32, 64, 0), new LengthHistogram.Bucket(64, 128, 2));
  }

  @Test
  void cardRoundTripsThroughJsonAndRendersMarkdown() {
    Map<String, DatasetCard.SplitFigures> splits = new LinkedHashMap<>();
    splits.put("train", new DatasetCard.SplitFigures(7, 9, 700, 300, 8));
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("max-seq-len", 128);
    DatasetCard card = new DatasetCard("run-1", new DatasetCard.TokenizerInfo("/m", "abc", null, "Qwen2Tokenizer"),
        new DatasetCard.TemplateInfo("builtin:chatml", "def", "{{ x }}"), options,
        new DatasetCard.Counts(12, 9, Map.of("qa", 9L), Map.of("no_assistant_turn", 2L), Map.of("unknown_shape", 1L),
            Map.of("empty_turn_removed", 1L)),
        splits, new DatasetCard.TruncationFigures("split", 128, 1, 1, 2, 0),
        new DatasetCard.PackingFigures(true, 7, 9, 9 / 7.0, 700 / (7 * 128.0)), LengthHistogram.of(Map.of(70, 9L)));
    DatasetCard back = DatasetCard.fromJson(card.toJson());
    assertThat(back).isEqualTo(card);
    String md = card.toMarkdown();
    assertThat(md).contains("| train | 7 | 9 | 700 | 300 | 8 |").contains("| dropped: no_assistant_turn | 2 |")
        .contains("9 examples packed into 7 rows (1.29 per row), fill 78.1%").contains("`abc`").contains("builtin:chatml");
  }
}
