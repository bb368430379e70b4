package feedline.common.augment.translate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Translation through any OpenAI-compatible chat endpoint ({@code POST <base>/chat/completions}:
 * vLLM, Ollama, llama.cpp server, LM Studio). Texts go in batches, as a JSON array the model is
 * asked to answer with a JSON array of the same length; at most {@code maxConcurrent} requests are
 * in flight per JVM. Timeouts, connection errors, 408/429/5xx and unreadable answers are retried
 * with exponential backoff (and a server's {@code Retry-After}); after the last attempt the batch's
 * texts fail, and the caller carries on without them.
 */
public final class ChatTranslator implements Translator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Endpoint and behaviour; {@code apiKey} may be null. */
  public record Options(String baseUrl, String model, String apiKey, int batchSize, int maxConcurrent, Duration timeout,
      int maxAttempts, Duration backoff, double temperature, List<String> pairs) {}

  private final Options o;
  private final URI uri;
  private final HttpClient http;
  private final ExecutorService pool;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  public ChatTranslator(Options options) {
    this.o = options;
    String base = options.baseUrl().endsWith("/") ? options.baseUrl().substring(0, options.baseUrl().length() - 1) : options.baseUrl();
    this.uri = URI.create(base + "/chat/completions");
    this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    this.pool = Executors.newFixedThreadPool(options.maxConcurrent(), r -> {
      Thread t = new Thread(r, "chat-translator");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String engine() {
    return "chat:" + o.model() + "@" + o.baseUrl();
  }

  @Override
  public boolean supports(String from, String to) {
    return !from.equals(to) && (o.pairs().isEmpty() || o.pairs().contains(from + "-" + to));
  }

  /** HTTP requests sent so far (attempts included). */
  public long requests() {
    return requests.get();
  }

  /** Attempts after a first one failed. */
  public long retries() {
    return retries.get();
  }

  @Override
  public List<Translation> translate(List<String> texts, String from, String to) {
    List<Future<List<Translation>>> futures = new ArrayList<>();
    for (int i = 0; i < texts.size(); i += o.batchSize()) {
      List<String> batch = List.copyOf(texts.subList(i, Math.min(texts.size(), i + o.batchSize())));
      futures.add(pool.submit(() -> withRetries(batch, from, to)));
    }
    List<Translation> out = new ArrayList<>(texts.size());
    int at = 0;
    for (Future<List<Translation>> f : futures) {
      int n = Math.min(o.batchSize(), texts.size() - at);
      try {
        out.addAll(f.get());
      } catch (ExecutionException e) {
        out.addAll(Translation.allFailed(n, String.valueOf(e.getCause())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.addAll(Translation.allFailed(n, "interrupted"));
      }
      at += n;
    }
    return out;
  }

  private List<Translation> withRetries(List<String> batch, String from, String to) {
    String last = null;
    for (int attempt = 1; attempt <= o.maxAttempts(); attempt++) {
      if (attempt > 1) retries.incrementAndGet();
      try {
        List<String> answer = call(batch, from, to);
        List<Translation> out = new ArrayList<>();
        for (String a : answer) out.add(Translation.ok(a));
        return out;
      } catch (TranslatorException e) {
        last = e.getMessage();
        if (!e.retryable() || attempt == o.maxAttempts()) break;
        long wait = o.backoff().toMillis() << (attempt - 1);
        wait += ThreadLocalRandom.current().nextLong(Math.max(1, wait / 4));
        wait = Math.max(wait, e.retryAfterMillis());
        try {
          Thread.sleep(Math.min(wait, 60_000));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return Translation.allFailed(batch.size(), "chat endpoint: " + last);
  }

  List<String> call(List<String> batch, String from, String to) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", o.model());
    body.put("temperature", o.temperature());
    body.put("stream", false);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", prompt(from, to));
    ArrayNode items = JSON.createArrayNode();
    batch.forEach(items::add);
    messages.addObject().put("role", "user").put("content", items.toString());
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(o.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (o.apiKey() != null && !o.apiKey().isBlank()) req.header("Authorization", "Bearer " + o.apiKey());
    HttpResponse<String> resp;
    requests.incrementAndGet();
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new TranslatorException("no answer within " + o.timeout().toMillis() + " ms", true, e);
    } catch (IOException e) {
      throw new TranslatorException("connection failed: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TranslatorException("interrupted", false, e);
    }
    int status = resp.statusCode();
    if (status != 200) {
      boolean retry = status == 408 || status == 429 || status >= 500;
      String text = resp.body() == null ? "" : resp.body();
      long after = resp.headers().firstValue("Retry-After").map(ChatTranslator::seconds).orElse(0L) * 1000;
      throw new TranslatorException("HTTP " + status + ": " + text.substring(0, Math.min(200, text.length())).strip(), retry)
          .withRetryAfter(Math.min(after, 30_000));
    }
    return parse(resp.body(), batch.size());
  }

  /** The JSON array of strings in a chat answer, of the expected length; anything else is retryable garbage. */
  static List<String> parse(String body, int expected) {
    String content;
    try {
      JsonNode root = JSON.readTree(body);
      content = root.path("choices").path(0).path("message").path("content").asText(null);
    } catch (IOException e) {
      throw new TranslatorException("unreadable answer: " + e.getMessage(), true, e);
    }
    if (content == null) throw new TranslatorException("answer has no choices[0].message.content", true);
    int a = content.indexOf('[');
    int b = content.lastIndexOf(']');
    if (a < 0 || b < a) throw new TranslatorException("answer holds no JSON array", true);
    List<String> out;
    try {
      out = JSON.readValue(content.substring(a, b + 1), new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new TranslatorException("answer is not a JSON array of strings", true, e);
    }
    if (out.size() != expected) throw new TranslatorException("answer has " + out.size() + " texts for " + expected, true);
    for (String s : out) if (s == null || s.isBlank()) throw new TranslatorException("answer holds an empty text", true);
    return out;
  }

  private static long seconds(String header) {
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String prompt(String from, String to) {
    return "You are a translation engine. Translate every string of the JSON array the user sends from "
        + language(from) + " to " + language(to) + ". Keep tokens like QZ0ZQ, placeholders in angle or square "
        + "brackets, numbers and line breaks exactly as they are. Answer with only a JSON array of the translated "
        + "strings, the same length and order as the input.";
  }

  private static String language(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isBlank() ? code : name;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
