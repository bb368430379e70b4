package feedline.trainer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feedline.trainer.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Hugging Face model directory: {@code config.json}, weights in {@code model.safetensors} or shards
 * listed by {@code model.safetensors.index.json}, and tokenizer files that travel with it.
 */
public final class HfCheckpoint {
  public static final String SINGLE = "model.safetensors";
  public static final String INDEX = "model.safetensors.index.json";
  public static final List<String> TOKENIZER_FILES = List.of(
      "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "generation_config.json",
      "tokenizer.model", "vocab.json", "merges.txt");
  private static final ObjectMapper JSON = new ObjectMapper();

  private HfCheckpoint() {}

  /** A loaded checkpoint: its shape and every weight it needs, float32. */
  public record Loaded(ModelConfig config, Map<String, Tensor> weights) {}

  public static Loaded load(Path dir) {
    ModelConfig config = ModelConfig.read(dir);
    Map<String, long[]> needed = config.weightShapes();
    Map<String, Path> where = locate(dir);
    Map<Path, Set<String>> byFile = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String name : needed.keySet()) {
      Path f = where.get(name);
      if (f == null) {
        missing.add(name);
      } else {
        byFile.computeIfAbsent(f, k -> new HashSet<>()).add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new CheckpointException(dir + ": missing tensor " + missing.get(0)
          + (missing.size() > 1 ? " and " + (missing.size() - 1) + " more " + missing.subList(1, Math.min(missing.size(), 6)) : "")
          + " required by " + config.family().architecture + " config");
    }
    Map<String, Tensor> read = new LinkedHashMap<>();
    byFile.forEach((f, names) -> read.putAll(SafeTensors.read(f, names)));
    Map<String, Tensor> weights = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : needed.entrySet()) {
      Tensor t = read.get(e.getKey());
      if (!Arrays.equals(t.shape(), e.getValue())) {
        throw new CheckpointException(dir + ": tensor " + e.getKey() + " has shape " + t.shapeString()
            + ", config.json implies " + Arrays.toString(e.getValue()));
      }
      weights.put(e.getKey(), t);
    }
    return new Loaded(config, weights);
  }

  /** Tensor name to the file holding it. */
  private static Map<String, Path> locate(Path dir) {
    Path index = dir.resolve(INDEX);
    Path single = dir.resolve(SINGLE);
    Map<String, Path> where = new LinkedHashMap<>();
    if (Files.isRegularFile(index)) {
      JsonNode map;
      try {
        map = JSON.readTree(index.toFile()).path("weight_map");
      } catch (IOException e) {
        throw new CheckpointException(index + ": not valid JSON: " + e.getMessage(), e);
      }
      if (!map.isObject()) throw new CheckpointException(index + ": no weight_map object");
      Map<String, Set<String>> listed = new LinkedHashMap<>();
      map.fields().forEachRemaining(f -> listed.computeIfAbsent(f.getValue().asText(), k -> new HashSet<>()).add(f.getKey()));
      for (Map.Entry<String, Set<String>> e : listed.entrySet()) {
        Path shard = dir.resolve(e.getKey());
        if (!Files.isRegularFile(shard)) throw new CheckpointException(index + ": lists shard " + e.getKey() + " which does not exist");
        Set<String> inFile = SafeTensors.header(shard).entries().keySet();
        for (String n : e.getValue()) {
          if (!inFile.contains(n)) throw new CheckpointException(shard + ": index lists tensor " + n + " but the shard lacks it");
          where.put(n, shard);
        }
      }
    } else if (Files.isRegularFile(single)) {
      for (String n : SafeTensors.names(single)) where.put(n, single);
    } else {
      throw new CheckpointException(dir + ": no " + SINGLE + " or " + INDEX);
    }
    return where;
  }

  /**
   * Writes a checkpoint directory: config.json, the weights (one file, or shards of at most
   * {@code shardBytes} with an index when they exceed it), and tokenizer files copied from {@code tokenizerFrom}.
   */
  public static void save(Path dir, ObjectNode configJson, Map<String, Tensor> weights, DType dtype, long shardBytes, Path tokenizerFrom) {
    try {
      Files.createDirectories(dir);
      ObjectNode cfg = configJson.deepCopy();
      cfg.put("torch_dtype", dtype == DType.F32 ? "float32" : dtype == DType.F16 ? "float16" : "bfloat16");
      JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("config.json").toFile(), cfg);
      Files.deleteIfExists(dir.resolve(INDEX));
      long total = 0;
      for (Tensor t : weights.values()) total += t.size() * dtype.bytes();
      if (shardBytes <= 0 || total <= shardBytes) {
        SafeTensors.write(dir.resolve(SINGLE), weights, dtype, Map.of("format", "pt"));
      } else {
        List<Map<String, Tensor>> shards = new ArrayList<>();
        Map<String, Tensor> cur = new LinkedHashMap<>();
        long size = 0;
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
          long b = e.getValue().size() * dtype.bytes();
          if (!cur.isEmpty() && size + b > shardBytes) {
            shards.add(cur);
            cur = new LinkedHashMap<>();
            size = 0;
          }
          cur.put(e.getKey(), e.getValue());
          size += b;
        }
        shards.add(cur);
        Map<String, String> weightMap = new TreeMap<>();
        for (int i = 0; i < shards.size(); i++) {
          String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
          SafeTensors.write(dir.resolve(name), shards.get(i), dtype, Map.of("format", "pt"));
          shards.get(i).keySet().forEach(k -> weightMap.put(k, name));
        }
        ObjectNode index = JSON.createObjectNode();
        index.putObject("metadata").put("total_size", total);
        ObjectNode wm = index.putObject("weight_map");
        weightMap.forEach(wm::put);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(INDEX).toFile(), index);
        Files.deleteIfExists(dir.resolve(SINGLE));
      }
      if (tokenizerFrom != null) copyTokenizer(tokenizerFrom, dir);
    } catch (IOException e) {
      throw new CheckpointException(dir + ": cannot write checkpoint: " + e.getMessage(), e);
    }
  }

  public static void copyTokenizer(Path from, Path to) throws IOException {
    if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) return;
    for (String f : TOKENIZER_FILES) {
      if (Files.isRegularFile(from.resolve(f))) Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public static ObjectNode readConfigJson(Path dir) {
    try {
      return (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
    } catch (IOException | ClassCastException e) {
      throw new CheckpointException(dir + "/config.json: cannot read: " + e.getMessage(), e);
    }
  }
}
