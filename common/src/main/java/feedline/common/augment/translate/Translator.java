package feedline.common.augment.translate;

import java.util.List;

/**
 * A machine translation engine. One instance per JVM (it may hold processes, connections or a
 * model); {@link #translate} is called from several threads at once and must be safe for that.
 */
public interface Translator extends AutoCloseable {
  /** Names the engine and its model, e.g. {@code apertium} or {@code chat:qwen2.5-7b@http://host:8000/v1}; part of the cache key. */
  String engine();

  /** Whether this engine can translate {@code from} into {@code to} (ISO 639-1 codes). */
  boolean supports(String from, String to);

  /**
   * Translates a batch. Never throws for a failed item: the answer has one {@link Translation} per
   * input, in order, each either a text or an error.
   */
  List<Translation> translate(List<String> texts, String from, String to);

  @Override
  default void close() {}
}
