package feedline.trainer.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LossScalerTest {
  @Test
  void growsAfterTheIntervalAndBacksOffOnOverflow() {
    LossScaler s = new LossScaler(1024, 2, 0.5, 2);
    assertThat(s.update(false)).isFalse();
    assertThat(s.scale()).isEqualTo(1024);
    assertThat(s.update(false)).isFalse();
    assertThat(s.scale()).isEqualTo(2048);
    assertThat(s.update(false)).isFalse();
    assertThat(s.update(true)).isTrue();
    assertThat(s.scale()).isEqualTo(1024);
    assertThat(s.skippedSteps()).isEqualTo(1);
    // the overflow reset the clean-step count: one clean step does not grow
    assertThat(s.update(false)).isFalse();
    assertThat(s.scale()).isEqualTo(1024);
    LossScaler copy = new LossScaler(1, 2, 0.5, 2);
    copy.restore(s.state());
    s.update(false);
    copy.update(false);
    assertThat(copy.state()).isEqualTo(s.state());
    assertThat(copy.scale()).isEqualTo(2048);
  }

  @Test
  void refusesNonsenseSettings() {
    assertThatThrownBy(() -> new LossScaler(0, 2, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LossScaler(1, 2, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
