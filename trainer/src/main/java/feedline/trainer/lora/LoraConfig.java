package feedline.trainer.lora;

import java.util.List;

/** LoRA hyper-parameters: rank, scale numerator, input dropout and the linear layers adapted. */
public record LoraConfig(int r, double alpha, double dropout, List<String> targetModules) {
  /** Linear layers of a Llama/Qwen2 block by their short name, mapped to their path in the block. */
  public static final List<String> MODULES = List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");

  public LoraConfig {
    targetModules = List.copyOf(targetModules);
    if (r <= 0) throw new IllegalArgumentException("LoRA rank must be positive");
    for (String m : targetModules) {
      if (!MODULES.contains(m)) throw new IllegalArgumentException("unknown LoRA target module " + m + "; allowed " + MODULES);
    }
  }

  public double scale() {
    return alpha / r;
  }

  /** {@code q_proj} to {@code self_attn.q_proj}, {@code up_proj} to {@code mlp.up_proj}. */
  public static String path(String module) {
    return module.startsWith("q_") || module.startsWith("k_") || module.startsWith("v_") || module.startsWith("o_")
        ? "self_attn." + module : "mlp." + module;
  }
}
