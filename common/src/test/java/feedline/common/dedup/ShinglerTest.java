package feedline.common.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShinglerTest {
  private final DedupNormalizer norm = new DedupNormalizer(DedupNormalizer.Options.all());

  @Test
  void wordShinglesAreDistinctNgramsOfTokens() {
    Shingler s = new Shingler(norm, ShingleKind.WORD, 5, 2, 1000);
    Shingles a = s.shingle("the cat sat on the cat sat");
    // bigrams: the-cat, cat-sat, sat-on, on-the, the-cat, cat-sat -> 4 distinct
    assertThat(a.kind()).isEqualTo(ShingleKind.WORD);
    assertThat(a.size()).isEqualTo(4);
    assertThat(a.hashes()).isSorted();
    // punctuation and case do not change the shingles under the default normalization
    assertThat(s.shingle("The cat, sat on THE cat sat!").hashes()).isEqualTo(a.hashes());
    // order matters inside a shingle
    assertThat(Jaccard.similarity(s.shingle("cat the").hashes(), s.shingle("the cat").hashes())).isZero();
  }

  @Test
  void charShinglesIgnoreWhitespaceForUnsegmentedText() {
    Shingler s = new Shingler(norm, ShingleKind.CHAR, 3, 5, 1000);
    Shingles a = s.shingle("今天天气很好");
    assertThat(a.kind()).isEqualTo(ShingleKind.CHAR);
    assertThat(a.size()).isEqualTo(4);
    assertThat(s.shingle("今天 天气 很好").hashes()).isEqualTo(a.hashes());
  }

  @Test
  void autoPicksCharactersForChineseAndWordsForEnglish() {
    assertThat(Shingler.detect("今天天气很好，我们去公园散步")).isEqualTo(ShingleKind.CHAR);
    assertThat(Shingler.detect("the weather is nice today")).isEqualTo(ShingleKind.WORD);
    assertThat(Shingler.detect("使用 Spark 处理数据")).isEqualTo(ShingleKind.CHAR);
    assertThat(Shingler.detect("12345 !!")).isEqualTo(ShingleKind.WORD);
    Shingler s = new Shingler(norm, ShingleKind.AUTO, 3, 2, 1000);
    assertThat(s.shingle("我们去公园散步吧").kind()).isEqualTo(ShingleKind.CHAR);
    assertThat(s.shingle("we walk in the park").kind()).isEqualTo(ShingleKind.WORD);
  }

  @Test
  void shortTextsGetOneShingleAndEmptyTextsNone() {
    Shingler s = new Shingler(norm, ShingleKind.AUTO, 5, 3, 1000);
    Shingles one = s.shingle("Hello");
    assertThat(one.size()).isEqualTo(1);
    assertThat(one.shortText()).isTrue();
    assertThat(s.shingle("hello!").hashes()).isEqualTo(one.hashes());
    assertThat(s.shingle("goodbye").hashes()).isNotEqualTo(one.hashes());
    assertThat(s.shingle("   ").isEmpty()).isTrue();
    assertThat(s.shingle("").isEmpty()).isTrue();
    assertThat(s.shingle("你好").shortText()).isTrue();
  }

  @Test
  void enormousTextsAreCappedAtMaxShingles() {
    Shingler s = new Shingler(norm, ShingleKind.WORD, 5, 1, 100);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1000; i++) sb.append("w").append(i).append(' ');
    Shingles big = s.shingle(sb.toString());
    assertThat(big.capped()).isTrue();
    assertThat(big.size()).isEqualTo(100);
    Shingler c = new Shingler(norm, ShingleKind.CHAR, 2, 1, 50);
    Shingles chars = c.shingle("abcdefghijklmnopqrstuvwxyz".repeat(10));
    assertThat(chars.capped()).isTrue();
    assertThat(chars.size()).isLessThanOrEqualTo(50);
    assertThat(s.shingle("a b c").capped()).isFalse();
  }
}
