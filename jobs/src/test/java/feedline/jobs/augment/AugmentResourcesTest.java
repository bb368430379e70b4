package feedline.jobs.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.common.config.ConfigError;
import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

class AugmentResourcesTest {
  private static AugmentConfig config(String... overrides) {
    return AugmentConfig.from(new Settings(ConfigLoader.load(null, List.of(overrides)), "feedline.augment"));
  }

  @Test
  void oneTranslatorAndOneAugmentationPerJvmAndConfig() {
    AugmentConfig a = config();
    AugmentConfig b = config();
    assertThat(AugmentResources.translator(a.translator())).isSameAs(AugmentResources.translator(b.translator()));
    assertThat(AugmentResources.augmentation(a, List.of())).isSameAs(AugmentResources.augmentation(b, List.of()));
    AugmentConfig other = config("feedline.augment.back-translation.apertium.batch-size=7");
    assertThat(AugmentResources.translator(other.translator())).isNotSameAs(AugmentResources.translator(a.translator()));
  }

  @Test
  void configErrorsNameKeyAndAllowedValues() {
    assertThatThrownBy(() -> config("feedline.augment.back-translation.engine=marian"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.back-translation.engine")
        .hasMessageContaining("apertium");
    assertThatThrownBy(() -> config("feedline.augment.back-translation.engine=chat"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.back-translation.chat.model");
    assertThatThrownBy(() -> config("feedline.augment.consistency.synonym.max-similarity=0.2"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.consistency.synonym.max-similarity");
    assertThatThrownBy(() -> config("feedline.augment.back-translation.chat.timeout=soon"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.back-translation.chat.timeout")
        .hasMessageContaining("duration");
  }
}
