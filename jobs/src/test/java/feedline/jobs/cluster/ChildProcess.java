package feedline.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process the tests started, with stdout and stderr in one log file. {@link #close} kills it and
 * every process it started (executors are children of workers), so nothing outlives a test.
 */
final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;
  private final List<ProcessHandle> seenDescendants = new ArrayList<>();

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().putAll(env);
      return new ChildProcess(name, pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Remembers the current children so that they are ended too, even after this process died. */
  List<ProcessHandle> descendants() {
    List<ProcessHandle> now = process.toHandle().descendants().toList();
    for (ProcessHandle h : now) {
      if (seenDescendants.stream().noneMatch(s -> s.pid() == h.pid())) seenDescendants.add(h);
    }
    return now;
  }

  /** Waits for the exit code; empty when the process is still running after {@code timeout}. */
  Optional<Integer> waitFor(Duration timeout) {
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) return Optional.of(process.exitValue());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** SIGKILL to this process and everything it started. */
  void killTree() {
    for (ProcessHandle h : descendants()) h.destroyForcibly();
    kill();
  }

  /** SIGKILL to this process only (its children are left to notice). */
  void kill() {
    descendants();
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(10));
  }

  @Override
  public void close() {
    if (process.isAlive()) descendants();
    process.destroy();
    if (waitFor(Duration.ofSeconds(5)).isEmpty()) process.destroyForcibly();
    waitFor(Duration.ofSeconds(10));
    for (ProcessHandle h : seenDescendants) {
      if (h.isAlive()) {
        h.destroyForcibly();
        h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
      }
    }
  }

  /** Every process this one started (and remembered ones) have ended. */
  boolean allEnded() {
    return !process.isAlive() && seenDescendants.stream().noneMatch(ProcessHandle::isAlive);
  }
}
