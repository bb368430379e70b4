package feedline.jobs.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import feedline.common.dedup.Shingler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The MLlib comparison must see exactly the stage's shingles, or its precision/recall would compare other sets. */
class MllibComparisonTest {
  private static final Shingler SHINGLER =
      DedupConfig.from(new Settings(ConfigLoader.load(null, List.of()), "feedline.dedup")).shingler();

  private static List<String> tokens(String id, String text) {
    Iterator<Row> out = new MllibComparison.ShingleTokens(SHINGLER).call(List.of(RowFactory.create(id, text)).iterator());
    Row r = out.next();
    assertThat(out.hasNext()).isFalse();
    assertThat(r.getString(0)).isEqualTo(id);
    List<String> tokens = new ArrayList<>();
    scala.jdk.javaapi.CollectionConverters.asJava(r.<String>getSeq(1)).forEach(tokens::add);
    return tokens;
  }

  @Test
  void tokensAreTheStagesShingleHashes() {
    String english = "The quick brown fox jumps over the lazy dog while the cat sleeps by the warm fire tonight.";
    String chinese = "今天天气很好我们一起去公园散步然后在湖边喝茶聊天";
    for (String text : List.of(english, chinese)) {
      long[] hashes = SHINGLER.shingle(text).hashes();
      List<String> expected = new ArrayList<>();
      for (long h : hashes) expected.add(Long.toHexString(h));
      assertThat(hashes).isNotEmpty();
      assertThat(tokens("d1", text)).containsExactlyElementsOf(expected);
    }
    // normalization applies: width and case changes give the same tokens
    assertThat(tokens("d2", english.toUpperCase(java.util.Locale.ROOT))).isEqualTo(tokens("d1", english));
  }

  @Test
  void emptyAndNullTextsGiveNoTokens() {
    assertThat(tokens("d3", "   ")).isEmpty();
    assertThat(tokens("d4", null)).isEmpty();
  }
}
