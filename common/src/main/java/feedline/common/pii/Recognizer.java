package feedline.common.pii;

import java.util.List;

/**
 * Finds candidate spans of one or more types in a text. Implementations are thread-safe and built
 * once; they validate what can be validated (checksums, dates) and return a base score that context
 * later raises or lowers.
 */
public interface Recognizer {
  /** Stable name, written to the audit table. */
  String name();

  List<Span> find(String text);
}
