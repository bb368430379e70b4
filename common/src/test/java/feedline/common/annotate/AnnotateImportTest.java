package feedline.common.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trip: export to_annotate, fill the exported files the way the tools' exports look (alice and
 * bob in Label Studio, carol in Doccano), import, and check the resolution, the quarantine and the
 * agreement against values worked out by hand.
 */
class AnnotateImportTest {
  @TempDir
  Path tmp;

  static final AnnotateConfig CLS = AnnotateExportTest.config(TaskKind.CLASSIFICATION, "pos", "neg", "neu");

  // (alice, bob, carol) per item; i6 has no majority; i9 and i10 carry planted bad records
  static final Map<String, String[]> VOTES = new LinkedHashMap<>();

  static {
    VOTES.put("i1", new String[] {"pos", "pos", "pos"});
    VOTES.put("i2", new String[] {"pos", "pos", "neg"});
    VOTES.put("i3", new String[] {"neg", "neg", "neg"});
    VOTES.put("i4", new String[] {"neg", "neg", "neu"});
    VOTES.put("i5", new String[] {"neu", "neu", "neu"});
    VOTES.put("i6", new String[] {"pos", "neg", "neu"});
    VOTES.put("i7", new String[] {"pos", "pos", "pos"});
    VOTES.put("i8", new String[] {"neu", "neg", "neu"});
  }

  static ObjectNode lsAnnotation(int id, Object completedBy, String fromName, String... choices) {
    ObjectNode a = Json.MAPPER.createObjectNode();
    a.put("id", id);
    if (completedBy instanceof Integer i) a.put("completed_by", i);
    else a.set("completed_by", Json.MAPPER.createObjectNode().put("id", 7).put("email", (String) completedBy));
    a.put("was_cancelled", false);
    ArrayNode result = a.putArray("result");
    ObjectNode r = result.addObject();
    r.put("from_name", fromName).put("to_name", "text").put("type", "choices");
    ArrayNode cs = r.putObject("value").putArray("choices");
    for (String c : choices) cs.add(c);
    return a;
  }

  @Test
  void roundTripResolvesByMajorityQuarantinesBadRecordsAndReportsKnownKappa() throws Exception {
    StringBuilder rows = new StringBuilder();
    for (String id : List.of("i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9", "i10")) {
      rows.append(Json.write(Map.of("doc_id", id, "text", "text of " + id, "source", "forum"))).append('\n');
    }
    Path tasksFile = Files.writeString(tmp.resolve("to_annotate.jsonl"), rows.toString());
    AnnotateCommand.export(tasksFile, tmp.resolve("export"), CLS, List.of("label-studio", "doccano"), false);

    // Label Studio: the exported tasks come back with annotations (ids assigned by the tool)
    ArrayNode ls = (ArrayNode) Json.MAPPER.readTree(tmp.resolve("export/label-studio-tasks.json").toFile());
    int annId = 100;
    for (JsonNode t : ls) {
      ObjectNode task = (ObjectNode) t;
      String id = task.get("data").get("doc_id").asText();
      task.put("id", Integer.parseInt(id.substring(1)));
      ArrayNode anns = task.putArray("annotations");
      if (VOTES.containsKey(id)) {
        anns.add(lsAnnotation(annId++, 1, "label", VOTES.get(id)[0]));               // alice: user id 1
        anns.add(lsAnnotation(annId++, "bob@example.org", "label", VOTES.get(id)[1])); // bob: expanded user object
      } else if (id.equals("i9")) {
        anns.add(lsAnnotation(annId++, 1, "label", "sarcastic"));                     // planted: label outside the config
        anns.add(lsAnnotation(annId++, "bob@example.org", "label", "pos"));
        ObjectNode cancelled = lsAnnotation(annId++, 3, "label", "neg");
        cancelled.put("was_cancelled", true);                                         // skipped, not counted
        anns.add(cancelled);
      }
      // i10: no annotation at all (planted: missing_annotation)
    }
    ObjectNode ghost = ls.addObject();                                                // planted: unknown task
    ghost.put("id", 99);
    ghost.putObject("data").put("text", "not ours").put("doc_id", "ghost");
    ghost.putArray("annotations").add(lsAnnotation(annId++, 1, "label", "pos"));
    Path lsExport = tmp.resolve("ls-export.json");
    Json.MAPPER.writeValue(lsExport.toFile(), ls);

    // Doccano (collaboration off): carol's file, every example with its meta and her labels
    StringBuilder carol = new StringBuilder();
    int line = 0;
    for (String l : Files.readAllLines(tmp.resolve("export/doccano.jsonl"))) {
      ObjectNode ex = (ObjectNode) Json.MAPPER.readTree(l);
      String id = ex.get("doc_id").asText();
      ex.put("id", ++line);
      ArrayNode label = ex.putArray("label");
      if (VOTES.containsKey(id)) label.add(VOTES.get(id)[2]);                         // i9, i10: left unlabeled
      carol.append(Json.write(ex)).append('\n');
    }
    carol.append("{\"id\": 77, \"text\": \"stray\", \"doc_id\": \"ghost2\", \"label\": [\"pos\"]}\n"); // planted: unknown task
    Path carolFile = Files.writeString(tmp.resolve("carol.jsonl"), carol.toString());

    ImportResult r = AnnotateCommand.importExports(tasksFile, List.of(lsExport), List.of(carolFile), CLS, "run-1");

    // resolution: strict majority of the valid votes
    Map<String, String> resolved = r.resolved().stream().collect(Collectors.toMap(Resolution::docId, Resolution::label));
    assertThat(resolved).containsExactlyInAnyOrderEntriesOf(Map.of(
        "i1", "pos", "i2", "pos", "i3", "neg", "i4", "neg", "i5", "neu", "i7", "pos", "i8", "neu"));
    Map<String, String> review = r.review().stream().collect(Collectors.toMap(Resolution::docId, Resolution::reviewReason));
    assertThat(review).containsExactlyInAnyOrderEntriesOf(Map.of(
        "i6", AnnotateReasons.NO_MAJORITY, "i9", AnnotateReasons.TOO_FEW_ANNOTATORS));

    // quarantine: each planted record with its reason; the rest imported
    Map<String, Long> reasons = r.issues().stream().collect(Collectors.groupingBy(ImportIssue::reason, Collectors.counting()));
    assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
        AnnotateReasons.UNKNOWN_TASK, 2L,          // ghost (Label Studio), ghost2 (Doccano)
        AnnotateReasons.LABEL_NOT_IN_CONFIG, 1L,   // alice's "sarcastic" on i9
        AnnotateReasons.MISSING_ANNOTATION, 3L));  // i10 in Label Studio; carol left i9 and i10 unlabeled
    assertThat(r.issues()).filteredOn(i -> i.reason().equals(AnnotateReasons.LABEL_NOT_IN_CONFIG))
        .singleElement().satisfies(i -> {
          assertThat(i.docId()).isEqualTo("i9");
          assertThat(i.annotator()).isEqualTo("1");
          assertThat(i.payload()).contains("sarcastic");
        });
    // accounting: 8 x 3 good votes + bob's i9 = 25 used; 6 quarantined
    assertThat(r.annotationsUsed()).isEqualTo(25);

    // agreement. Fleiss over i1..i8 (3 raters): P_i = 1,1/3,1,1/3,1,0,1,1/3 -> P = 5/8;
    // shares pos 9/24, neg 8/24, neu 7/24 -> P_e = 194/576; kappa = (360 - 194) / (576 - 194) = 166/382
    assertThat(r.agreement().ratedItems()).isEqualTo(8);
    assertThat(r.agreement().fleiss()).isCloseTo(166.0 / 382, within(1e-12));
    // Cohen alice (1) vs bob over i1..i8: p_o = 6/8; marginals alice 4/2/2, bob 3/4/1 -> p_e = 22/64; kappa = 26/42
    assertThat(r.agreement().cohenPairs().get("1 & bob@example.org").kappa()).isCloseTo(26.0 / 42, within(1e-12));
    assertThat(r.agreement().cohenPairs().get("1 & bob@example.org").items()).isEqualTo(8);
    assertThat(r.agreement().fleissPerLabel()).containsOnlyKeys("pos", "neg", "neu");

    // files: training rows carry the resolved label and lineage; the report has the numbers
    Path out = tmp.resolve("labeled/resolved.jsonl");
    r.write(out, tmp.resolve("labeled/review.jsonl"), tmp.resolve("labeled/q.jsonl"), tmp.resolve("labeled/report.json"));
    List<JsonNode> train = TableFiles.jsonl(out);
    assertThat(train).hasSize(7);
    JsonNode i2 = train.stream().filter(n -> n.get("parent_id").asText().equals("i2")).findFirst().orElseThrow();
    assertThat(i2.get("label").asText()).isEqualTo("pos");
    assertThat(i2.get("text").asText()).isEqualTo("text of i2");
    assertThat(i2.get("method").asText()).isEqualTo("human_label");
    assertThat(i2.get("agreement").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(TableFiles.jsonl(tmp.resolve("labeled/q.jsonl"))).hasSize(6)
        .allSatisfy(q -> assertThat(q.get("stage").asText()).isEqualTo("annotate"));
    JsonNode report = Json.MAPPER.readTree(tmp.resolve("labeled/report.json").toFile());
    assertThat(report.get("agreement").get("fleiss_kappa").asDouble()).isCloseTo(166.0 / 382, within(1e-12));
    assertThat(Files.readString(tmp.resolve("labeled/report.md"))).contains("0.435").contains("| no_majority".replace("| ", "| review: "));
  }

  @Test
  void nerSpansResolveByMajorityAndTiesGoToReview() throws Exception {
    AnnotateConfig ner = AnnotateExportTest.config(TaskKind.NER, "PER", "ORG");
    Path tasks = Files.writeString(tmp.resolve("t.jsonl"),
        "{\"doc_id\":\"n1\",\"text\":\"Ada Lovelace met Babbage at IBM\"}\n{\"doc_id\":\"n2\",\"text\":\"张三在北京大学\"}\n");
    // Doccano sequence labeling export, one file per annotator: [start, end, label] triples
    Files.writeString(tmp.resolve("u1.jsonl"), "{\"doc_id\":\"n1\",\"text\":\"x\",\"label\":[[0,12,\"PER\"],[28,31,\"ORG\"]]}\n"
        + "{\"doc_id\":\"n2\",\"text\":\"x\",\"label\":[[0,2,\"PER\"]]}\n");
    Files.writeString(tmp.resolve("u2.jsonl"), "{\"doc_id\":\"n1\",\"text\":\"x\",\"label\":[[0,12,\"PER\"],[17,24,\"PER\"]]}\n"
        + "{\"doc_id\":\"n2\",\"text\":\"x\",\"label\":[[3,7,\"ORG\"]]}\n");
    Files.writeString(tmp.resolve("u3.jsonl"), "{\"doc_id\":\"n1\",\"text\":\"x\",\"entities\":[{\"start_offset\":0,\"end_offset\":12,\"label\":\"PER\"},"
        + "{\"start_offset\":28,\"end_offset\":31,\"label\":\"ORG\"},{\"start_offset\":40,\"end_offset\":45,\"label\":\"ORG\"}]}\n");
    ImportResult r = AnnotateCommand.importExports(tasks, List.of(),
        List.of(tmp.resolve("u1.jsonl"), tmp.resolve("u2.jsonl"), tmp.resolve("u3.jsonl")), ner, "run-2");
    // n1: u3's span past the end of the text is quarantined, so n1 has u1 and u2 only: PER [0,12) by both is kept;
    // ORG [28,31) and PER [17,24) have one vote of two each: a tie at min-share 0.5, so n1 goes to review
    assertThat(r.issues()).singleElement().satisfies(i -> assertThat(i.reason()).isEqualTo(AnnotateReasons.BAD_SPAN));
    assertThat(r.review()).extracting(Resolution::docId).containsExactlyInAnyOrder("n1", "n2");
    assertThat(r.review()).allSatisfy(x -> assertThat(x.reviewReason()).isEqualTo(AnnotateReasons.CONTESTED_SPAN));

    // with three agreeing annotators the majority spans resolve and token agreement is perfect
    Files.writeString(tmp.resolve("v1.jsonl"), "{\"doc_id\":\"n2\",\"text\":\"x\",\"label\":[[0,2,\"PER\"],[3,7,\"ORG\"]]}\n");
    Files.writeString(tmp.resolve("v2.jsonl"), "{\"doc_id\":\"n2\",\"text\":\"x\",\"label\":[[0,2,\"PER\"],[3,7,\"ORG\"]]}\n");
    Files.writeString(tmp.resolve("v3.jsonl"), "{\"doc_id\":\"n2\",\"text\":\"x\",\"label\":[[0,2,\"PER\"]]}\n");
    ImportResult ok = AnnotateCommand.importExports(tasks, List.of(),
        List.of(tmp.resolve("v1.jsonl"), tmp.resolve("v2.jsonl"), tmp.resolve("v3.jsonl")), ner, "run-3");
    assertThat(ok.resolved()).singleElement().satisfies(x -> assertThat(x.spans())
        .containsExactly(new Span(0, 2, "PER"), new Span(3, 7, "ORG")));
    // tokens are the 7 Han characters: 張三 PER by all; 北京大学 ORG by v1, v2 and O by v3; 在 O by all
    // Fleiss over 7 tokens, 3 raters: P_i = 1 x3, 1/3 x4 -> P = (3 + 4/3)/7 = 13/21;
    // shares PER 6/21, ORG 8/21, O 7/21 -> P_e = (36 + 64 + 49)/441 = 149/441
    double pBar = 13.0 / 21;
    double pe = 149.0 / 441;
    assertThat(ok.agreement().fleiss()).isCloseTo((pBar - pe) / (1 - pe), within(1e-12));
  }
}
