package feedline.jobs.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feedline.jobs.stage.StageResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code runs/<run_id>/_manifest.json}: the run's config digest and, per committed stage, its
 * inputs, outputs, row counts, reasons and timings. Rewritten atomically after every stage commit.
 */
public final class Manifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root;

  private Manifest(ObjectNode root) {
    this.root = root;
  }

  public static Manifest start(String runId, String configDigest, String maskedConfigJson) {
    ObjectNode n = JSON.createObjectNode();
    n.put("run_id", runId);
    n.put("status", "running");
    n.put("started_at", Instant.now().toString());
    n.put("config_digest", configDigest);
    try {
      n.set("config", JSON.readTree(maskedConfigJson));
    } catch (IOException e) {
      n.put("config", maskedConfigJson);
    }
    n.putArray("stages");
    return new Manifest(n);
  }

  public static Optional<Manifest> load(Lake lake, String runId) {
    return lake.readString(path(lake, runId)).map(s -> {
      try {
        return new Manifest((ObjectNode) JSON.readTree(s));
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable manifest of run " + runId, e);
      }
    });
  }

  public static String path(Lake lake, String runId) {
    return lake.runDir(runId) + "/_manifest.json";
  }

  public String configDigest() {
    return root.path("config_digest").asText();
  }

  public String status() {
    return root.path("status").asText();
  }

  public void setConfig(String digest, String maskedConfigJson) {
    root.put("config_digest", digest);
    try {
      root.set("config", JSON.readTree(maskedConfigJson));
    } catch (IOException e) {
      root.put("config", maskedConfigJson);
    }
  }

  /** The committed result of a stage in this run, if any. */
  public Optional<StageResult> stage(String name) {
    for (var s : root.withArray("stages")) {
      if (s.path("stage").asText().equals(name)) return Optional.of(toResult(s));
    }
    return Optional.empty();
  }

  public java.util.List<StageResult> stages() {
    java.util.List<StageResult> out = new java.util.ArrayList<>();
    root.withArray("stages").forEach(s -> out.add(toResult(s)));
    return out;
  }

  public void record(StageResult r) {
    ArrayNode stages = root.withArray("stages");
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).path("stage").asText().equals(r.stage())) {
        stages.remove(i);
        break;
      }
    }
    ObjectNode s = stages.addObject();
    s.put("stage", r.stage());
    s.put("committed_at", Instant.now().toString());
    s.set("inputs", JSON.valueToTree(r.inputs()));
    s.set("outputs", JSON.valueToTree(r.outputs()));
    ObjectNode counts = s.putObject("counts");
    counts.put("in", r.in());
    counts.put("out", r.out());
    counts.put("dropped", r.dropped());
    counts.put("quarantined", r.quarantined());
    counts.put("balanced", r.balanced());
    s.set("drop_reasons", JSON.valueToTree(r.dropReasons()));
    s.set("quarantine_reasons", JSON.valueToTree(r.quarantineReasons()));
    s.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
    s.set("details", JSON.valueToTree(r.details()));
  }

  public void finish(String status) {
    root.put("status", status);
    root.put("finished_at", Instant.now().toString());
  }

  public void save(Lake lake) {
    try {
      lake.writeString(path(lake, root.path("run_id").asText()), JSON.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String json() {
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static StageResult toResult(com.fasterxml.jackson.databind.JsonNode s) {
    var c = s.path("counts");
    Map<String, Long> dr = JSON.convertValue(s.path("drop_reasons"), LinkedHashMap.class);
    Map<String, Long> qr = JSON.convertValue(s.path("quarantine_reasons"), LinkedHashMap.class);
    Map<String, String> outputs = JSON.convertValue(s.path("outputs"), LinkedHashMap.class);
    Map<String, String> inputs = JSON.convertValue(s.path("inputs"), LinkedHashMap.class);
    Map<String, Object> details = JSON.convertValue(s.path("details"), LinkedHashMap.class);
    return new StageResult(s.path("stage").asText(), c.path("in").asLong(), c.path("out").asLong(),
        c.path("dropped").asLong(), c.path("quarantined").asLong(), toLongs(dr), toLongs(qr), outputs, inputs,
        s.path("seconds").asDouble(), details, true);
  }

  private static Map<String, Long> toLongs(Map<String, ?> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (m != null) m.forEach((k, v) -> out.put(k, ((Number) v).longValue()));
    return out;
  }
}
