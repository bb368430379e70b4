package feedline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import feedline.jobs.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code feedline augment --input F --output F}: ids kept, variants written beside their parents. */
class AugmentCommandTest extends SparkTestBase {
  static final String EN2 = "My router keeps dropping the connection every evening. The green light blinks quickly and the "
      + "internet stops working for a few minutes.";
  static final String ZH1 = "患者每天需要服用两片药。请明天到医院复查。如有不适请拨打<PHONE_1>。";

  @Test
  void commandLineFileToFileKeepsIdsAndWritesVariants() throws Exception {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, "{\"id\":\"q1\",\"text\":\"" + EN2 + "\"}\n{\"id\":\"q2\",\"text\":\"" + ZH1 + "\"}\n");
    Path out = tmp.resolve("out.jsonl");
    Path drops = tmp.resolve("drops.jsonl");
    int code = Main.run(new String[] {"augment", "--input", in.toString(), "--output", out.toString(), "--drops",
        drops.toString(), "spark.master=local[2]", "augment.methods=[synonym, back_translation]"});
    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"id\":\"q1\"", "\"method\":\"original\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"parent_id\":\"q1\"", "\"method\":\"back_translation\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"parent_id\":\"q2\"", "\"method\":\"synonym\""));
  }
}
