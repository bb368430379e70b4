package feedline.trainer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feedline.trainer.io.CheckpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The decoder shape read from a Hugging Face {@code config.json}: Llama (deepseek-llm, deepseek-coder)
 * and Qwen2 (DeepSeek-R1-Distill-Qwen) families.
 */
public record ModelConfig(
    Family family,
    int vocabSize,
    int hiddenSize,
    int intermediateSize,
    int numLayers,
    int numHeads,
    int numKvHeads,
    int headDim,
    double rmsNormEps,
    double ropeTheta,
    RopeScaling ropeScaling,
    int maxPositions,
    boolean tieWordEmbeddings,
    boolean qkvBias,
    boolean oBias,
    int bosTokenId,
    int eosTokenId) {

  /** The architectures the trainer implements. */
  public enum Family {
    LLAMA("LlamaForCausalLM", "llama"),
    QWEN2("Qwen2ForCausalLM", "qwen2");

    public final String architecture;
    public final String modelType;

    Family(String architecture, String modelType) {
      this.architecture = architecture;
      this.modelType = modelType;
    }
  }

  public static final List<String> SUPPORTED = List.of("LlamaForCausalLM (model_type llama)", "Qwen2ForCausalLM (model_type qwen2)");
  private static final ObjectMapper JSON = new ObjectMapper();

  public ModelConfig {
    if (hiddenSize <= 0 || numLayers <= 0 || numHeads <= 0 || vocabSize <= 0 || intermediateSize <= 0) {
      throw new IllegalArgumentException("model sizes must be positive");
    }
    if (numKvHeads <= 0 || numHeads % numKvHeads != 0) {
      throw new IllegalArgumentException("num_attention_heads " + numHeads + " must be a multiple of num_key_value_heads " + numKvHeads);
    }
    if (headDim % 2 != 0) throw new IllegalArgumentException("head_dim must be even for rotary embeddings, got " + headDim);
  }

  public int kvGroups() {
    return numHeads / numKvHeads;
  }

  public static ModelConfig read(Path dir) {
    Path file = dir.resolve("config.json");
    if (!Files.isRegularFile(file)) throw new CheckpointException(dir + ": no config.json (expected a Hugging Face model directory)");
    try {
      return parse(JSON.readTree(file.toFile()), file.toString());
    } catch (IOException e) {
      throw new CheckpointException(file + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  public static ModelConfig parse(JsonNode n, String where) {
    Family family = family(n, where);
    String act = n.path("hidden_act").asText("silu");
    if (!act.equals("silu")) throw new CheckpointException(where + ": hidden_act " + act + " is not supported (only silu)");
    if (n.path("mlp_bias").asBoolean(false)) throw new CheckpointException(where + ": mlp_bias=true is not supported");
    int hidden = req(n, "hidden_size", where);
    int heads = req(n, "num_attention_heads", where);
    int kv = n.has("num_key_value_heads") && !n.get("num_key_value_heads").isNull() ? n.get("num_key_value_heads").asInt() : heads;
    int headDim = n.has("head_dim") && !n.get("head_dim").isNull() ? n.get("head_dim").asInt() : hidden / heads;
    boolean attnBias = n.path("attention_bias").asBoolean(false);
    boolean qkvBias = family == Family.QWEN2 || attnBias;
    boolean oBias = family == Family.LLAMA && attnBias;
    try {
      return new ModelConfig(family, req(n, "vocab_size", where), hidden, req(n, "intermediate_size", where),
          req(n, "num_hidden_layers", where), heads, kv, headDim,
          n.path("rms_norm_eps").asDouble(1e-6), n.path("rope_theta").asDouble(10000.0), scaling(n.get("rope_scaling"), where),
          n.path("max_position_embeddings").asInt(2048), n.path("tie_word_embeddings").asBoolean(false), qkvBias, oBias,
          tokenId(n.get("bos_token_id"), 1), tokenId(n.get("eos_token_id"), 2));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(where + ": " + e.getMessage(), e);
    }
  }

  private static Family family(JsonNode n, String where) {
    String arch = n.path("architectures").path(0).asText("");
    String type = n.path("model_type").asText("");
    for (Family f : Family.values()) {
      if (f.architecture.equals(arch) || (arch.isEmpty() && f.modelType.equals(type))) return f;
    }
    throw new CheckpointException(where + ": unsupported architecture " + (arch.isEmpty() ? "(none)" : arch)
        + " / model_type " + (type.isEmpty() ? "(none)" : type) + "; supported: " + SUPPORTED);
  }

  private static int req(JsonNode n, String key, String where) {
    JsonNode v = n.get(key);
    if (v == null || !v.canConvertToInt()) throw new CheckpointException(where + ": missing or non-integer " + key);
    return v.asInt();
  }

  private static int tokenId(JsonNode v, int dflt) {
    if (v == null || v.isNull()) return dflt;
    if (v.isArray()) return v.size() == 0 ? dflt : v.get(0).asInt();
    return v.asInt();
  }

  private static RopeScaling scaling(JsonNode s, String where) {
    if (s == null || s.isNull()) return RopeScaling.NONE;
    String type = s.has("rope_type") ? s.get("rope_type").asText() : s.path("type").asText("");
    double factor = s.path("factor").asDouble(1.0);
    switch (type.toLowerCase(Locale.ROOT)) {
      case "linear": return new RopeScaling(RopeScaling.Kind.LINEAR, factor);
      case "dynamic": return new RopeScaling(RopeScaling.Kind.DYNAMIC, factor);
      case "default": case "": return RopeScaling.NONE;
      default:
        throw new CheckpointException(where + ": rope_scaling type " + type + " is not supported (linear, dynamic)");
    }
  }

  /** config.json for this shape, as a Hugging Face loader expects it. */
  public ObjectNode toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.putArray("architectures").add(family.architecture);
    n.put("model_type", family.modelType);
    n.put("vocab_size", vocabSize);
    n.put("hidden_size", hiddenSize);
    n.put("intermediate_size", intermediateSize);
    n.put("num_hidden_layers", numLayers);
    n.put("num_attention_heads", numHeads);
    n.put("num_key_value_heads", numKvHeads);
    if (headDim != hiddenSize / numHeads) n.put("head_dim", headDim);
    n.put("hidden_act", "silu");
    n.put("rms_norm_eps", rmsNormEps);
    n.put("rope_theta", ropeTheta);
    if (ropeScaling.kind() == RopeScaling.Kind.NONE) {
      n.putNull("rope_scaling");
    } else {
      ObjectNode s = n.putObject("rope_scaling");
      s.put("type", ropeScaling.kind().name().toLowerCase(Locale.ROOT));
      s.put("rope_type", ropeScaling.kind().name().toLowerCase(Locale.ROOT));
      s.put("factor", ropeScaling.factor());
    }
    n.put("max_position_embeddings", maxPositions);
    n.put("tie_word_embeddings", tieWordEmbeddings);
    if (family == Family.LLAMA) n.put("attention_bias", qkvBias);
    n.put("bos_token_id", bosTokenId);
    n.put("eos_token_id", eosTokenId);
    n.put("torch_dtype", "float32");
    n.put("initializer_range", 0.02);
    return n;
  }

  /** The HF names and shapes of every weight this configuration needs, in a stable order. */
  public java.util.LinkedHashMap<String, long[]> weightShapes() {
    var m = new java.util.LinkedHashMap<String, long[]>();
    m.put("model.embed_tokens.weight", new long[] {vocabSize, hiddenSize});
    long q = (long) numHeads * headDim;
    long kvd = (long) numKvHeads * headDim;
    for (int i = 0; i < numLayers; i++) {
      String p = "model.layers." + i + ".";
      m.put(p + "input_layernorm.weight", new long[] {hiddenSize});
      m.put(p + "self_attn.q_proj.weight", new long[] {q, hiddenSize});
      m.put(p + "self_attn.k_proj.weight", new long[] {kvd, hiddenSize});
      m.put(p + "self_attn.v_proj.weight", new long[] {kvd, hiddenSize});
      if (qkvBias) {
        m.put(p + "self_attn.q_proj.bias", new long[] {q});
        m.put(p + "self_attn.k_proj.bias", new long[] {kvd});
        m.put(p + "self_attn.v_proj.bias", new long[] {kvd});
      }
      m.put(p + "self_attn.o_proj.weight", new long[] {hiddenSize, q});
      if (oBias) m.put(p + "self_attn.o_proj.bias", new long[] {hiddenSize});
      m.put(p + "post_attention_layernorm.weight", new long[] {hiddenSize});
      m.put(p + "mlp.gate_proj.weight", new long[] {intermediateSize, hiddenSize});
      m.put(p + "mlp.up_proj.weight", new long[] {intermediateSize, hiddenSize});
      m.put(p + "mlp.down_proj.weight", new long[] {hiddenSize, intermediateSize});
    }
    m.put("model.norm.weight", new long[] {hiddenSize});
    if (!tieWordEmbeddings) m.put("lm_head.weight", new long[] {vocabSize, hiddenSize});
    return m;
  }
}
