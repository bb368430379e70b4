package feedline.common.pii;

import java.time.LocalDate;
import java.util.List;

/** Detection plus redaction, built from {@link RedactOptions}. Thread-safe; build once per JVM. */
public final class PiiEngine {
  private final PiiDetector detector;
  private final Redactor redactor;

  public PiiEngine(RedactOptions o) {
    this(o, LocalDate.now());
  }

  public PiiEngine(RedactOptions o, LocalDate today) {
    this.detector = new PiiDetector(PiiDetector.standardRecognizers(o.types(), today),
        new ContextRules(o.contextBoost(), o.contextPenalty()), o.types(), o.thresholds());
    this.redactor = new Redactor(o.modes(), o.defaultMode(), o.hmacKey(), o.hashChars());
  }

  public List<Span> detect(String text) {
    return detector.detect(text);
  }

  public Redaction process(String text) {
    return redactor.redact(text, detector.detect(text));
  }

  public Redactor redactor() {
    return redactor;
  }
}
