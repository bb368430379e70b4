package feedline.common.augment.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI-compatible client against a real HTTP server started here. The server is a stand-in
 * for vLLM or Ollama (no model can be downloaded in the test environment): it speaks the same
 * /v1/chat/completions protocol and "translates" by tagging each string with the target language,
 * and it can be told to fail, stall or answer garbage.
 */
class ChatTranslatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authHeaders = Collections.synchronizedList(new ArrayList<>());
  /** Per request number (1-based): null to answer normally, else a special behaviour. */
  private volatile IntFunction<String> script = n -> null;
  private volatile CyclicBarrier barrier;
  private final CountDownLatch never = new CountDownLatch(1);

  private String start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @AfterEach
  void stop() {
    never.countDown();
    if (server != null) server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    int n = requests.incrementAndGet();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    boolean[] counted = {true};
    try {
      JsonNode req = JSON.readTree(ex.getRequestBody());
      authHeaders.add(ex.getRequestHeaders().getFirst("Authorization"));
      String system = req.path("messages").path(0).path("content").asText();
      String target = system.contains(" to Spanish") ? "es" : system.contains(" to English") ? "en" : "??";
      ArrayNode texts = (ArrayNode) JSON.readTree(req.path("messages").path(1).path("content").asText());
      batchSizes.add(texts.size());
      CyclicBarrier b = barrier;
      if (b != null) b.await(20, TimeUnit.SECONDS);
      String action = script.apply(n);
      // leave the in-flight count before answering: the client may send its next request at once
      if (!"stall".equals(action)) {
        inFlight.decrementAndGet();
        counted[0] = false;
      }
      if ("503".equals(action)) {
        reply(ex, 503, "{\"error\":\"model is loading\"}");
        return;
      }
      if ("400".equals(action)) {
        reply(ex, 400, "{\"error\":\"bad model name\"}");
        return;
      }
      if ("stall".equals(action)) {
        never.await();
        return;
      }
      ArrayNode out = JSON.createArrayNode();
      for (JsonNode t : texts) out.add("[" + target + "] " + t.asText());
      if ("garbage".equals(action)) out.remove(0);
      ObjectNode body = JSON.createObjectNode();
      body.putArray("choices").addObject().putObject("message").put("role", "assistant")
          .put("content", "```json\n" + out + "\n```");
      reply(ex, 200, body.toString());
    } catch (Exception e) {
      if (counted[0]) {
        inFlight.decrementAndGet();
        counted[0] = false;
      }
      reply(ex, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
    } finally {
      if (counted[0]) inFlight.decrementAndGet();
    }
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }

  private ChatTranslator client(String url, int batch, int concurrent, int attempts, Duration timeout) {
    return new ChatTranslator(new ChatTranslator.Options(url, "stand-in-model", "secret-key", batch, concurrent, timeout,
        attempts, Duration.ofMillis(10), 0.0, List.of()));
  }

  private static List<String> texts(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add("sentence number " + i);
    return out;
  }

  @Test
  void batchesTextsAndKeepsTheirOrder() throws IOException {
    ChatTranslator c = client(start(), 4, 1, 3, Duration.ofSeconds(20));
    List<Translation> out = c.translate(texts(10), "en", "es");
    assertThat(out).extracting(Translation::text).containsExactly(
        texts(10).stream().map(t -> "[es] " + t).toArray(String[]::new));
    assertThat(batchSizes).containsExactlyInAnyOrder(4, 4, 2);
    assertThat(requests.get()).isEqualTo(3);
    assertThat(authHeaders).containsOnly("Bearer secret-key");
  }

  @Test
  void retriesServerErrorsAndGarbageThenSucceeds() throws IOException {
    script = n -> n == 1 ? "503" : n == 2 ? "garbage" : null;
    ChatTranslator c = client(start(), 8, 1, 4, Duration.ofSeconds(20));
    List<Translation> out = c.translate(texts(3), "es", "en");
    assertThat(out).allSatisfy(t -> assertThat(t.isOk()).isTrue());
    assertThat(out.get(0).text()).isEqualTo("[en] sentence number 0");
    assertThat(requests.get()).isEqualTo(3);
    assertThat(c.retries()).isEqualTo(2);
  }

  @Test
  void givesUpAfterTheLastAttemptAndFailsOnlyThatBatch() throws IOException {
    script = n -> "503";
    ChatTranslator c = client(start(), 2, 1, 3, Duration.ofSeconds(20));
    List<Translation> out = c.translate(texts(2), "en", "es");
    assertThat(out).hasSize(2).allSatisfy(t -> assertThat(t.error()).contains("HTTP 503").contains("model is loading"));
    assertThat(requests.get()).isEqualTo(3);
  }

  @Test
  void clientErrorsAreNotRetried() throws IOException {
    script = n -> "400";
    ChatTranslator c = client(start(), 2, 1, 5, Duration.ofSeconds(20));
    assertThat(c.translate(texts(1), "en", "es")).singleElement().satisfies(t -> assertThat(t.error()).contains("HTTP 400"));
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void aStalledRequestTimesOutAndIsRetried() throws IOException {
    script = n -> n == 1 ? "stall" : null;
    ChatTranslator c = client(start(), 4, 1, 2, Duration.ofSeconds(2));
    List<Translation> out = c.translate(texts(2), "en", "es");
    assertThat(out).allSatisfy(t -> assertThat(t.text()).startsWith("[es] "));
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void runsRequestsConcurrentlyUpToTheLimit() throws IOException {
    barrier = new CyclicBarrier(2); // two requests must be in flight together, or the server waits and fails
    ChatTranslator c = client(start(), 1, 2, 1, Duration.ofSeconds(30));
    List<Translation> out = c.translate(texts(6), "en", "es");
    assertThat(out).allSatisfy(t -> assertThat(t.isOk()).isTrue());
    assertThat(maxInFlight.get()).isEqualTo(2);
  }

  @Test
  void cacheAnswersRepeatsAcrossRunsWithoutCallingTheEngine() throws IOException {
    String url = start();
    Path dir = tmp.resolve("cache");
    TranslationCache cache = new TranslationCache(dir);
    Translator t = cache.wrap(client(url, 8, 1, 1, Duration.ofSeconds(20)));
    assertThat(t.translate(texts(3), "en", "es")).noneMatch(Translation::cached);
    assertThat(requests.get()).isEqualTo(1);
    assertThat(t.translate(texts(3), "en", "es")).allMatch(Translation::cached);
    assertThat(requests.get()).isEqualTo(1);
    t.close();

    // a later run opens the same directory: still no engine call; a new pair or text is a miss
    Translator again = new TranslationCache(dir).wrap(client(url, 8, 1, 1, Duration.ofSeconds(20)));
    List<Translation> out = again.translate(List.of("sentence number 1", "a new one"), "en", "es");
    assertThat(out.get(0)).isEqualTo(Translation.fromCache("[es] sentence number 1"));
    assertThat(out.get(1).cached()).isFalse();
    assertThat(batchSizes.get(batchSizes.size() - 1)).isEqualTo(1);
    again.translate(List.of("sentence number 1"), "en", "fr");
    assertThat(requests.get()).isEqualTo(3);
  }

  @Test
  void backTranslationThroughTheEndpointRestoresPlaceholders() throws IOException {
    BackTranslation bt = new BackTranslation(client(start(), 8, 2, 2, Duration.ofSeconds(20)),
        java.util.Map.of("zh", List.of("en")), new feedline.common.augment.ProtectedSpans(List.of()), false);
    List<List<BackTranslation.Result>> out = bt.run(
        List.of(new BackTranslation.Request("请拨打<PHONE_1>联系我们。", feedline.common.augment.Lang.ZH)), null);
    // the stand-in tags each pass: zh -> en adds "[en] ", en -> zh adds "[??] "
    assertThat(out.get(0)).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("[??] [en] 请拨打<PHONE_1>联系我们。"));
  }
}
