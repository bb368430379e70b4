package feedline.common.augment.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.common.text.Hashing;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A persistent translation cache in a directory, keyed by SHA-256 of (engine, source language,
 * target language, text). At open it reads every {@code *.jsonl} file there (lines that do not
 * parse are skipped); new entries are appended to a file of its own, so several JVMs can share one
 * directory without locking. A re-run with the same engine and texts makes no engine calls.
 */
public final class TranslationCache implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> entries = new ConcurrentHashMap<>();
  private final Path file;
  private BufferedWriter writer;

  public TranslationCache(Path dir) {
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) load(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open translation cache " + dir + ": " + e.getMessage(), e);
    }
    this.file = dir.resolve("cache-" + UUID.randomUUID() + ".jsonl");
  }

  private void load(Path p) throws IOException {
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      try {
        JsonNode n = JSON.readTree(line);
        if (n != null && n.hasNonNull("k") && n.hasNonNull("v")) entries.put(n.get("k").asText(), n.get("v").asText());
      } catch (IOException e) {
        // a torn last line from a killed writer: skip it
      }
    }
  }

  public static String key(String engine, String from, String to, String text) {
    return Hashing.sha256(engine + "\u0000" + from + "\u0000" + to + "\u0000" + text);
  }

  public String get(String key) {
    return entries.get(key);
  }

  public int size() {
    return entries.size();
  }

  public synchronized void put(String key, String value) {
    if (value.equals(entries.put(key, value))) return;
    try {
      if (writer == null) {
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      writer.write(JSON.writeValueAsString(Map.of("k", key, "v", value)));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write translation cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** A translator answering from this cache first and storing what the engine translates. */
  public Translator wrap(Translator inner) {
    TranslationCache cache = this;
    return new Translator() {
      @Override
      public String engine() {
        return inner.engine();
      }

      @Override
      public boolean supports(String from, String to) {
        return inner.supports(from, to);
      }

      @Override
      public List<Translation> translate(List<String> texts, String from, String to) {
        Translation[] out = new Translation[texts.size()];
        List<Integer> missing = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
          String hit = cache.get(key(inner.engine(), from, to, texts.get(i)));
          if (hit != null) out[i] = Translation.fromCache(hit);
          else missing.add(i);
        }
        if (!missing.isEmpty()) {
          List<Translation> fresh = inner.translate(missing.stream().map(texts::get).toList(), from, to);
          for (int j = 0; j < missing.size(); j++) {
            Translation t = j < fresh.size() ? fresh.get(j) : Translation.failed("engine answered too few texts");
            out[missing.get(j)] = t;
            if (t.isOk()) cache.put(key(inner.engine(), from, to, texts.get(missing.get(j))), t.text());
          }
        }
        return List.of(out);
      }

      @Override
      public void close() {
        inner.close();
        cache.close();
      }
    };
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException ignored) {
        // flushed after every entry already
      }
      writer = null;
    }
  }
}
