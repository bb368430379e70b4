package feedline.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Config BASE = ConfigFactory.parseString(
      "feedline { lake.root = x, n = 5, size = 64M, mode = fast, flag = true, list = [a, b], ratio = 0.5 }");

  @Test
  void overridesAcceptPlainValuesPathsAndHoconLists() {
    Config c = ConfigLoader.parseOverrides(List.of("lake.root=file:///tmp/lake//x", "feedline.n=7", "list=[c, d]"))
        .withFallback(BASE).resolve();
    assertThat(c.getString("feedline.lake.root")).isEqualTo("file:///tmp/lake//x");
    assertThat(c.getInt("feedline.n")).isEqualTo(7);
    assertThat(c.getStringList("feedline.list")).containsExactly("c", "d");
  }

  @Test
  void overrideWithoutEqualsSignIsRejectedWithItsText() {
    assertThatThrownBy(() -> ConfigLoader.parseOverrides(List.of("lake.root")))
        .isInstanceOf(ConfigError.class).hasMessageContaining("key=value");
  }

  @Test
  void typedReadsNameKeyValueAndAllowedValues() {
    Config c = ConfigLoader.parseOverrides(List.of("n=lots", "mode=slow", "size=huge", "ratio=2", "flag=perhaps"))
        .withFallback(BASE);
    Settings s = new Settings(c, "feedline");
    assertThatThrownBy(() -> s.integer("n", 1, 10)).isInstanceOf(ConfigError.class)
        .hasMessage("invalid config feedline.n = \"lots\": allowed an integer in [1, 10]");
    assertThatThrownBy(() -> s.oneOf("mode", List.of("fast", "exact"))).isInstanceOf(ConfigError.class)
        .hasMessageContaining("feedline.mode").hasMessageContaining("slow").hasMessageContaining("[fast, exact]");
    assertThatThrownBy(() -> s.bytes("size", 1, 1L << 40)).hasMessageContaining("feedline.size").hasMessageContaining("64M");
    assertThatThrownBy(() -> s.number("ratio", 0, 1)).hasMessageContaining("feedline.ratio").hasMessageContaining("[0.0, 1.0]");
    assertThatThrownBy(() -> s.bool("flag")).hasMessageContaining("true or false");
    assertThatThrownBy(() -> s.string("missing")).hasMessageContaining("feedline.missing").hasMessageContaining("(missing)");
  }

  @Test
  void validValuesBindToTypes() {
    Settings s = new Settings(BASE, "feedline");
    assertThat(s.integer("n", 1, 10)).isEqualTo(5);
    assertThat(s.bytes("size", 1, 1L << 40)).isEqualTo(64L << 20);
    assertThat(s.oneOf("mode", List.of("FAST", "exact"))).isEqualTo("FAST");
    assertThat(s.subsetOf("list", List.of("a", "b", "c"))).containsExactly("a", "b");
    assertThatThrownBy(() -> s.subsetOf("list", List.of("a"))).hasMessageContaining("\"b\"");
  }

  @Test
  void unknownKeysInUserFileAreRejectedWithNeighbours(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("user.conf");
    Files.writeString(f, "feedline.test-section { known = 1, knwon = 2 }");
    // the test classpath has a reference.conf with feedline.test-section.known
    assertThatThrownBy(() -> ConfigLoader.load(f, List.of())).isInstanceOf(ConfigError.class)
        .hasMessageContaining("feedline.test-section.knwon").hasMessageContaining("known");
    Files.writeString(f, "feedline.test-section { known = 3 }");
    assertThat(ConfigLoader.load(f, List.of("test-section.secret-token=abc")).getInt("feedline.test-section.known")).isEqualTo(3);
  }

  @Test
  void missingConfigFileIsAConfigError(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.conf"), List.of()))
        .isInstanceOf(ConfigError.class).hasMessageContaining("nope.conf");
  }

  @Test
  void renderMasksSecretsAndDigestFollowsValues() {
    Config a = ConfigFactory.parseString("feedline { redact.hmac-key = s3cr3t, x = 1 }");
    Config b = ConfigFactory.parseString("feedline { redact.hmac-key = other, x = 1 }");
    Config c = ConfigFactory.parseString("feedline { redact.hmac-key = s3cr3t, x = 2 }");
    assertThat(ConfigLoader.renderMasked(a)).doesNotContain("s3cr3t").contains("***");
    assertThat(ConfigLoader.digest(a)).isEqualTo(ConfigLoader.digest(b)).isNotEqualTo(ConfigLoader.digest(c));
  }

  @Test
  void onlyKeysNamingASecretAreMasked() {
    assertThat(ConfigLoader.isSecret("feedline.redact.hmac-key")).isTrue();
    assertThat(ConfigLoader.isSecret("feedline.augment.openai.api-token")).isTrue();
    assertThat(ConfigLoader.isSecret("feedline.hadoop.\"fs.s3a.secret.key\"")).isTrue();
    assertThat(ConfigLoader.isSecret("feedline.db.password")).isTrue();
    assertThat(ConfigLoader.isSecret("feedline.build.tokenizer")).isFalse();
    assertThat(ConfigLoader.isSecret("feedline.trainer.generate.max-new-tokens")).isFalse();
    assertThat(ConfigLoader.isSecret("feedline.trainer.prefix.virtual-tokens")).isFalse();
    assertThat(ConfigLoader.isSecret("feedline.redact.hmac-key-env")).isFalse();
  }
}
