package feedline.jobs.augment;

import feedline.common.augment.ConsistencyCheck;
import feedline.common.augment.EdaEdits;
import feedline.common.augment.SentenceShuffle;
import feedline.common.augment.SynonymSwap;
import feedline.common.augment.translate.BackTranslation;
import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bound and validated {@code feedline.augment} settings; shipped to executors. */
public record AugmentConfig(
    List<String> sources,
    double fraction,
    List<String> fields,
    List<String> orderFreeFields,
    String langColumn,
    List<String> methods,
    Map<String, Integer> variants,
    Map<String, Double> methodFractions,
    long seed,
    int batchRows,
    List<String> terms,
    String termsFile,
    double synonymRate,
    double posDominance,
    int maxSenses,
    double edaAlpha,
    TranslatorSpec translator,
    Map<String, List<String>> pivots,
    boolean maskNumbers,
    int ngram,
    int ngramCjk,
    Map<String, ConsistencyCheck.Bounds> bounds,
    ConsistencyCheck.Bounds defaultBounds,
    Map<String, String> embedding,
    Map<String, Double> minEmbedding,
    double defaultMinEmbedding) implements Serializable {

  public static final List<String> METHODS =
      List.of(SynonymSwap.METHOD, SentenceShuffle.METHOD, EdaEdits.METHOD, BackTranslation.METHOD);
  public static final List<String> ENGINES = List.of("apertium", "chat", "local-model", "none");

  public static AugmentConfig from(Settings s) {
    List<String> fields = s.stringList("fields");
    if (fields.isEmpty()) throw new ConfigError(s.path("fields"), "[]", "at least one column name (e.g. [text])");
    List<String> methods = s.subsetOf("methods", METHODS);
    Map<String, Integer> variants = new LinkedHashMap<>();
    for (String m : List.of(SynonymSwap.METHOD, SentenceShuffle.METHOD, EdaEdits.METHOD)) {
      variants.put(m, s.integer("variants." + m, 0, 20));
    }
    Map<String, Double> methodFractions = new LinkedHashMap<>();
    if (s.has("method-fraction")) {
      for (String m : s.config().getConfig(s.path("method-fraction")).root().keySet()) {
        if (!METHODS.contains(m)) throw new ConfigError(s.path("method-fraction." + m), m, "one of " + METHODS);
        methodFractions.put(m, s.number("method-fraction." + m, 0, 1));
      }
    }
    Map<String, List<String>> pivots = new LinkedHashMap<>();
    Settings bt = s.sub("back-translation");
    if (bt.has("pivots")) {
      for (String lang : s.config().getConfig(bt.path("pivots")).root().keySet()) {
        pivots.put(lang, bt.stringList("pivots." + lang));
      }
    }
    Map<String, ConsistencyCheck.Bounds> bounds = new LinkedHashMap<>();
    for (String m : METHODS) {
      if (s.has("consistency." + m)) bounds.put(m, bounds(s.sub("consistency." + m)));
    }
    // the optional embedding bound: on when consistency.embedding.model-dir is set
    Map<String, String> embedding = new java.util.TreeMap<>(s.stringMap("consistency.embedding"));
    String embDir = embedding.getOrDefault("model-dir", "");
    if (embDir.isBlank()) {
      embedding.clear();
    } else {
      checkModelDir(s.sub("consistency.embedding"), "model-dir", embDir);
    }
    Map<String, Double> minEmbedding = new LinkedHashMap<>();
    for (String m : METHODS) {
      String k = "consistency." + m + ".min-embedding-similarity";
      if (s.has(k)) minEmbedding.put(m, s.number(k, -1, 1));
    }
    return new AugmentConfig(s.stringList("sources"), s.number("fraction", 0, 1), fields,
        s.stringList("order-free-fields"), s.string("lang-column"), methods, variants, Map.copyOf(methodFractions), s.integer("seed", 0, Integer.MAX_VALUE),
        s.integer("batch-rows", 1, 100_000), s.stringList("protect.terms"), s.optionalString("protect.terms-file"),
        s.number("synonym.rate", 0.01, 1), s.number("synonym.pos-dominance", 0.5, 1), s.integer("synonym.max-senses", 1, 50),
        s.number("eda.alpha", 0.01, 0.5), TranslatorSpec.from(bt), pivots, bt.bool("mask-numbers"),
        s.integer("consistency.ngram", 1, 10), s.integer("consistency.ngram-cjk", 1, 10), bounds,
        bounds(s.sub("consistency.default")), embedding, minEmbedding,
        s.number("consistency.default.min-embedding-similarity", -1, 1));
  }

  private static ConsistencyCheck.Bounds bounds(Settings b) {
    double lo = b.number("min-similarity", 0, 1);
    double hi = b.number("max-similarity", 0, 1);
    if (hi < lo) throw new ConfigError(b.path("max-similarity"), hi, "a number >= min-similarity (" + lo + ") and <= 1");
    double rlo = b.number("min-length-ratio", 0.01, 1);
    double rhi = b.number("max-length-ratio", 1, 100);
    return new ConsistencyCheck.Bounds(lo, hi, rlo, rhi);
  }

  /**
   * A model directory the driver can see must hold a checkpoint (config.json); the error names the key.
   * A path only the executors can read (another file system) is checked there, when the model loads.
   */
  static void checkModelDir(Settings s, String key, String dir) {
    String allowed = "the path of a Hugging Face Llama/Qwen2 checkpoint directory (config.json, model.safetensors, tokenizer.json)";
    if (dir == null || dir.isBlank()) throw new ConfigError(s.path(key), "", allowed);
    java.nio.file.Path p = java.nio.file.Path.of(dir.strip());
    if (!java.nio.file.Files.isDirectory(p)) throw new ConfigError(s.path(key), dir, allowed + "; no such directory");
    if (!java.nio.file.Files.isRegularFile(p.resolve("config.json"))) throw new ConfigError(s.path(key), dir, allowed + "; it has no config.json");
  }

  /** Reads a duration such as {@code 60s} or {@code 500ms}; the error names the key. */
  static Duration duration(Settings s, String key) {
    String allowed = "a duration such as 500ms, 60s or 2m";
    if (!s.has(key)) throw new ConfigError(s.path(key), null, allowed);
    try {
      Duration d = s.config().getDuration(s.path(key));
      if (d.isNegative() || d.isZero()) throw new ConfigError(s.path(key), s.config().getValue(s.path(key)).unwrapped(), allowed + " above zero");
      return d;
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigError(s.path(key), s.config().getValue(s.path(key)).unwrapped(), allowed);
    }
  }

  /** How to build the translator on each executor JVM. */
  public record TranslatorSpec(String engine, String apertiumBinary, Map<String, String> apertiumModes,
      long apertiumTimeoutMs, int apertiumBatch, String chatBaseUrl, String chatModel, String chatApiKeyEnv,
      int chatBatch, int chatConcurrency, long chatTimeoutMs, int chatAttempts, long chatBackoffMs,
      double chatTemperature, List<String> chatPairs, Map<String, String> localModel, String cacheDir) implements Serializable {

    static TranslatorSpec from(Settings bt) {
      String engine = bt.oneOf("engine", ENGINES);
      Settings a = bt.sub("apertium");
      Settings c = bt.sub("chat");
      String model = c.optionalString("model");
      if (engine.equals("chat") && model == null) {
        throw new ConfigError(c.path("model"), "", "the model name the endpoint serves (e.g. qwen2.5:7b-instruct)");
      }
      List<String> pairs = new ArrayList<>(c.stringList("pairs"));
      Map<String, String> local = new java.util.TreeMap<>(bt.stringMap("local-model"));
      if (engine.equals("local-model")) checkModelDir(bt.sub("local-model"), "model-dir", local.get("model-dir"));
      return new TranslatorSpec(engine, a.string("binary"), a.stringMap("modes"), duration(a, "timeout").toMillis(),
          a.integer("batch-size", 1, 10_000), c.string("base-url"), model == null ? "" : model,
          c.string("api-key-env"), c.integer("batch-size", 1, 1000), c.integer("max-concurrent", 1, 256),
          duration(c, "timeout").toMillis(), c.integer("max-attempts", 1, 20), duration(c, "backoff").toMillis(),
          c.number("temperature", 0, 2), List.copyOf(pairs), local, bt.optionalString("cache.dir"));
    }

    /** Identifies the built translator, so one JVM builds it once per distinct spec. */
    String key() {
      return toString();
    }
  }
}
