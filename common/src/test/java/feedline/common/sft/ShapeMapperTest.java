package feedline.common.sft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode row(String json) throws Exception {
    return JSON.readTree(json);
  }

  private static List<Turn> turns(ShapeMapper.Result r) {
    assertThat(r).isInstanceOf(ShapeMapper.Mapped.class);
    return ((SftInput.Chat) ((ShapeMapper.Mapped) r).input()).turns();
  }

  private final ShapeMapper auto = new ShapeMapper(ShapeOptions.defaults());

  @Test
  void alpacaJoinsInstructionAndInputIntoTheUserTurn() throws Exception {
    var r = auto.map(row("{\"instruction\":\"Translate\",\"input\":\"hola\",\"output\":\"hello\"}"));
    assertThat(turns(r)).containsExactly(Turn.user("Translate\n\nhola"), Turn.assistant("hello"));
    assertThat(((ShapeMapper.Mapped) r).shape()).isEqualTo(InputShape.ALPACA);
    assertThat(turns(auto.map(row("{\"instruction\":\"Say hi\",\"input\":\"\",\"output\":\"hi\"}"))))
        .containsExactly(Turn.user("Say hi"), Turn.assistant("hi"));
  }

  @Test
  void sharegptSpeakersMapToRoles() throws Exception {
    var r = auto.map(row("{\"conversations\":[{\"from\":\"system\",\"value\":\"Be brief\"},{\"from\":\"human\",\"value\":\"Q1\"},"
        + "{\"from\":\"gpt\",\"value\":\"A1\"},{\"from\":\"human\",\"value\":\"Q2\"},{\"from\":\"gpt\",\"value\":\"A2\"}]}"));
    assertThat(turns(r)).containsExactly(Turn.system("Be brief"), Turn.user("Q1"), Turn.assistant("A1"), Turn.user("Q2"),
        Turn.assistant("A2"));
    assertThat(((ShapeMapper.Mapped) r).shape()).isEqualTo(InputShape.SHAREGPT);
  }

  @Test
  void openAiMessagesKeepTheirSystemPromptOverTheDatasetOne() throws Exception {
    ShapeMapper m = new ShapeMapper(ShapeOptions.defaults().withPrompts("Dataset persona", null));
    var r = m.map(row("{\"messages\":[{\"role\":\"system\",\"content\":\"Own persona\"},{\"role\":\"user\",\"content\":\"hi\"},"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"hel\"},{\"type\":\"text\",\"text\":\"lo\"}]}]}"));
    assertThat(turns(r)).containsExactly(Turn.system("Own persona"), Turn.user("hi"), Turn.assistant("hello"));
    // messages stored as a JSON string column (e.g. from a CSV) are parsed too
    var s = m.map(row("{\"messages\":\"[{\\\"role\\\":\\\"user\\\",\\\"content\\\":\\\"q\\\"},{\\\"role\\\":\\\"assistant\\\",\\\"content\\\":\\\"a\\\"}]\"}"));
    assertThat(turns(s)).containsExactly(Turn.system("Dataset persona"), Turn.user("q"), Turn.assistant("a"));
  }

  @Test
  void questionAnswerColumnsTakeTheDatasetPersonaAndUserTemplate() throws Exception {
    ShapeOptions o = ShapeOptions.defaults().withShape(InputShape.QA)
        .withPrompts("You are a {department} doctor.", "Patient asks: {prompt}");
    var r = new ShapeMapper(o).map(row("{\"question\":\"Is it bad?\",\"answer\":\"No.\",\"department\":\"cardiology\"}"));
    assertThat(turns(r)).containsExactly(Turn.system("You are a cardiology doctor."), Turn.user("Patient asks: Is it bad?"),
        Turn.assistant("No."));
    var missing = new ShapeMapper(o).map(row("{\"question\":\"Is it bad?\",\"answer\":\"No.\"}"));
    assertThat(missing).isEqualTo(new ShapeMapper.Rejected(SftReasons.MISSING_COLUMN,
        "template placeholder {department} has no value in this row"));
  }

  @Test
  void collectedCsvRecordsAreQuestionAnswerPairsFromTheirFieldsMap() throws Exception {
    // collect keeps a CSV record's non-text columns in `fields`; text holds the joined text columns
    var r = auto.map(row("{\"doc_id\":\"c1\",\"text\":\"Q A\",\"fields\":{\"question\":\"Is it bad?\",\"answer\":\"No.\"}}"));
    assertThat(turns(r)).containsExactly(Turn.user("Is it bad?"), Turn.assistant("No."));
    ShapeOptions dotted = new ShapeOptions(InputShape.QA, "instruction", "input", "output", "conversations", "from", "value",
        "messages", "role", "content", "meta.q", "meta.a", "text", ShapeOptions.DEFAULT_ALIASES, null, null);
    assertThat(turns(new ShapeMapper(dotted).map(row("{\"meta\":{\"q\":\"x\",\"a\":\"y\"}}"))))
        .containsExactly(Turn.user("x"), Turn.assistant("y"));
  }

  @Test
  void plainTextBecomesText() throws Exception {
    var r = auto.map(row("{\"doc_id\":\"d\",\"text\":\"Some corpus text.\"}"));
    assertThat(r).isEqualTo(new ShapeMapper.Mapped(new SftInput.Text("Some corpus text."), InputShape.TEXT));
  }

  @Test
  void rowsOfNoKnownShapeOrWithBadTurnsAreRejectedWithAReason() throws Exception {
    assertThat(auto.map(row("{\"foo\":1}"))).isInstanceOfSatisfying(ShapeMapper.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(SftReasons.UNKNOWN_SHAPE));
    assertThat(auto.map(row("{\"messages\":[{\"role\":\"narrator\",\"content\":\"x\"}]}"))).isInstanceOfSatisfying(
        ShapeMapper.Rejected.class, r -> {
          assertThat(r.reason()).isEqualTo(SftReasons.UNKNOWN_ROLE);
          assertThat(r.detail()).contains("narrator");
        });
    assertThat(auto.map(row("{\"messages\":[\"just text\"]}"))).isInstanceOfSatisfying(ShapeMapper.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(SftReasons.BAD_TURN));
    ShapeMapper alpaca = new ShapeMapper(ShapeOptions.defaults().withShape(InputShape.ALPACA));
    assertThat(alpaca.map(row("{\"instruction\":\"x\"}"))).isInstanceOfSatisfying(ShapeMapper.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(SftReasons.MISSING_COLUMN));
  }
}
