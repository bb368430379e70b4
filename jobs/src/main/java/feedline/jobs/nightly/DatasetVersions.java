package feedline.jobs.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feedline.jobs.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dataset versions in the lake: {@code datasets/v000N.json} lists the committed output folders (one
 * per nightly run) that make up version N, so version N+1 is version N plus the rows of one more
 * run and nothing is copied. {@code datasets/CURRENT} names the version readers should use; it moves
 * only after a new version is fully written.
 */
public final class DatasetVersions {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One version: its number, the run that added to it, the table and every part (run, path, rows). */
  public record Version(int number, String runId, String table, List<Part> parts) {
    public long rows() {
      return parts.stream().mapToLong(Part::rows).sum();
    }

    public List<String> paths() {
      return parts.stream().map(Part::path).toList();
    }

    public boolean includes(String runId) {
      return parts.stream().anyMatch(p -> p.runId().equals(runId));
    }
  }

  /** The rows one run added to the dataset. */
  public record Part(String runId, String path, long rows) {}

  private final Lake lake;

  public DatasetVersions(Lake lake) {
    this.lake = lake;
  }

  public String currentPath() {
    return lake.root() + "/datasets/CURRENT";
  }

  public String versionPath(int n) {
    return lake.root() + String.format("/datasets/v%04d.json", n);
  }

  public Optional<Version> current() {
    return lake.readString(currentPath()).map(String::strip).filter(s -> !s.isEmpty()).map(s -> load(Integer.parseInt(s)));
  }

  public Version load(int n) {
    String text = lake.readString(versionPath(n)).orElseThrow(() -> new IllegalStateException("dataset version " + n + " is missing in " + lake.root()));
    try {
      JsonNode j = JSON.readTree(text);
      List<Part> parts = new ArrayList<>();
      for (JsonNode p : j.path("parts")) parts.add(new Part(p.path("run_id").asText(), p.path("path").asText(), p.path("rows").asLong()));
      return new Version(j.path("version").asInt(), j.path("run_id").asText(), j.path("table").asText(), List.copyOf(parts));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable dataset version " + n, e);
    }
  }

  /**
   * Writes version {@code current + 1} = the current version's parts plus {@code part}, then moves
   * CURRENT to it. A run already in the current version is not added twice (the current version is
   * returned as it is).
   */
  public Version publish(String table, Part part) {
    Optional<Version> cur = current();
    if (cur.isPresent() && cur.get().includes(part.runId())) return cur.get();
    if (cur.isPresent() && !cur.get().table().equals(table)) {
      throw new IllegalStateException("dataset versions hold table " + cur.get().table() + " but this run ends with " + table
          + "; start a new lake (or a new datasets folder) when the last stage changes");
    }
    List<Part> parts = new ArrayList<>(cur.map(Version::parts).orElse(List.of()));
    parts.add(part);
    int n = cur.map(v -> v.number() + 1).orElse(1);
    ObjectNode j = JSON.createObjectNode();
    j.put("version", n);
    j.put("created_at", Instant.now().toString());
    j.put("run_id", part.runId());
    j.put("table", table);
    ArrayNode arr = j.putArray("parts");
    for (Part p : parts) arr.addObject().put("run_id", p.runId()).put("path", p.path()).put("rows", p.rows());
    j.put("rows", parts.stream().mapToLong(Part::rows).sum());
    try {
      lake.writeString(versionPath(n), JSON.writeValueAsString(j));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lake.writeString(currentPath(), n + "\n");
    return new Version(n, part.runId(), table, List.copyOf(parts));
  }
}
