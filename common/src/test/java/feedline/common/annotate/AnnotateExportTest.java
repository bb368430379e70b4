package feedline.common.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Export files checked against what the tools document: Label Studio imports a JSON list of tasks
 * whose {@code data} holds every {@code $variable} the labeling config references, and the config is
 * XML with a {@code <View>} root whose control tags name an existing object tag in {@code toName};
 * pre-annotations ({@code predictions}) carry {@code result} items with from_name, to_name, type and
 * value. Doccano imports JSONL with a {@code text} key per line; label types are a list of objects
 * with {@code text}, {@code background_color} and {@code text_color}.
 */
class AnnotateExportTest {
  @TempDir
  Path tmp;

  static AnnotateConfig config(TaskKind kind, String... labels) {
    return new AnnotateConfig(kind, List.of(labels), 2, 0.5, "label", "text", "label");
  }

  Path toAnnotate(String... idText) throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < idText.length; i += 2) {
      b.append(Json.write(Map.of("doc_id", idText[i], "text", idText[i + 1], "source", "forum", "predicted_label", "positive",
          "uncertainty", 0.9))).append('\n');
    }
    return Files.writeString(tmp.resolve("to_annotate.jsonl"), b.toString());
  }

  static Document xml(String s) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every $variable referenced by value="$..." in the config. */
  static List<String> variables(String config) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("value=\"\\$(\\w+)\"").matcher(config);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  @Test
  void classificationExportValidatesForBothTools() throws Exception {
    Path in = toAnnotate("d1", "Great service <b>&</b> \"fast\"", "d2", "送货太慢了");
    Map<String, Object> w = AnnotateCommand.export(in, tmp.resolve("out"), config(TaskKind.CLASSIFICATION, "positive", "negative", "a&b"),
        List.of("label-studio", "doccano"), true);
    assertThat(w.get("items")).isEqualTo(2);

    String cfg = Files.readString(tmp.resolve("out/label-studio-config.xml"));
    Document doc = xml(cfg);
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("View");
    Element text = (Element) doc.getElementsByTagName("Text").item(0);
    Element choices = (Element) doc.getElementsByTagName("Choices").item(0);
    assertThat(choices.getAttribute("toName")).isEqualTo(text.getAttribute("name"));
    NodeList cs = doc.getElementsByTagName("Choice");
    assertThat(cs.getLength()).isEqualTo(3);
    assertThat(((Element) cs.item(2)).getAttribute("value")).isEqualTo("a&b"); // escaped in XML, intact after parsing

    JsonNode tasks = Json.MAPPER.readTree(tmp.resolve("out/label-studio-tasks.json").toFile());
    assertThat(tasks.isArray()).isTrue();
    assertThat(tasks).hasSize(2);
    for (JsonNode t : tasks) {
      for (String v : variables(cfg)) assertThat(t.get("data").has(v)).as("data.%s", v).isTrue();
      assertThat(t.get("data").get("doc_id").isTextual()).isTrue();
      JsonNode r = t.get("predictions").get(0).get("result").get(0);
      assertThat(r.get("from_name").asText()).isEqualTo(choices.getAttribute("name"));
      assertThat(r.get("to_name").asText()).isEqualTo(text.getAttribute("name"));
      assertThat(r.get("type").asText()).isEqualTo("choices");
      assertThat(r.get("value").get("choices").get(0).asText()).isEqualTo("positive");
    }
    assertThat(tasks.get(1).get("data").get("text").asText()).isEqualTo("送货太慢了");

    List<String> lines = Files.readAllLines(tmp.resolve("out/doccano.jsonl"));
    assertThat(lines).hasSize(2);
    for (String l : lines) {
      JsonNode n = Json.MAPPER.readTree(l);
      assertThat(n.get("text").isTextual()).isTrue();
      assertThat(n.get("doc_id").isTextual()).isTrue();
    }
    JsonNode labels = Json.MAPPER.readTree(tmp.resolve("out/doccano-labels.json").toFile());
    assertThat(labels).hasSize(3);
    for (JsonNode l : labels) {
      assertThat(l.get("text").isTextual()).isTrue();
      assertThat(l.get("background_color").asText()).matches("#[0-9a-f]{6}");
      assertThat(l.get("text_color").asText()).matches("#[0-9a-f]{6}");
    }
  }

  @Test
  void nerAndIntentConfigsReferenceTheirData() throws Exception {
    Document ner = xml(LabelStudio.labelingConfig(config(TaskKind.NER, "PER", "ORG")));
    Element labels = (Element) ner.getElementsByTagName("Labels").item(0);
    Element text = (Element) ner.getElementsByTagName("Text").item(0);
    assertThat(labels.getAttribute("toName")).isEqualTo(text.getAttribute("name"));
    assertThat(ner.getElementsByTagName("Label").getLength()).isEqualTo(2);

    AnnotateConfig intent = config(TaskKind.INTENT, "refund", "greeting");
    String cfg = LabelStudio.labelingConfig(intent);
    Document d = xml(cfg);
    Element para = (Element) d.getElementsByTagName("Paragraphs").item(0);
    assertThat(para.getAttribute("value")).isEqualTo("$dialogue");
    assertThat(((Element) d.getElementsByTagName("Choices").item(0)).getAttribute("toName")).isEqualTo(para.getAttribute("name"));
    List<Map<String, Object>> tasks = LabelStudio.tasks(
        List.of(new AnnotationItem("c1", "user: I want my money back\nassistant: Sorry to hear that.\nIt was late.", "chat", "refund", 0.7)),
        intent, false);
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) tasks.get(0).get("data");
    for (String v : variables(cfg)) assertThat(data).containsKey(v);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> turns = (List<Map<String, String>>) data.get("dialogue");
    assertThat(turns).hasSize(2);
    assertThat(turns.get(0)).containsEntry("role", "user").containsEntry("content", "I want my money back");
    assertThat(turns.get(1).get("content")).isEqualTo("Sorry to hear that.\nIt was late.");
    assertThat(turns.get(0)).containsKeys(para.getAttribute("nameKey"), para.getAttribute("textKey"));
    assertThat(tasks.get(0)).doesNotContainKey("predictions");
  }
}
