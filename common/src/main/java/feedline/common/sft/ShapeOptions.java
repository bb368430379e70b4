package feedline.common.sft;

import java.util.Map;

/**
 * How to read one dataset's rows into conversations.
 *
 * @param shape the row shape (or AUTO)
 * @param instructionColumn alpaca instruction column
 * @param inputColumn alpaca optional input column
 * @param outputColumn alpaca output column
 * @param conversationsColumn sharegpt list column
 * @param fromKey sharegpt speaker key
 * @param valueKey sharegpt text key
 * @param messagesColumn OpenAI messages list column
 * @param roleKey messages role key
 * @param contentKey messages content key
 * @param questionColumn QA question column
 * @param answerColumn QA answer column
 * @param textColumn plain text column
 * @param roleAliases speaker names (lower case) to roles, e.g. human to user, gpt to assistant
 * @param systemPrompt system prompt put first when the row has none (null: none); {@code {column}}
 *     placeholders take the row's values
 * @param userTemplate template of the first user turn (null: as is): {@code {prompt}} is the mapped
 *     user text, {@code {column}} a row value
 */
public record ShapeOptions(
    InputShape shape,
    String instructionColumn,
    String inputColumn,
    String outputColumn,
    String conversationsColumn,
    String fromKey,
    String valueKey,
    String messagesColumn,
    String roleKey,
    String contentKey,
    String questionColumn,
    String answerColumn,
    String textColumn,
    Map<String, Role> roleAliases,
    String systemPrompt,
    String userTemplate) {

  public static final Map<String, Role> DEFAULT_ALIASES = Map.ofEntries(
      Map.entry("system", Role.SYSTEM), Map.entry("user", Role.USER), Map.entry("human", Role.USER),
      Map.entry("assistant", Role.ASSISTANT), Map.entry("gpt", Role.ASSISTANT), Map.entry("bot", Role.ASSISTANT),
      Map.entry("model", Role.ASSISTANT), Map.entry("chatgpt", Role.ASSISTANT));

  public ShapeOptions {
    roleAliases = Map.copyOf(roleAliases);
  }

  public static ShapeOptions defaults() {
    return new ShapeOptions(InputShape.AUTO, "instruction", "input", "output", "conversations", "from", "value",
        "messages", "role", "content", "question", "answer", "text", DEFAULT_ALIASES, null, null);
  }

  public ShapeOptions withShape(InputShape s) {
    return new ShapeOptions(s, instructionColumn, inputColumn, outputColumn, conversationsColumn, fromKey, valueKey,
        messagesColumn, roleKey, contentKey, questionColumn, answerColumn, textColumn, roleAliases, systemPrompt, userTemplate);
  }

  public ShapeOptions withPrompts(String system, String user) {
    return new ShapeOptions(shape, instructionColumn, inputColumn, outputColumn, conversationsColumn, fromKey, valueKey,
        messagesColumn, roleKey, contentKey, questionColumn, answerColumn, textColumn, roleAliases, system, user);
  }
}
