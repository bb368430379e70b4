package feedline.jobs.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feedline.common.config.ConfigError;
import feedline.common.config.ConfigLoader;
import feedline.common.config.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import feedline.common.augment.translate.Translation;
import feedline.common.augment.translate.Translator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class AugmentResourcesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AugmentConfig config(String... overrides) {
    return AugmentConfig.from(new Settings(ConfigLoader.load(null, List.of(overrides)), "feedline.augment"));
  }

  @Test
  void oneTranslatorAndOneAugmentationPerJvmAndConfig() {
    AugmentConfig a = config();
    AugmentConfig b = config();
    assertThat(AugmentResources.translator(a.translator())).isSameAs(AugmentResources.translator(b.translator()));
    assertThat(AugmentResources.augmentation(a, List.of())).isSameAs(AugmentResources.augmentation(b, List.of()));
    AugmentConfig other = config("feedline.augment.back-translation.apertium.batch-size=7");
    assertThat(AugmentResources.translator(other.translator())).isNotSameAs(AugmentResources.translator(a.translator()));
  }

  /**
   * The chat engine as configured: an HTTP server started here stands in for vLLM or Ollama (no
   * model can be downloaded in the test environment) and answers in the OpenAI chat format.
   */
  @Test
  void chatEngineFromConfigUsesTheEndpointAndTheCacheDirectory(@TempDir Path tmp) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", ex -> {
      calls.incrementAndGet();
      JsonNode req = JSON.readTree(ex.getRequestBody());
      ArrayNode in = (ArrayNode) JSON.readTree(req.path("messages").path(1).path("content").asText());
      ArrayNode out = JSON.createArrayNode();
      in.forEach(t -> out.add("<<" + t.asText() + ">>"));
      ObjectNode body = JSON.createObjectNode();
      body.putArray("choices").addObject().putObject("message").put("content", out.toString());
      byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
      String cache = tmp.resolve("tcache").toString();
      AugmentConfig cfg = config("feedline.augment.back-translation.engine=chat",
          "feedline.augment.back-translation.chat.model=stand-in", "feedline.augment.back-translation.chat.base-url=\"" + url + "\"",
          "feedline.augment.back-translation.cache.dir=\"" + cache + "\"");
      Translator first = AugmentResources.Translators.create(cfg.translator());
      assertThat(first.engine()).isEqualTo("chat:stand-in@" + url);
      assertThat(first.translate(List.of("hello", "world"), "en", "es")).extracting(Translation::text)
          .containsExactly("<<hello>>", "<<world>>");
      first.close();
      Translator again = AugmentResources.Translators.create(cfg.translator());
      assertThat(again.translate(List.of("hello"), "en", "es")).singleElement().satisfies(t -> assertThat(t.cached()).isTrue());
      assertThat(calls.get()).isEqualTo(1);
      again.close();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void configErrorsNameKeyAndAllowedValues() {
    assertThatThrownBy(() -> config("feedline.augment.back-translation.engine=marian"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.back-translation.engine")
        .hasMessageContaining("apertium");
    assertThatThrownBy(() -> config("feedline.augment.back-translation.engine=chat"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.back-translation.chat.model");
    assertThatThrownBy(() -> config("feedline.augment.consistency.synonym.max-similarity=0.2"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.consistency.synonym.max-similarity");
    assertThatThrownBy(() -> config("feedline.augment.back-translation.chat.timeout=soon"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("feedline.augment.back-translation.chat.timeout")
        .hasMessageContaining("duration");
  }
}
