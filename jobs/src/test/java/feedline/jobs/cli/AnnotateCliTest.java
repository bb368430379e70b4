package feedline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.common.config.ConfigError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code annotate} verb reads feedline.annotate from the layered config and needs no Spark. */
class AnnotateCliTest {
  @TempDir
  Path tmp;

  @Test
  void exportThenImportThroughTheCommandLine() throws Exception {
    Path in = Files.writeString(tmp.resolve("to_annotate.jsonl"),
        "{\"doc_id\":\"a\",\"text\":\"late again\"}\n{\"doc_id\":\"b\",\"text\":\"thanks!\"}\n");
    Path out = tmp.resolve("export");
    assertThat(Main.run(new String[] {"annotate", "export", "--input", in.toString(), "--out", out.toString(),
        "annotate.labels=[complaint, praise]", "annotate.export.tools=[doccano]"})).isZero();
    assertThat(out.resolve("doccano.jsonl")).exists();
    assertThat(out.resolve("label-studio-tasks.json")).doesNotExist();
    Files.writeString(tmp.resolve("ann1.jsonl"), "{\"doc_id\":\"a\",\"text\":\"late again\",\"label\":[\"complaint\"]}\n"
        + "{\"doc_id\":\"b\",\"text\":\"thanks!\",\"label\":[\"praise\"]}\n");
    Files.writeString(tmp.resolve("ann2.jsonl"), "{\"doc_id\":\"a\",\"text\":\"late again\",\"label\":[\"complaint\"]}\n"
        + "{\"doc_id\":\"b\",\"text\":\"thanks!\",\"label\":[\"bogus\"]}\n");
    Path labeled = tmp.resolve("labeled/human.jsonl");
    assertThat(Main.run(new String[] {"annotate", "import", "--tasks", in.toString(), "--doccano",
        tmp.resolve("ann1.jsonl") + "," + tmp.resolve("ann2.jsonl"), "--output", labeled.toString(),
        "annotate.labels=[complaint, praise]"})).isZero();
    assertThat(Files.readString(labeled)).contains("\"label\":\"complaint\"").doesNotContain("thanks");
    assertThat(Files.readString(tmp.resolve("labeled/human.quarantine.jsonl"))).contains("label_not_in_config").contains("bogus");
    assertThat(Files.readString(tmp.resolve("labeled/human.review.jsonl"))).contains("too_few_annotators");
    assertThat(tmp.resolve("labeled/human.report.json")).exists();
    assertThat(tmp.resolve("labeled/human.report.md")).exists();
  }

  @Test
  void badTaskKindNamesTheKey() {
    assertThatThrownBy(() -> Main.run(new String[] {"annotate", "export", "--input", "x", "--out", "y", "annotate.task=sentiment"}))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.annotate.task").hasMessageContaining("ner");
  }
}
