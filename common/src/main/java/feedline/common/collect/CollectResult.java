package feedline.common.collect;

/** The fate of one input unit (a file, or a record inside it): a document or a quarantine entry. */
public sealed interface CollectResult {
  record Document(CollectedDocument doc) implements CollectResult {}

  record Quarantined(String uri, String recordKey, String format, String reason, String detail, String payload)
      implements CollectResult {}
}
