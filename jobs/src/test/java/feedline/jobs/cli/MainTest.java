package feedline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.common.config.ConfigError;
import feedline.jobs.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest extends SparkTestBase {

  @Test
  void collectFileToFileWritesJsonlAndQuarantineBeside() throws Exception {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"text\":\"hello world\"}\n{\"id\":\"b\",\"text\":\"second\"}\n{broken\n");
    Path out = tmp.resolve("out/docs.jsonl");
    int code = Main.run(new String[] {"collect", "--input", in.toString(), "--output", out.toString(),
        "spark.master=local[2]", "collect.source=cli"});
    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"source\":\"cli\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"text\":\"hello world\""));
    Path q = tmp.resolve("out/docs.quarantine.jsonl");
    assertThat(Files.readString(q)).contains("bad_record").contains("{broken");
  }

  @Test
  void badConfigValueNamesKeyAndAllowedValues() throws Exception {
    Path in = tmp.resolve("a.txt");
    Files.writeString(in, "text");
    assertThatThrownBy(() -> Main.run(new String[] {"collect", "--input", in.toString(), "--output",
        tmp.resolve("o.jsonl").toString(), "collect.normalize.form=NFX"}))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("feedline.collect.normalize.form").hasMessageContaining("NFX").hasMessageContaining("nfkc");
  }

  @Test
  void unknownCommandAndOptionAreUsageErrors() {
    assertThatThrownBy(() -> Main.run(new String[] {"frobnicate"})).isInstanceOf(feedline.common.config.UsageError.class)
        .hasMessageContaining("unknown command");
    assertThatThrownBy(() -> Main.run(new String[] {"collect", "--input", "x", "--output", "y.jsonl", "--clusters", "z"}))
        .isInstanceOf(feedline.common.config.UsageError.class).hasMessageContaining("--clusters");
  }
}
