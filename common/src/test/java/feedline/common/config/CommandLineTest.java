package feedline.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {
  @Test
  void splitsOptionsOverridesAndPositionals() {
    CommandLine c = CommandLine.parse(new String[] {"redact", "--input", "a.jsonl", "--output=b.parquet", "redact.mode=tag",
        "RUN-1", "--input", "c.jsonl"}, "usage");
    assertThat(c.command()).isEqualTo("redact");
    assertThat(c.options()).containsExactly(
        java.util.Map.entry("input", "c.jsonl"), java.util.Map.entry("output", "b.parquet"));
    assertThat(c.overrides()).containsExactly("redact.mode=tag");
    assertThat(c.positionals()).containsExactly("RUN-1");
  }

  @Test
  void anOptionValueMayContainEqualsSignsAndStartWithDashes() {
    CommandLine c = CommandLine.parse(new String[] {"metric", "--prompt", "a=b", "--x", "--y"}, "usage");
    assertThat(c.options()).containsEntry("prompt", "a=b").containsEntry("x", "--y");
    assertThat(c.overrides()).isEmpty();
  }

  @Test
  void errorsSayWhatIsWrong() {
    assertThatThrownBy(() -> CommandLine.parse(new String[0], "usage: feedline COMMAND"))
        .isInstanceOf(UsageError.class).hasMessage("usage: feedline COMMAND");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"train", "--conf"}, "u"))
        .isInstanceOf(UsageError.class).hasMessage("option --conf needs a value");
  }

  @Test
  void isImmutableAndCanSwapOverrides() {
    CommandLine c = CommandLine.parse(new String[] {"run", "a=1"}, "u");
    assertThatThrownBy(() -> c.overrides().add("b=2")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(c.withOverrides(java.util.List.of("b=2")).overrides()).containsExactly("b=2");
    assertThat(c.withOverrides(java.util.List.of("b=2")).command()).isEqualTo("run");
  }
}
