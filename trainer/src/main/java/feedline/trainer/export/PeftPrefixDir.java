package feedline.trainer.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feedline.trainer.io.CheckpointException;
import feedline.trainer.io.DType;
import feedline.trainer.io.SafeTensors;
import feedline.trainer.io.Tensor;
import feedline.trainer.model.ModelConfig;
import feedline.trainer.prefix.PrefixAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A prefix adapter in PEFT's {@code PREFIX_TUNING} layout (no prefix projection):
 * {@code adapter_config.json} and {@code adapter_model.safetensors} with one tensor
 * {@code prompt_embeddings} of shape {@code [P, layers * 2 * tokenDim]}, {@code tokenDim =
 * kvHeads * headDim} (PEFT sets {@code num_attention_heads} to the key/value heads for
 * grouped-query models). Each row holds, for one virtual token, layer 0's key, layer 0's value,
 * layer 1's key, ..., each as {@code [kvHeads, headDim]}: PEFT views the row as
 * {@code (layers * 2, heads, headDim)} and splits it into per-layer key/value cache entries.
 */
public final class PeftPrefixDir {
  public static final String TENSOR = "prompt_embeddings";
  public static final String PEFT_TYPE = "PREFIX_TUNING";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PeftPrefixDir() {}

  /** The PEFT tensor from feedline's per-layer prefixes ({@code prefix.layers.I.key|value}, {@code [P, kv, d]}). */
  public static Tensor toPeft(ModelConfig c, Map<String, Tensor> prefix) {
    int layers = c.numLayers();
    int tokenDim = c.numKvHeads() * c.headDim();
    Tensor k0 = prefix.get(PrefixAdapter.name(0, "key"));
    if (k0 == null) throw new IllegalArgumentException("prefix lacks " + PrefixAdapter.name(0, "key"));
    int p = k0.dim(0);
    int row = layers * 2 * tokenDim;
    float[] out = new float[p * row];
    for (int l = 0; l < layers; l++) {
      for (int kv = 0; kv < 2; kv++) {
        String n = PrefixAdapter.name(l, kv == 0 ? "key" : "value");
        Tensor t = prefix.get(n);
        if (t == null || t.size() != (long) p * tokenDim) {
          throw new IllegalArgumentException("prefix tensor " + n + " is missing or not [" + p + ", " + c.numKvHeads() + ", " + c.headDim() + "]");
        }
        int col = (l * 2 + kv) * tokenDim;
        for (int v = 0; v < p; v++) System.arraycopy(t.data(), v * tokenDim, out, v * row + col, tokenDim);
      }
    }
    return new Tensor(new long[] {p, row}, out);
  }

  /** Feedline's per-layer prefixes from the PEFT tensor {@code [P, layers * 2 * kv * d]}. */
  public static Map<String, Tensor> fromPeft(ModelConfig c, Tensor emb) {
    int layers = c.numLayers();
    int tokenDim = c.numKvHeads() * c.headDim();
    int row = layers * 2 * tokenDim;
    if (emb.shape().length != 2 || emb.dim(1) != row) {
      throw new IllegalArgumentException(TENSOR + " has shape " + emb.shapeString() + ", expected [P, " + row + "] (" + layers
          + " layers x 2 x " + c.numKvHeads() + " kv heads x " + c.headDim() + ")");
    }
    int p = emb.dim(0);
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (int l = 0; l < layers; l++) {
      for (int kv = 0; kv < 2; kv++) {
        float[] d = new float[p * tokenDim];
        int col = (l * 2 + kv) * tokenDim;
        for (int v = 0; v < p; v++) System.arraycopy(emb.data(), v * row + col, d, v * tokenDim, tokenDim);
        out.put(PrefixAdapter.name(l, kv == 0 ? "key" : "value"), new Tensor(new long[] {p, c.numKvHeads(), c.headDim()}, d));
      }
    }
    return out;
  }

  public static void write(Path dir, ModelConfig c, Map<String, Tensor> prefix, String baseModel) throws IOException {
    Tensor emb = toPeft(c, prefix);
    Files.createDirectories(dir);
    int tokenDim = c.numKvHeads() * c.headDim();
    ObjectNode n = JSON.createObjectNode();
    n.put("peft_type", PEFT_TYPE);
    n.put("task_type", "CAUSAL_LM");
    n.put("base_model_name_or_path", baseModel);
    n.putNull("revision");
    n.put("inference_mode", true);
    n.put("num_virtual_tokens", emb.dim(0));
    n.put("token_dim", tokenDim);
    n.put("num_transformer_submodules", 1);
    n.put("num_attention_heads", c.numKvHeads());
    n.put("num_layers", c.numLayers());
    n.put("encoder_hidden_size", tokenDim);
    n.put("prefix_projection", false);
    n.putNull("auto_mapping");
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(PeftAdapterDir.CONFIG).toFile(), n);
    SafeTensors.write(dir.resolve(PeftAdapterDir.WEIGHTS), Map.of(TENSOR, emb), DType.F32, Map.of("format", "pt"));
  }

  /** Reads a PEFT prefix adapter for model {@code c}, checking its config against the model's shape. */
  public static Map<String, Tensor> read(Path dir, ModelConfig c) {
    Path cfg = dir.resolve(PeftAdapterDir.CONFIG);
    JsonNode n = PeftAdapterDir.readConfig(dir);
    if (!PEFT_TYPE.equals(n.path("peft_type").asText())) {
      throw new CheckpointException(cfg + ": peft_type " + n.path("peft_type").asText("(none)") + " is not " + PEFT_TYPE);
    }
    if (n.path("prefix_projection").asBoolean(false)) {
      throw new CheckpointException(cfg + ": prefix_projection = true is not supported (export the projected prefix without the MLP)");
    }
    int tokenDim = c.numKvHeads() * c.headDim();
    int[][] expect = {
        {n.path("num_layers").asInt(-1), c.numLayers()},
        {n.path("token_dim").asInt(-1), tokenDim},
        {n.path("num_attention_heads").asInt(-1), c.numKvHeads()},
        {n.path("num_transformer_submodules").asInt(1), 1}};
    String[] names = {"num_layers", "token_dim", "num_attention_heads", "num_transformer_submodules"};
    for (int i = 0; i < expect.length; i++) {
      if (expect[i][0] != expect[i][1]) {
        throw new CheckpointException(cfg + ": " + names[i] + " = " + expect[i][0] + " does not fit the model (expected " + expect[i][1] + ")");
      }
    }
    Path w = dir.resolve(PeftAdapterDir.WEIGHTS);
    if (!Files.isRegularFile(w)) throw new CheckpointException(dir + ": no " + PeftAdapterDir.WEIGHTS);
    Map<String, Tensor> t = SafeTensors.read(w);
    Tensor emb = t.get(TENSOR);
    if (emb == null) throw new CheckpointException(w + ": no tensor " + TENSOR + " (found " + t.keySet() + ")");
    int p = n.path("num_virtual_tokens").asInt(-1);
    if (emb.shape().length != 2 || emb.dim(0) != p) {
      throw new CheckpointException(w + ": " + TENSOR + " has shape " + Arrays.toString(emb.shape()) + ", config says num_virtual_tokens = " + p);
    }
    try {
      return fromPeft(c, emb);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(w + ": " + e.getMessage(), e);
    }
  }
}
