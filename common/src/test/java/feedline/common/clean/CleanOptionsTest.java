package feedline.common.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.common.config.ConfigError;
import feedline.common.text.DoorNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanOptionsTest {
  @TempDir
  Path tmp;

  @Test
  void shippedDefaultsBind() {
    CleanOptions o = CleanFixtures.options();
    assertThat(o.normalize().unicodeForm()).isEqualTo(DoorNormalizer.Form.NFC);
    assertThat(o.lang().keep()).containsExactly("zh", "en");
    assertThat(o.filters().enabled()).contains(CleanRule.TOP_NGRAM, CleanRule.DUPLICATE_NGRAMS, CleanRule.LINE_PUNCTUATION);
    assertThat(o.filters().topNgramN()).containsExactly(2, 3, 4);
  }

  @Test
  void badValuesNameTheKeyAndWhatIsAllowed() {
    assertThatThrownBy(() -> CleanFixtures.options("normalize.unicode-form = NFX")).isInstanceOf(ConfigError.class)
        .hasMessageContaining("feedline.clean.normalize.unicode-form").hasMessageContaining("NFX").hasMessageContaining("nfkc");
    assertThatThrownBy(() -> CleanFixtures.options("filters.top-ngram.max = [0.2]")).isInstanceOf(ConfigError.class)
        .hasMessageContaining("feedline.clean.filters.top-ngram.max").hasMessageContaining("one threshold per n");
    assertThatThrownBy(() -> CleanFixtures.options("lang.keep = [english]")).isInstanceOf(ConfigError.class)
        .hasMessageContaining("feedline.clean.lang.keep").hasMessageContaining("english");
    assertThatThrownBy(() -> CleanFixtures.options("filters.digit-ratio.max = 2")).isInstanceOf(ConfigError.class)
        .hasMessageContaining("feedline.clean.filters.digit-ratio.max").hasMessageContaining("[0.0, 1.0]");
    assertThatThrownBy(() -> CleanFixtures.options("filters.mean-word-length.min = 12")).isInstanceOf(ConfigError.class)
        .hasMessageContaining("feedline.clean.filters.mean-word-length.min");
  }

  @Test
  void blocklistFilesAreReadAndCommentsSkipped() throws Exception {
    Path words = tmp.resolve("words.txt");
    Files.writeString(words, "# comment\nbadword\n\n坏词\n");
    Path domains = tmp.resolve("domains.txt");
    Files.writeString(domains, "*.spam.example\n");
    CleanOptions o = CleanFixtures.options("filters.bad-words.files = [\"" + words + "\"]",
        "filters.url-domains.files = [\"" + domains + "\"]");
    Blocklists b = new Blocklists(o.badWords(), o.blockedDomains());
    assertThat(b.badWordHits("a BADWORD and 坏词 and # comment")).isEqualTo(2);
    assertThat(b.blockedDomain(List.of("https://a.spam.example/x"), "", false)).isEqualTo("a.spam.example");
    assertThatThrownBy(() -> CleanFixtures.options("filters.bad-words.files = [\"" + tmp.resolve("missing.txt") + "\"]"))
        .hasMessageContaining("missing.txt");
  }

  @Test
  void everyStepIsCountedAndCanBeSwitchedOff() {
    String messy = "<b>Caf\u00c3\u00a9</b> &amp; bar\u200B  owners   say the coffee here is great!!!!!! "
        + "People come back every single morning for it and stay for a while.";
    CleanResult on = new DocumentCleaner(CleanFixtures.options("lang.keep = []")).clean(messy, List.of());
    assertThat(on.text()).isEqualTo("Café & bar owners say the coffee here is great!!! "
        + "People come back every single morning for it and stay for a while.");
    assertThat(on.edits()).containsEntry(DocumentCleaner.MOJIBAKE, 1).containsEntry(DocumentCleaner.MARKUP, 2)
        .containsEntry(DocumentCleaner.HTML_ENTITIES, 1).containsEntry(DocumentCleaner.INVISIBLE, 1)
        .containsEntry(DocumentCleaner.PUNCTUATION_RUNS, 1).containsKey(DocumentCleaner.WHITESPACE);
    CleanResult off = new DocumentCleaner(CleanFixtures.options("lang.keep = []", "correct.mojibake = false",
        "normalize.markup = false", "normalize.punctuation-runs = false")).clean(messy, List.of());
    assertThat(off.text()).contains("Caf\u00c3\u00a9").contains("<b>").contains("!!!!!!");
    assertThat(off.edits()).doesNotContainKeys(DocumentCleaner.MOJIBAKE, DocumentCleaner.MARKUP, DocumentCleaner.PUNCTUATION_RUNS);
  }
}
