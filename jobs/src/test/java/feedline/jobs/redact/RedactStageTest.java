package feedline.jobs.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.common.config.ConfigError;
import feedline.jobs.SparkTestBase;
import feedline.jobs.stage.StageContext;
import feedline.jobs.stage.StageResult;
import feedline.jobs.stage.StageRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RedactStageTest extends SparkTestBase {
  private static final String DOC_A = "请联系张伟经理，电话13800138000，或138-0013-8000，身份证11010519491231002X。";
  private static final String DOC_B = "Email john.smith@example.com, card 4111 1111 1111 1111; order 4111111111111111.";

  @Test
  void redactsTextKeepsOffsetsIntoTheOriginalAndAccountsForEveryRow() {
    Dataset<Row> in = texts("a", DOC_A, "b", DOC_B, "c", null, "d", "nothing personal here").repartition(2);
    StageResult r = redact(in, "test-run", "redact.modes.PERSON=mask");
    assertThat(r.in()).isEqualTo(4);
    assertThat(r.out()).isEqualTo(3);
    assertThat(r.quarantined()).isEqualTo(1);
    assertThat(r.quarantineReasons()).containsEntry("no_text", 1L);

    Map<String, Row> out = byId(output(r, "documents_redacted"));
    Row a = out.get("a");
    assertThat(a.<String>getAs("text")).isEqualTo("请联系[PERSON]经理，电话<PHONE_1>，或<PHONE_1>，身份证<ID_NUMBER_1>。");
    assertThat(a.<Integer>getAs("pii_phone")).isEqualTo(2);
    assertThat(a.<Integer>getAs("pii_id_number")).isEqualTo(1);
    assertThat(a.<Integer>getAs("pii_person")).isEqualTo(1);
    assertThat(a.<Integer>getAs("pii_total")).isEqualTo(4);
    List<Row> spans = a.getList(a.fieldIndex("spans"));
    assertThat(spans).extracting(s -> DOC_A.substring(s.getInt(0), s.getInt(1)) + "/" + s.getString(2))
        .containsExactly("张伟/PERSON", "13800138000/PHONE", "138-0013-8000/PHONE", "11010519491231002X/ID_NUMBER");

    Row b = out.get("b");
    assertThat(b.<String>getAs("text")).isEqualTo("Email <EMAIL_1>, card <BANK_CARD_1>; order 4111111111111111.");
    assertThat(out.get("d").<Integer>getAs("pii_total")).isZero();

    Dataset<Row> audit = output(r, RedactStage.AUDIT);
    assertThat(audit.columns()).containsExactly("doc_id", "type", "start", "end", "recognizer", "score");
    assertThat(audit.count()).isEqualTo(6);
    Dataset<Row> report = output(r, RedactStage.REPORT);
    assertThat(report.filter("type = 'PHONE'").first().<Long>getAs("spans")).isEqualTo(2L);
    assertThat(r.details().get("spans_by_type").toString()).contains("PHONE=2");

    Row q = output(r, "quarantine").first();
    assertThat(q.<String>getAs("doc_id")).isEqualTo("c");
    assertThat(q.<String>getAs("payload")).isNull();
  }

  @Test
  void recognizersAreBuiltOncePerJvmAndReusedAcrossTasks() {
    Dataset<Row> in = texts("a", DOC_A, "b", DOC_B, "c", DOC_A).repartition(3);
    redact(in, "run-1", "redact.mode=mask");
    int after = EngineHolder.builds();
    redact(in, "run-2", "redact.mode=mask");
    assertThat(EngineHolder.builds()).isEqualTo(after);
  }

  @Test
  void commandLineWritesIdTextAndSpansPerLine() throws Exception {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, "{\"id\":1,\"text\":\"电话 13800138000\"}\n{\"id\":2,\"text\":\"mail a.b@example.org\"}\n");
    Path out = tmp.resolve("out.jsonl");
    // what `feedline redact --input in.jsonl --output out.jsonl --audit audit.parquet redact.mode=mask` runs
    Map<String, String> targets = new java.util.LinkedHashMap<>();
    targets.put(StageRunner.KEPT, out.toString());
    targets.put(RedactStage.AUDIT, tmp.resolve("audit.parquet").toString());
    new StageRunner(true).runFiles(new RedactStage(), new StageContext(spark, config("redact.mode=mask"), "cli-run", null),
        in.toString(), targets);
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2);
    JsonNode first = json.readTree(lines.stream().filter(l -> l.contains("\"id\":\"1\"")).findFirst().orElseThrow());
    assertThat(first.get("text").asText()).isEqualTo("电话 [PHONE]");
    JsonNode span = first.get("spans").get(0);
    assertThat(span.get("start").asInt()).isEqualTo(3);
    assertThat(span.get("end").asInt()).isEqualTo(14);
    assertThat(span.get("type").asText()).isEqualTo("PHONE");
    assertThat(span.get("score").asDouble()).isBetween(0.5, 1.0);
    assertThat(spark.read().parquet(tmp.resolve("audit.parquet").toString()).count()).isEqualTo(2);
  }

  @Test
  void hashModeWithoutKeyIsAConfigErrorNamingTheKey() {
    Dataset<Row> in = texts("a", DOC_A);
    assertThatThrownBy(() -> redact(in, "t1", "redact.mode=hash", "redact.hmac-key-env=FEEDLINE_TEST_NO_SUCH_VAR"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.redact.hmac-key");
    assertThatThrownBy(() -> redact(in, "t2", "redact.types=[PHONE, SSN]"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.redact.types").hasMessageContaining("SSN")
        .hasMessageContaining("BANK_CARD");
    assertThatThrownBy(() -> redact(in, "t3", "redact.modes.PHONE=scramble"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.redact.modes.PHONE").hasMessageContaining("fake");
  }

  @Test
  void valuesOfTheFieldsMapAreRedactedToo() {
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add("doc_id", org.apache.spark.sql.types.DataTypes.StringType)
        .add("source", org.apache.spark.sql.types.DataTypes.StringType)
        .add("text", org.apache.spark.sql.types.DataTypes.StringType)
        .add("fields", org.apache.spark.sql.types.DataTypes.createMapType(
            org.apache.spark.sql.types.DataTypes.StringType, org.apache.spark.sql.types.DataTypes.StringType));
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("question", "预约挂号怎么联系?");
    fields.put("answer", "请拨打手机 13812345678 或发邮件 zhang@example.com");
    Row row = org.apache.spark.sql.RowFactory.create("q1", "clinic",
        "预约挂号怎么联系?\n\n请拨打手机 13812345678 或发邮件 zhang@example.com",
        scala.jdk.javaapi.CollectionConverters.asScala(fields));
    Dataset<Row> in = spark.createDataFrame(List.of(row), schema);
    StageResult r = redact(in, "fields-run");
    Row out = output(r, "documents_redacted").first();
    Map<String, String> redacted = scala.jdk.javaapi.CollectionConverters.asJava(out.<String, String>getMap(out.fieldIndex("fields")));
    assertThat(redacted.get("question")).isEqualTo("预约挂号怎么联系?");
    assertThat(redacted.get("answer")).doesNotContain("13812345678").doesNotContain("zhang@example.com")
        .contains("<PHONE_1>").contains("<EMAIL_1>");
    assertThat(out.<String>getAs("text")).doesNotContain("13812345678");
    assertThat(out.<Integer>getAs("pii_phone")).isEqualTo(2);
  }

  private StageResult redact(Dataset<Row> in, String runId, String... overrides) {
    return runStage(new RedactStage(), in, runId, overrides);
  }

  private static Map<String, Row> byId(Dataset<Row> rows) {
    Map<String, Row> m = new java.util.HashMap<>();
    for (Row r : rows.collectAsList()) m.put(r.getAs("doc_id"), r);
    return m;
  }
}
