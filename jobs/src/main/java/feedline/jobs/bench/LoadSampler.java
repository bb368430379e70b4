package feedline.jobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the machine's one-minute load average ({@code /proc/loadavg}) while a benchmark runs, so
 * its figures can be read against how busy the machine was. Reports start, mean, max and end; on a
 * system without {@code /proc/loadavg} it reports nothing.
 */
final class LoadSampler implements AutoCloseable {
  private final Path source;
  private final List<Double> samples = new ArrayList<>();
  private final ScheduledExecutorService timer;

  LoadSampler(Path source, long periodSeconds) {
    this.source = source;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "load-sampler");
      t.setDaemon(true);
      return t;
    });
    sample();
    timer.scheduleAtFixedRate(this::sample, periodSeconds, periodSeconds, TimeUnit.SECONDS);
  }

  /** The one-minute load average in a {@code /proc/loadavg} line, or -1. */
  static double parse(String line) {
    try {
      return Double.parseDouble(line.strip().split("\\s+")[0]);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private void sample() {
    double v;
    try {
      v = Files.isReadable(source) ? parse(Files.readString(source)) : -1;
    } catch (IOException e) {
      v = -1;
    }
    if (v >= 0) {
      synchronized (samples) {
        samples.add(v);
      }
    }
  }

  /** {@code start a, mean b, max c, end d (n samples)}, or {@code unknown}. */
  String summary() {
    synchronized (samples) {
      return summarize(samples);
    }
  }

  static String summarize(List<Double> s) {
    if (s.isEmpty()) return "unknown";
    double sum = 0;
    double max = 0;
    for (double v : s) {
      sum += v;
      max = Math.max(max, v);
    }
    return String.format(Locale.ROOT, "start %.1f, mean %.1f, max %.1f, end %.1f (%d samples)", s.get(0), sum / s.size(), max,
        s.get(s.size() - 1), s.size());
  }

  /** Stops sampling after one last sample; later calls do nothing. */
  @Override
  public void close() {
    if (timer.isShutdown()) return;
    timer.shutdownNow();
    sample();
  }
}
