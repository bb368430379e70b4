package feedline.common.augment.translate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apertium, the rule-based engine, run as a process ({@code apertium -u <mode>}). A batch of texts
 * goes through one process, separated by sentinel paragraphs (an unknown word Apertium copies
 * through unchanged); the answer is split at the sentinels and must hold all of them in order, or
 * the batch is retried text by text. A process that runs past the timeout is killed and its texts
 * fail. Apertium's spacing artefacts (doubled or leading spaces) are tidied.
 */
public final class ApertiumTranslator implements Translator {
  private final String binary;
  private final Map<String, String> modes;
  private final Duration timeout;
  private final int batchSize;
  private final String nonce;
  private final Pattern sentinel;

  /**
   * @param modes language pair ({@code en-es}) to Apertium mode ({@code eng-spa})
   * @param batchSize texts per process
   */
  public ApertiumTranslator(String binary, Map<String, String> modes, Duration timeout, int batchSize) {
    this.binary = binary;
    this.modes = Map.copyOf(modes);
    this.timeout = timeout;
    this.batchSize = Math.max(1, batchSize);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    this.nonce = sb.toString();
    this.sentinel = Pattern.compile("\\s*ZQ" + nonce + "(\\d+)QZ\\s*");
  }

  @Override
  public String engine() {
    return "apertium";
  }

  @Override
  public boolean supports(String from, String to) {
    return modes.containsKey(from + "-" + to);
  }

  @Override
  public List<Translation> translate(List<String> texts, String from, String to) {
    String mode = modes.get(from + "-" + to);
    if (mode == null) return Translation.allFailed(texts.size(), "apertium has no mode for " + from + "-" + to);
    List<Translation> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i += batchSize) {
      out.addAll(batch(texts.subList(i, Math.min(texts.size(), i + batchSize)), mode));
    }
    return out;
  }

  private List<Translation> batch(List<String> texts, String mode) {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      in.append(texts.get(i).replace("ZQ" + nonce, "ZQ " + nonce)).append("\n\nZQ").append(nonce).append(i).append("QZ\n\n");
    }
    String raw;
    try {
      raw = run(mode, in.toString());
    } catch (TranslatorException e) {
      if (texts.size() == 1) return List.of(Translation.failed(e.getMessage()));
      return single(texts, mode);
    }
    List<String> parts = new ArrayList<>();
    Matcher m = sentinel.matcher(raw);
    int at = 0;
    int expect = 0;
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) != expect) break;
      parts.add(raw.substring(at, m.start()));
      at = m.end();
      expect++;
    }
    if (parts.size() != texts.size()) {
      if (texts.size() == 1) return List.of(Translation.failed("apertium answer lost its sentinel"));
      return single(texts, mode);
    }
    List<Translation> out = new ArrayList<>();
    for (String p : parts) out.add(Translation.ok(tidy(p)));
    return out;
  }

  private List<Translation> single(List<String> texts, String mode) {
    List<Translation> out = new ArrayList<>();
    for (String t : texts) out.addAll(batch(List.of(t), mode));
    return out;
  }

  /** Runs one Apertium process over {@code input}; its standard output, or an exception. */
  String run(String mode, String input) {
    Process p;
    try {
      p = new ProcessBuilder(binary, "-u", mode).start();
    } catch (IOException e) {
      throw new TranslatorException("cannot start " + binary + ": " + e.getMessage(), false, e);
    }
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Thread writer = pump(() -> {
      try (OutputStream os = p.getOutputStream()) {
        os.write(input.getBytes(StandardCharsets.UTF_8));
      }
    });
    Thread reader = pump(() -> copy(p.getInputStream(), stdout));
    Thread errReader = pump(() -> copy(p.getErrorStream(), stderr));
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new TranslatorException("apertium " + mode + " ran past " + timeout.toMillis() + " ms and was stopped", true);
      }
      writer.join(1000);
      reader.join(timeout.toMillis());
      errReader.join(1000);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new TranslatorException("interrupted", false, e);
    }
    if (p.exitValue() != 0) {
      String err = stderr.toString(StandardCharsets.UTF_8).strip();
      throw new TranslatorException("apertium " + mode + " exited " + p.exitValue() + ": "
          + err.substring(0, Math.min(300, err.length())), false);
    }
    return stdout.toString(StandardCharsets.UTF_8);
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static Thread pump(IoAction action) {
    Thread t = new Thread(() -> {
      try {
        action.run();
      } catch (IOException ignored) {
        // the process ended or was stopped; the exit status tells what happened
      }
    }, "apertium-io");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) throws IOException {
    byte[] buf = new byte[8192];
    for (int r; (r = in.read(buf)) > 0; ) out.write(buf, 0, r);
  }

  /** Collapses Apertium's doubled spaces and strips each line. */
  static String tidy(String s) {
    StringBuilder sb = new StringBuilder();
    for (String line : s.strip().split("\n", -1)) {
      if (sb.length() > 0) sb.append('\n');
      sb.append(line.replaceAll("[ \\t]{2,}", " ").strip());
    }
    return sb.toString().replaceAll(" +([,.;:!?])", "$1");
  }
}
