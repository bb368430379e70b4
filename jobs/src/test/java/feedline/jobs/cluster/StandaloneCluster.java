package feedline.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1: one Master and {@code n} Workers, each its own JVM
 * (the classes spark-class starts: {@code org.apache.spark.deploy.master.Master} and
 * {@code org.apache.spark.deploy.worker.Worker}), with small heaps. Closing it stops every daemon
 * and every executor they launched.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkHome home;
  private final Path dir;
  private final int masterPort;
  private final int masterUiPort;
  private final List<ChildProcess> daemons = new ArrayList<>();
  private final List<Worker> workers = new ArrayList<>();

  /** A started worker: its process and its work folder (one sub-folder per application and executor). */
  record Worker(ChildProcess process, Path workDir) {}

  private StandaloneCluster(SparkHome home, Path dir) {
    this.home = home;
    this.dir = dir;
    this.masterPort = ItEnv.freePort();
    this.masterUiPort = ItEnv.freePort();
  }

  static StandaloneCluster start(SparkHome home, Path dir, int workers, int coresPerWorker, String workerMemory) {
    StandaloneCluster c = new StandaloneCluster(home, dir);
    // also when the test JVM is stopped from outside
    Runtime.getRuntime().addShutdownHook(new Thread(c::close));
    try {
      c.startMaster();
      for (int i = 0; i < workers; i++) c.startWorker(i, coresPerWorker, workerMemory);
      c.awaitAliveWorkers(workers, Duration.ofSeconds(90));
      return c;
    } catch (RuntimeException | Error e) {
      c.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  List<Worker> workers() {
    return workers;
  }

  private void startMaster() {
    List<String> props = List.of("-Dspark.deploy.spreadOut=true");
    daemons.add(ChildProcess.start("master",
        home.javaCommand("512m", props, "org.apache.spark.deploy.master.Master",
            List.of("--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort))),
        home.env(), dir, dir.resolve("logs/master.log")));
  }

  private void startWorker(int i, int cores, String memory) {
    Path work = dir.resolve("worker-" + i);
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChildProcess p = ChildProcess.start("worker-" + i,
        home.javaCommand("512m", List.of(), "org.apache.spark.deploy.worker.Worker",
            List.of("--host", "127.0.0.1", "--cores", String.valueOf(cores), "--memory", memory, "--work-dir", work.toString(),
                "--webui-port", String.valueOf(ItEnv.freePort()), masterUrl())),
        home.env(), dir, dir.resolve("logs/worker-" + i + ".log"));
    daemons.add(p);
    workers.add(new Worker(p, work));
  }

  /** Polls the Master's JSON status page until {@code n} workers are alive. */
  void awaitAliveWorkers(int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (ChildProcess d : daemons) {
        if (!d.isAlive()) throw new IllegalStateException(d.name() + " exited while the cluster started:\n" + tail(d.logText()));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode status = JSON.readTree(r.body());
        last = "aliveworkers=" + status.path("aliveworkers").asInt();
        if (status.path("aliveworkers").asInt() >= n) return;
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(300);
    }
    throw new IllegalStateException("the Spark master did not see " + n + " workers (" + last + ")\n" + tail(daemons.get(0).logText()));
  }

  /** The worker whose work folder holds executor {@code executorId} of any application. */
  Optional<Worker> workerOfExecutor(String executorId) {
    for (Worker w : workers) {
      try (Stream<Path> apps = Files.list(w.workDir())) {
        if (apps.anyMatch(app -> Files.isDirectory(app.resolve(executorId)))) return Optional.of(w);
      } catch (IOException e) {
        // folder not there yet
      }
    }
    return Optional.empty();
  }

  /** Every daemon and every executor has ended. */
  boolean allEnded() {
    return daemons.stream().allMatch(ChildProcess::allEnded);
  }

  @Override
  public void close() {
    // workers first (they end their executors), then the master
    for (int i = daemons.size() - 1; i >= 0; i--) daemons.get(i).close();
  }

  static String tail(String log) {
    return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
