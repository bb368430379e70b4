package feedline.common.augment.translate;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.common.augment.Lang;
import feedline.common.augment.ProtectedSpans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the real Apertium engine (apertium + apertium-eng-spa, installed by .ci/run). */
class ApertiumTranslatorTest {
  static final Map<String, String> MODES = Map.of("en-es", "eng-spa", "es-en", "spa-eng");

  private static ApertiumTranslator apertium(int batch) {
    return new ApertiumTranslator("apertium", MODES, Duration.ofSeconds(60), batch);
  }

  @Test
  void translatesABatchThroughOneProcessKeepingOrder() {
    List<Translation> out = apertium(8).translate(
        List.of("The dog is sleeping.", "I want the", "Two lines\nhere are fine.", "Thank you very much."), "en", "es");
    assertThat(out).allSatisfy(t -> assertThat(t.isOk()).isTrue());
    assertThat(out.get(0).text()).containsIgnoringCase("perro");
    assertThat(out.get(3).text()).containsIgnoringCase("gracias");
    assertThat(out.get(2).text()).contains("\n");
  }

  @Test
  void unknownPairAndMissingBinaryFailPerTextWithoutThrowing() {
    assertThat(apertium(4).translate(List.of("hola"), "es", "fr")).singleElement()
        .satisfies(t -> assertThat(t.error()).contains("no mode for es-fr"));
    ApertiumTranslator missing = new ApertiumTranslator("/nonexistent/apertium", MODES, Duration.ofSeconds(5), 4);
    assertThat(missing.translate(List.of("a", "b"), "en", "es")).hasSize(2)
        .allSatisfy(t -> assertThat(t.error()).contains("cannot start"));
  }

  @Test
  void backTranslatesEnglishThroughSpanishKeepingPlaceholdersAndTerms() {
    BackTranslation bt = new BackTranslation(apertium(16), Map.of("en", List.of("es"), "zh", List.of("en")),
        new ProtectedSpans(List.of("router")), false);
    assertThat(bt.pivotsOf(Lang.EN)).containsExactly("es");
    assertThat(bt.pivotsOf(Lang.ZH)).isEmpty(); // apertium has no Chinese pair here
    List<BackTranslation.Timing> timings = new ArrayList<>();
    List<List<BackTranslation.Result>> out = bt.run(List.of(
        new BackTranslation.Request("Please call <PHONE_1> tomorrow if the router does not restart after 10 minutes.", Lang.EN),
        new BackTranslation.Request("The patient bought a new car yesterday and drove it to [EMAIL] quickly.", Lang.EN)),
        timings);
    assertThat(out).hasSize(2);
    BackTranslation.Result first = out.get(0).get(0);
    assertThat(first.isOk()).isTrue();
    assertThat(first.pivot()).isEqualTo("es");
    assertThat(first.text()).contains("<PHONE_1>", "router", "10")
        .isNotEqualTo("Please call <PHONE_1> tomorrow if the router does not restart after 10 minutes.");
    assertThat(out.get(1).get(0).text()).contains("[EMAIL]");
    assertThat(timings).hasSize(2); // one batched call there, one back
    assertThat(timings).allSatisfy(t -> assertThat(t.texts()).isEqualTo(2));
  }

  @Test
  void masksAndRestoresProtectedSpans() {
    Masking.Masked m = Masking.mask("Call <PHONE_1> about the router at 10:30.", Lang.EN,
        new ProtectedSpans(List.of("router")), true);
    assertThat(m.text()).isEqualTo("Call QZ0ZQ about the QZ1ZQ at QZ2ZQ.");
    assertThat(m.unmask("Llame qz0zq sobre el QZ1ZQ a las QZ 2ZQ.")).isEqualTo("Llame <PHONE_1> sobre el router a las 10:30.");
  }
}
