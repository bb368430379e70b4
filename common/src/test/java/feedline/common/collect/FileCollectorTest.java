package feedline.common.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FileCollectorTest {
  private final FileCollector collector = new FileCollector(CollectOptions.defaults("t"));

  private static List<CollectResult> only(List<CollectResult> r) {
    return r;
  }

  @Test
  void csvRowsBecomeDocumentsWithFieldsAndRaggedRowsAreQuarantined() {
    String csv = "question,answer\nq1,a1\nq2,a2,extra\n\"q3\",\"multi\nline\"\n";
    List<CollectResult> r = collector.collect("file:/x/qa.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(r).hasSize(3);
    CollectedDocument first = ((CollectResult.Document) r.get(0)).doc();
    assertThat(first.text()).isEqualTo("q1\n\na1");
    assertThat(first.fields()).containsEntry("question", "q1").containsEntry("answer", "a1");
    CollectResult.Quarantined bad = (CollectResult.Quarantined) r.get(1);
    assertThat(bad.reason()).isEqualTo("bad_record");
    assertThat(bad.payload()).isEqualTo("q2,a2,extra");
    assertThat(((CollectResult.Document) r.get(2)).doc().text()).isEqualTo("q3\n\nmulti\nline");
  }

  @Test
  void jsonlKeepsScalarFieldsAndQuarantinesBrokenLines() {
    String jsonl = "{\"text\":\"hello\",\"n\":3,\"tags\":[\"a\"]}\n\n{oops\n{\"title\":\"no text\"}\n";
    List<CollectResult> r = collector.collect("file:/x/a.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
    assertThat(r).hasSize(3);
    CollectedDocument d = ((CollectResult.Document) r.get(0)).doc();
    assertThat(d.fields()).containsEntry("n", "3").containsEntry("tags", "[\"a\"]").containsEntry("text", "hello");
    assertThat(((CollectResult.Quarantined) r.get(1)).reason()).isEqualTo("bad_record");
    assertThat(((CollectResult.Quarantined) r.get(2)).reason()).isEqualTo("no_text");
  }

  @Test
  void chatTurnsAreStoredAsJsonWithRoleBeforeContent() {
    String chat = "{\"conversation_id\":\"c1\",\"role\":\"user\",\"content\":\"hi\"}\n"
        + "{\"conversation_id\":\"c1\",\"role\":\"assistant\",\"content\":\"hello\"}\n";
    List<CollectResult> r = collector.collect("file:/x/s.chat.jsonl", chat.getBytes(StandardCharsets.UTF_8));
    CollectedDocument d = ((CollectResult.Document) r.get(0)).doc();
    // the same bytes in every JVM, so that runs on different executors give identical tables
    assertThat(d.fields()).containsEntry("turns",
        "[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"}]");
  }

  @Test
  void binaryUnderTextNameAndEmptyFilesAreQuarantined() {
    byte[] junk = new byte[2048];
    new Random(1).nextBytes(junk);
    assertThat(((CollectResult.Quarantined) collector.collect("file:/a.txt", junk).get(0)).reason()).isEqualTo("binary_content");
    assertThat(((CollectResult.Quarantined) collector.collect("file:/b.txt", new byte[0]).get(0)).reason()).isEqualTo("empty_file");
    assertThat(((CollectResult.Quarantined) collector.collect("file:/c.bin", new byte[] {1}).get(0)).reason()).isEqualTo("unsupported_format");
  }

  @Test
  void textWithAStrayNulIsStillText() {
    List<CollectResult> r = collector.collect("file:/n.txt", "line one\u0000 and more text here".getBytes(StandardCharsets.UTF_8));
    assertThat(((CollectResult.Document) r.get(0)).doc().text()).isEqualTo("line one and more text here");
  }

  @Test
  void truncatedPdfIsCorrupt() {
    byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII);
    CollectResult.Quarantined q = (CollectResult.Quarantined) collector.collect("file:/broken.pdf", pdf).get(0);
    assertThat(q.reason()).isEqualTo("corrupt_file");
    assertThat(q.detail()).isNotBlank();
    // the same detail in every JVM: no object identity hashes
    assertThat(q.detail()).doesNotContainPattern("[A-Za-z]@[0-9a-f]{5,8}\\b");
  }

  @Test
  void whitespaceOnlyTextHasNoText() {
    assertThat(((CollectResult.Quarantined) collector.collect("file:/w.md", " \n\t\n".getBytes(StandardCharsets.UTF_8)).get(0)).reason())
        .isEqualTo("no_text");
  }
}
