package feedline.jobs.clean;

import feedline.common.clean.CleanOptions;
import feedline.common.clean.DocumentCleaner;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link DocumentCleaner} per executor JVM and configuration (its language profiles load once). */
final class CleanerHolder {
  private static final ConcurrentHashMap<CleanOptions, DocumentCleaner> CLEANERS = new ConcurrentHashMap<>();

  private CleanerHolder() {}

  static DocumentCleaner get(CleanOptions options) {
    return CLEANERS.computeIfAbsent(options, DocumentCleaner::new);
  }
}
