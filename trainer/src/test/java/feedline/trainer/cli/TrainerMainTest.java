package feedline.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.common.config.UsageError;
import feedline.common.sft.TokenizedExample;
import feedline.trainer.export.Adapters;
import feedline.trainer.generate.Generator;
import feedline.trainer.io.HfCheckpoint;
import feedline.trainer.model.LlamaModel;
import feedline.trainer.train.TrainFixtures;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerMainTest {
  @TempDir Path dir;

  @Test
  void trainFromAConfFileThenGenerateContinuesTheLearnedPattern() throws Exception {
    Path model = dir.resolve("model");
    Path data = dir.resolve("data");
    assertThat(TrainerMain.run(new String[] {"init-model", "--output", model.toString(), "init.hidden-size=32",
        "init.intermediate-size=64", "init.init-std=0.2"})).isZero();
    List<TokenizedExample> rows = new ArrayList<>(TrainFixtures.rows("train", 4, 2, 18, 8));
    rows.addAll(TrainFixtures.rows("validation", 2, 2, 18, 8));
    TrainFixtures.dataset(data, rows, 2);
    Path conf = dir.resolve("train.conf");
    Files.writeString(conf, "feedline.trainer {\n  method = lora\n  lora.target-modules = [q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj]\n"
        + "  lora.dropout = 0\n  optimizer.lr = 0.03\n  max-steps = 40\n  batch-size = 2\n  eval.every-steps = 20\n  log-every-steps = 20\n}\n");
    Path out = dir.resolve("run");
    assertThat(TrainerMain.run(new String[] {"train", "--conf", conf.toString(), "--model", model.toString(), "--data", data.toString(),
        "--output", out.toString(), "checkpoint.every-steps=20"})).isZero();
    assertThat(out.resolve("final/adapter_model.safetensors")).exists();
    assertThat(out.resolve("checkpoint-0000040/state.json")).exists();
    assertThat(out.resolve("metrics.jsonl")).exists();

    // greedy continuation of a training row's first tokens reproduces the row
    int[] row = rows.get(0).inputIds();
    HfCheckpoint.Loaded base = HfCheckpoint.load(model);
    try (NDManager root = NDManager.newBaseManager(); LlamaModel m = LlamaModel.create(root, base.config(), base.weights())) {
      m.setAdapter(Adapters.load(root, base.config(), out.resolve("final")));
      int[] got = Generator.continueIds(m, Arrays.copyOf(row, 6), 6, 0, 1, 1, -1);
      assertThat(got).containsExactly(Arrays.copyOfRange(row, 6, 12));
    }

    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(TrainerMain.run(new String[] {"generate", "--model", model.toString(), "--adapter", out.resolve("final").toString(),
          "--prompt", "hello [world]", "generate.max-new-tokens=5", "generate.temperature=0.8", "generate.top-p=0.9"})).isZero();
    } finally {
      System.setOut(saved);
    }
    assertThat(buf.toString(StandardCharsets.UTF_8)).isNotBlank();
  }

  @Test
  void configurationErrorsNameTheKeyAndTheAllowedValues() {
    assertThatThrownBy(() -> TrainerMain.run(new String[] {"train", "--model", "m", "--data", "d", "method=adapter"}))
        .hasMessageContaining("feedline.trainer.method").hasMessageContaining("[lora, full, prefix]");
    assertThatThrownBy(() -> TrainerMain.run(new String[] {"train", "--model", "m", "--data", "d", "lora.target-modules=[q_proj,qkv]"}))
        .hasMessageContaining("feedline.trainer.lora.target-modules").hasMessageContaining("gate_proj");
    assertThatThrownBy(() -> TrainerMain.run(new String[] {"train", "--data", "d"}))
        .hasMessageContaining("feedline.trainer.model-dir");
    assertThatThrownBy(() -> TrainerMain.run(new String[] {"train", "--model", "m", "--data", "d", "device=tpu"}))
        .hasMessageContaining("feedline.trainer.device").hasMessageContaining("[cpu, gpu, auto]");
    assertThatThrownBy(() -> TrainerMain.run(new String[] {"generate", "--model", "m", "--bogus", "x"}))
        .isInstanceOf(UsageError.class).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> TrainerMain.run(new String[] {"merge", "--model", dir.toString(), "--adapter", dir.toString(), "--output", "o"}))
        .hasMessageContaining("no config.json");
  }

}
