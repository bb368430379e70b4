package feedline.common.annotate;

import java.util.Locale;

/** What annotators do with an item: pick one class, mark entity spans, or pick a dialogue's intent. */
public enum TaskKind {
  CLASSIFICATION,
  NER,
  INTENT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the answer is one label per item (classification, intent) rather than spans. */
  public boolean singleLabel() {
    return this != NER;
  }
}
