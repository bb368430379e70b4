package feedline.jobs.augment;

import feedline.common.augment.Augmentation;
import feedline.common.augment.Augmenter;
import feedline.common.augment.ConsistencyCheck;
import feedline.common.augment.EdaEdits;
import feedline.common.augment.HanlpSynonyms;
import feedline.common.augment.ProtectedSpans;
import feedline.common.augment.SentenceShuffle;
import feedline.common.augment.SynonymSwap;
import feedline.common.augment.TextEmbedder;
import feedline.common.augment.TextEmbedderFactory;
import feedline.common.augment.WordNetSynonyms;
import feedline.common.augment.translate.ApertiumTranslator;
import feedline.common.augment.translate.BackTranslation;
import feedline.common.augment.translate.ChatTranslator;
import feedline.common.augment.translate.TranslationCache;
import feedline.common.augment.translate.Translator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The heavy parts of augment, built once per executor JVM and shared by its tasks: the translator
 * (a process launcher, an HTTP client with its cache), WordNet and HanLP's dictionaries, and the
 * assembled {@link Augmentation} for a given config.
 */
final class AugmentResources {
  private static final Map<String, Translator> TRANSLATORS = new ConcurrentHashMap<>();
  private static final Map<AugmentConfig, Augmentation> AUGMENTATIONS = new ConcurrentHashMap<>();
  private static final Map<String, TextEmbedder> EMBEDDERS = new ConcurrentHashMap<>();

  private AugmentResources() {}

  static Augmentation augmentation(AugmentConfig cfg, List<String> terms) {
    return AUGMENTATIONS.computeIfAbsent(cfg, c -> build(c, terms));
  }

  /** The translator of a spec, created on first use in this JVM and closed when the JVM exits. */
  static Translator translator(AugmentConfig.TranslatorSpec spec) {
    return TRANSLATORS.computeIfAbsent(spec.key(), k -> {
      Translator t = Translators.create(spec);
      Runtime.getRuntime().addShutdownHook(new Thread(t::close, "translator-close"));
      return t;
    });
  }

  /** The embedder of consistency.embedding (the trainer's lm embedder), created once per JVM. */
  static TextEmbedder embedder(Map<String, String> options) {
    return EMBEDDERS.computeIfAbsent(new java.util.TreeMap<>(options).toString(),
        k -> TextEmbedderFactory.find("lm").create(options));
  }

  private static Augmentation build(AugmentConfig cfg, List<String> terms) {
    ProtectedSpans protect = new ProtectedSpans(terms);
    WordNetSynonyms wordnet = new WordNetSynonyms(cfg.posDominance(), cfg.maxSenses());
    HanlpSynonyms hanlp = new HanlpSynonyms();
    List<Augmenter> local = new ArrayList<>();
    if (cfg.methods().contains(SynonymSwap.METHOD)) local.add(new SynonymSwap(protect, cfg.synonymRate(), wordnet, hanlp));
    if (cfg.methods().contains(SentenceShuffle.METHOD)) local.add(new SentenceShuffle());
    if (cfg.methods().contains(EdaEdits.METHOD)) local.add(new EdaEdits(protect, cfg.edaAlpha(), wordnet, hanlp));
    BackTranslation bt = null;
    if (cfg.methods().contains(BackTranslation.METHOD) && !cfg.translator().engine().equals("none")) {
      bt = new BackTranslation(translator(cfg.translator()), cfg.pivots(), protect, cfg.maskNumbers());
    }
    ConsistencyCheck check = new ConsistencyCheck(cfg.bounds(), cfg.defaultBounds(), cfg.ngram(), cfg.ngramCjk());
    if (!cfg.embedding().isEmpty()) {
      check = check.withEmbedding(embedder(cfg.embedding()), cfg.defaultMinEmbedding(), cfg.minEmbedding());
    }
    return new Augmentation(local, Set.of(SentenceShuffle.METHOD, EdaEdits.METHOD), cfg.variants(), bt, check, cfg.seed(),
        cfg.methodFractions());
  }

  /** Builds translators from specs. */
  static final class Translators {
    private Translators() {}

    static Translator create(AugmentConfig.TranslatorSpec s) {
      Translator engine = switch (s.engine()) {
        case "apertium" -> new ApertiumTranslator(s.apertiumBinary(), s.apertiumModes(),
            Duration.ofMillis(s.apertiumTimeoutMs()), s.apertiumBatch());
        case "chat" -> new ChatTranslator(new ChatTranslator.Options(s.chatBaseUrl(), s.chatModel(),
            s.chatApiKeyEnv().isBlank() ? null : System.getenv(s.chatApiKeyEnv()), s.chatBatch(), s.chatConcurrency(),
            Duration.ofMillis(s.chatTimeoutMs()), s.chatAttempts(), Duration.ofMillis(s.chatBackoffMs()),
            s.chatTemperature(), s.chatPairs()));
        // engines of other jars (local-model: the trainer), found through ServiceLoader
        default -> feedline.common.augment.translate.TranslatorFactory.find(s.engine()).create(s.localModel());
      };
      return s.cacheDir() == null ? engine : new TranslationCache(Path.of(s.cacheDir())).wrap(engine);
    }
  }
}
