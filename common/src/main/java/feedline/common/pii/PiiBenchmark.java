package feedline.common.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread throughput of detection plus redaction on documents of about 1 KB (UTF-8), built
 * by concatenating evaluation-set lines, on one thread. Besides wall time it reports the thread's
 * CPU time, so documents per CPU-second (per core) stays meaningful on a shared, loaded machine.
 */
public final class PiiBenchmark {
  /** The measurement. */
  public record Result(int docs, double avgBytes, double seconds, double cpuSeconds, double docsPerSecond,
      double docsPerCpuSecond) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%d documents of %.0f bytes on average: %.2f s wall, %.2f s thread CPU; %.1f documents/s wall, "
              + "%.1f documents per CPU-second (per core)", docs, avgBytes, seconds, cpuSeconds, docsPerSecond, docsPerCpuSecond);
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
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    int sink = 0;
    for (String d : docs) sink += engine.process(d).spans().size();
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    if (sink < 0) throw new IllegalStateException();
    return new Result(docs.size(), (double) bytes / docs.size(), s, cpu, docs.size() / s, docs.size() / cpu);
  }
}
