package feedline.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionReaderTest {
  private static OptionReader r(Map<String, String> m) {
    return new OptionReader(m, "lm scorer option ");
  }

  @Test
  void readsTypedValuesAndDefaultsForMissingOrBlank() {
    OptionReader o = r(Map.of("batch-size", " 16 ", "chat-template", "true", "factor", "2.5", "device", "", "prompt", "{text}"));
    assertThat(o.integer("batch-size", 8, 1, 4096)).isEqualTo(16);
    assertThat(o.integer("max-length", 512, 8, 1 << 20)).isEqualTo(512);
    assertThat(o.bool("chat-template", false)).isTrue();
    assertThat(o.bool("length-normalize", false)).isFalse();
    assertThat(o.number("factor", 2.0, 0, 100)).isEqualTo(2.5);
    assertThat(o.oneOf("device", "cpu", List.of("cpu", "gpu", "auto"))).isEqualTo("cpu");
    assertThat(o.string("prompt", "x")).isEqualTo("{text}");
  }

  @Test
  void badValuesNameTheKeyTheValueAndWhatIsAllowed() {
    OptionReader o = r(Map.of("batch-size", "0", "chat-template", "maybe", "factor", "abc", "device", "tpu"));
    assertThatThrownBy(() -> o.integer("batch-size", 8, 1, 4096))
        .hasMessage("lm scorer option batch-size = '0': an integer in [1, 4096]");
    assertThatThrownBy(() -> o.bool("chat-template", false)).hasMessage("lm scorer option chat-template = 'maybe': allowed true, false");
    assertThatThrownBy(() -> o.number("factor", 2, 0, 100)).hasMessage("lm scorer option factor = 'abc': a number in (0, 100]");
    assertThatThrownBy(() -> o.oneOf("device", "cpu", List.of("cpu", "gpu", "auto")))
        .hasMessage("lm scorer option device = 'tpu': allowed cpu, gpu, auto");
  }

  @Test
  void unknownKeysAreRefusedUnlessIgnored() {
    assertThatThrownBy(() -> r(Map.of("beam", "4")).onlyKeys(Set.of("model-dir", "device"), Set.of()))
        .hasMessage("lm scorer option: unknown option 'beam'; allowed: [device, model-dir]");
    assertThat(r(Map.of("train", "x")).onlyKeys(Set.of("model-dir"), Set.of("train"))).isNotNull();
  }
}
