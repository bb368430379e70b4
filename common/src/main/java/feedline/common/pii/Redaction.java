package feedline.common.pii;

import java.util.List;
import java.util.Map;

/**
 * A redacted text: the new text, the spans (offsets into the original text) and the count per type.
 */
public record Redaction(String text, List<Span> spans, Map<PiiType, Integer> counts) {
  public Redaction {
    spans = List.copyOf(spans);
    counts = Map.copyOf(counts);
  }
}
