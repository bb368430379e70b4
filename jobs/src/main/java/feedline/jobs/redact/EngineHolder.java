package feedline.jobs.redact;

import feedline.common.pii.PiiEngine;
import feedline.common.pii.RedactOptions;

/**
 * One {@link PiiEngine} per executor JVM: the recognizers (HanLP's dictionaries, the phone metadata,
 * the name lists) are built on first use and shared by every task that runs with the same options.
 */
final class EngineHolder {
  private static String fingerprint;
  private static PiiEngine engine;
  private static int builds;

  private EngineHolder() {}

  static synchronized PiiEngine get(RedactOptions options) {
    String fp = options.fingerprint();
    if (engine == null || !fp.equals(fingerprint)) {
      engine = new PiiEngine(options);
      fingerprint = fp;
      builds++;
    }
    return engine;
  }

  /** How many engines this JVM has built (for tests of the once-per-JVM rule). */
  static synchronized int builds() {
    return builds;
  }
}
