package feedline.trainer.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feedline.trainer.io.CheckpointException;
import feedline.trainer.io.DType;
import feedline.trainer.io.SafeTensors;
import feedline.trainer.io.Tensor;
import feedline.trainer.lora.LoraConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A LoRA adapter in the PEFT layout: {@code adapter_config.json} and {@code adapter_model.safetensors}
 * with tensors named {@code base_model.model.model.layers.I.self_attn.q_proj.lora_A.weight}, which
 * PEFT, vLLM ({@code --lora-modules}) and llama.cpp's converter read.
 */
public final class PeftAdapterDir {
  public static final String CONFIG = "adapter_config.json";
  public static final String WEIGHTS = "adapter_model.safetensors";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PeftAdapterDir() {}

  public record Read(LoraConfig config, Map<String, Tensor> tensors) {}

  public static void write(Path dir, LoraConfig c, Map<String, Tensor> peftTensors, String baseModel) {
    try {
      Files.createDirectories(dir);
      ObjectNode n = JSON.createObjectNode();
      n.put("peft_type", "LORA");
      n.put("task_type", "CAUSAL_LM");
      n.put("base_model_name_or_path", baseModel);
      n.put("r", c.r());
      n.put("lora_alpha", c.alpha());
      n.put("lora_dropout", c.dropout());
      var targets = n.putArray("target_modules");
      c.targetModules().forEach(targets::add);
      n.put("bias", "none");
      n.put("fan_in_fan_out", false);
      n.put("inference_mode", true);
      n.put("init_lora_weights", true);
      n.put("use_rslora", false);
      n.put("use_dora", false);
      n.putNull("modules_to_save");
      n.putNull("layers_to_transform");
      n.putNull("layers_pattern");
      n.putObject("rank_pattern");
      n.putObject("alpha_pattern");
      JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(CONFIG).toFile(), n);
      SafeTensors.write(dir.resolve(WEIGHTS), peftTensors, DType.F32, Map.of("format", "pt"));
    } catch (IOException e) {
      throw new CheckpointException(dir + ": cannot write adapter: " + e.getMessage(), e);
    }
  }

  public static boolean isAdapter(Path dir) {
    return Files.isRegularFile(dir.resolve(CONFIG));
  }

  /** The parsed {@code adapter_config.json} of a PEFT adapter directory. */
  public static JsonNode readConfig(Path dir) {
    Path cfg = dir.resolve(CONFIG);
    if (!Files.isRegularFile(cfg)) throw new CheckpointException(dir + ": no " + CONFIG + " (expected a PEFT adapter directory)");
    try {
      return JSON.readTree(cfg.toFile());
    } catch (IOException e) {
      throw new CheckpointException(cfg + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The {@code peft_type} of a PEFT adapter directory (LORA, PREFIX_TUNING, ...). */
  public static String peftType(Path dir) {
    return readConfig(dir).path("peft_type").asText("");
  }

  public static Read read(Path dir) {
    Path cfg = dir.resolve(CONFIG);
    JsonNode n = readConfig(dir);
    if (!"LORA".equals(n.path("peft_type").asText())) {
      throw new CheckpointException(cfg + ": peft_type " + n.path("peft_type").asText("(none)") + " is not supported here (LORA; PREFIX_TUNING adapters load for generate and eval)");
    }
    if (n.path("use_dora").asBoolean(false) || n.path("use_rslora").asBoolean(false) || n.path("fan_in_fan_out").asBoolean(false)) {
      throw new CheckpointException(cfg + ": use_dora, use_rslora and fan_in_fan_out are not supported");
    }
    List<String> targets = new ArrayList<>();
    n.path("target_modules").forEach(t -> targets.add(t.asText()));
    LoraConfig c;
    try {
      c = new LoraConfig(n.path("r").asInt(), n.path("lora_alpha").asDouble(), n.path("lora_dropout").asDouble(0), targets);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(cfg + ": " + e.getMessage(), e);
    }
    Path w = dir.resolve(WEIGHTS);
    if (!Files.isRegularFile(w)) throw new CheckpointException(dir + ": no " + WEIGHTS);
    return new Read(c, SafeTensors.read(w));
  }
}
