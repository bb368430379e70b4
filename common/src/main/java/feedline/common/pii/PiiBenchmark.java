package feedline.common.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread throughput of detection plus redaction on documents of about 1 KB (UTF-8), built
 * by concatenating evaluation-set lines. One thread is one core: the figure is documents per
 * second per core.
 */
public final class PiiBenchmark {
  /** The measurement. */
  public record Result(int docs, double avgBytes, double seconds, double docsPerSecond, double mbPerSecond) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d documents of %.0f bytes on average in %.2f s: %.1f documents/s per core (%.2f MB/s)",
          docs, avgBytes, seconds, docsPerSecond, mbPerSecond);
    }
  }

  private PiiBenchmark() {}

  /** Documents of at least {@code bytes} UTF-8 bytes each, made from the set's lines in turn. */
  public static List<String> documents(List<EvalSet.Doc> set, int count, int bytes) {
    List<String> out = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      while (sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < bytes) {
        sb.append(set.get(k++ % set.size()).text()).append(' ');
      }
      out.add(sb.toString());
    }
    return out;
  }

  public static Result run(PiiEngine engine, List<String> docs, int warmupRounds) {
    for (int w = 0; w < warmupRounds; w++) {
      for (String d : docs) engine.process(d);
    }
    long bytes = 0;
    for (String d : docs) bytes += d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    long t0 = System.nanoTime();
    int sink = 0;
    for (String d : docs) sink += engine.process(d).spans().size();
    double s = (System.nanoTime() - t0) / 1e9;
    if (sink < 0) throw new IllegalStateException();
    return new Result(docs.size(), (double) bytes / docs.size(), s, docs.size() / s, bytes / s / 1e6);
  }
}
