package feedline.common.collect;

import java.util.Map;

/** What an extractor makes of one input record: a document's raw text, or the reason it has none. */
public sealed interface Extracted {
  /** Position of the record inside its file: {@code 0} for whole files, a row/line number otherwise. */
  String recordKey();

  record Text(String recordKey, String text, String charset, long undecodableBytes, Map<String, String> fields)
      implements Extracted {}

  record Failed(String recordKey, String reason, String detail, String payload) implements Extracted {}
}
