package feedline.common.augment;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.common.augment.translate.ApertiumTranslator;
import feedline.common.augment.translate.BackTranslation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-method fractions: a method runs on a deterministic share of the items, the others on all. */
class AugmentationFractionTest {
  private static final ConsistencyCheck CHECK = new ConsistencyCheck(Map.of(),
      new ConsistencyCheck.Bounds(0, 1, 0.01, 100), 3, 2);

  private static List<Augmentation.Item> items(int n) {
    List<Augmentation.Item> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Augmentation.Item("doc-" + i, "text",
          "The parcel " + i + " arrived late. The customer asked for a refund. Support replied within two days.", Lang.EN, true));
    }
    return out;
  }

  private static Set<Integer> itemsWith(List<Augmentation.Outcome> outcomes, String method) {
    Set<Integer> out = new java.util.TreeSet<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i).candidates().stream().anyMatch(c -> c.method().equals(method))) out.add(i);
    }
    return out;
  }

  private static Augmentation shuffleAndEda(Map<String, Double> fractions) {
    ProtectedSpans protect = new ProtectedSpans(List.of());
    return new Augmentation(List.of(new SentenceShuffle(), new EdaEdits(protect, 0.2, new WordNetSynonyms(0.8, 2), new HanlpSynonyms())),
        Set.of(SentenceShuffle.METHOD, EdaEdits.METHOD), Map.of(SentenceShuffle.METHOD, 1, EdaEdits.METHOD, 1), null, CHECK, 7,
        fractions);
  }

  @Test
  void aMethodWithAFractionRunsOnThatShareOnlyAndTheSameItemsEveryTime() {
    List<Augmentation.Item> items = items(600);
    Augmentation aug = shuffleAndEda(Map.of(SentenceShuffle.METHOD, 0.25));
    List<Augmentation.Outcome> first = aug.run(items, new ArrayList<>());
    Set<Integer> shuffled = itemsWith(first, SentenceShuffle.METHOD);
    assertThat(shuffled.size()).isBetween(110, 190);
    // the method without a fraction still runs on every item
    assertThat(itemsWith(first, EdaEdits.METHOD)).hasSize(600);
    // the draw is the same in a fresh instance (another executor) and matches takes()
    assertThat(itemsWith(shuffleAndEda(Map.of(SentenceShuffle.METHOD, 0.25)).run(items, new ArrayList<>()), SentenceShuffle.METHOD))
        .isEqualTo(shuffled);
    for (int i = 0; i < items.size(); i++) {
      assertThat(aug.takes(items.get(i), SentenceShuffle.METHOD)).isEqualTo(shuffled.contains(i));
    }
    // zero turns the method off; one (or no entry) keeps it on everywhere
    assertThat(itemsWith(shuffleAndEda(Map.of(SentenceShuffle.METHOD, 0.0)).run(items, new ArrayList<>()), SentenceShuffle.METHOD)).isEmpty();
    assertThat(itemsWith(shuffleAndEda(Map.of(SentenceShuffle.METHOD, 1.0)).run(items, new ArrayList<>()), SentenceShuffle.METHOD)).hasSize(600);
  }

  @Test
  void backTranslationWithAFractionSendsOnlyTheSampleToTheRealEngine() {
    List<Augmentation.Item> items = items(40);
    ApertiumTranslator apertium = new ApertiumTranslator("apertium", Map.of("en-es", "eng-spa", "es-en", "spa-eng"),
        Duration.ofSeconds(60), 64);
    BackTranslation bt = new BackTranslation(apertium, Map.of("en", List.of("es")), new ProtectedSpans(List.of()), false);
    Augmentation aug = new Augmentation(List.of(), Set.of(), Map.of(), bt, CHECK, 7, Map.of(BackTranslation.METHOD, 0.3));
    List<BackTranslation.Timing> timings = new ArrayList<>();
    List<Augmentation.Outcome> out = aug.run(items, timings);
    Set<Integer> translated = itemsWith(out, BackTranslation.METHOD);
    assertThat(translated).isNotEmpty().hasSizeLessThan(25);
    long sent = timings.stream().mapToLong(BackTranslation.Timing::texts).sum();
    // each sampled text goes out and back: two engine texts each, none for the others
    assertThat(sent).isEqualTo(2L * translated.size());
    for (int i : translated) {
      assertThat(out.get(i).candidates()).filteredOn(c -> c.method().equals(BackTranslation.METHOD))
          .allSatisfy(c -> assertThat(c.text()).isNotBlank());
    }
  }
}
