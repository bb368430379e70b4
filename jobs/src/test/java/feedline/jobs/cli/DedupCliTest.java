package feedline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.jobs.SparkTestBase;
import feedline.jobs.dedup.TestTexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupCliTest extends SparkTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, JsonNode> byId(Path file) throws Exception {
    Map<String, JsonNode> m = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      JsonNode n = JSON.readTree(line);
      m.put(n.get("id").asText(), n);
    }
    return m;
  }

  @Test
  void fileToFileKeepsSurvivorsAndWritesOneClusterLinePerRow() throws Exception {
    TestTexts t = new TestTexts(5);
    String a = t.english(90);
    String b = t.chinese(200);
    List<String> lines = new ArrayList<>();
    lines.add(JSON.writeValueAsString(Map.of("id", "a1", "text", a, "quality_score", 0.2, "lang", "en")));
    lines.add(JSON.writeValueAsString(Map.of("id", "a2", "text", t.replaceWords(a, 1), "quality_score", 0.9, "lang", "en")));
    lines.add(JSON.writeValueAsString(Map.of("id", "a3", "text", a + "!!", "quality_score", 0.5, "lang", "en")));
    lines.add(JSON.writeValueAsString(Map.of("id", "b1", "text", b, "lang", "zh")));
    lines.add(JSON.writeValueAsString(Map.of("id", 7, "text", t.english(80), "lang", "en")));
    lines.add("{\"id\": \"n1\", \"text\": null}");
    lines.add("{not json");
    Path in = tmp.resolve("in.jsonl");
    Files.write(in, lines);
    Path kept = tmp.resolve("out/kept.jsonl");
    Path clusters = tmp.resolve("out/clusters.jsonl");
    Path drops = tmp.resolve("out/drops.jsonl");

    int code = Main.run(new String[] {"dedup", "--input", in.toString(), "--output", kept.toString(), "--clusters",
        clusters.toString(), "--drops", drops.toString(), "spark.master=local[2]", "dedup.survivor.policy=quality"});

    assertThat(code).isZero();
    Map<String, JsonNode> k = byId(kept);
    assertThat(k.keySet()).containsExactlyInAnyOrder("a2", "b1", "7");
    assertThat(k.get("b1").get("lang").asText()).isEqualTo("zh");
    Map<String, JsonNode> c = byId(clusters);
    assertThat(c.keySet()).containsExactlyInAnyOrder("a1", "a2", "a3", "b1", "7");
    assertThat(c.get("a1").get("cluster_id").asText()).isEqualTo("a2");
    assertThat(c.get("a3").get("cluster_id").asText()).isEqualTo("a2");
    assertThat(c.get("a2").get("survivor").asBoolean()).isTrue();
    assertThat(c.get("a1").get("survivor").asBoolean()).isFalse();
    assertThat(c.get("b1").get("cluster_id").asText()).isEqualTo("b1");
    Map<String, JsonNode> d = byId(drops);
    assertThat(d.get("a1").get("drop_reason").asText()).isEqualTo("exact_duplicate");
    assertThat(d.get("a3").get("drop_reason").asText()).isEqualTo("near_duplicate");
    assertThat(d.get("a3").get("survivor_id").asText()).isEqualTo("a2");
    String quarantine = Files.readString(tmp.resolve("out/kept.quarantine.jsonl"));
    assertThat(quarantine).contains("no_text").contains("bad_record");
  }
}
