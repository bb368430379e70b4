package feedline.jobs.build;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import feedline.common.config.ConfigError;
import feedline.common.config.Settings;
import feedline.common.sft.ConversationRules;
import feedline.common.sft.EncodeOptions;
import feedline.common.sft.InputShape;
import feedline.common.sft.Role;
import feedline.common.sft.ShapeOptions;
import feedline.common.sft.SplitAssigner;
import feedline.common.sft.TemplateResolver;
import feedline.common.sft.Truncation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code feedline.build} section, bound and validated. */
public record BuildSettings(
    String tokenizer,
    ShapeOptions shape,
    Map<String, ShapeOptions> datasets,
    String templateSource,
    String templateFamily,
    EncodeOptions encode,
    boolean mergeConsecutive,
    long maxChars,
    double train,
    double validation,
    double test,
    String seed,
    List<String> groupColumns,
    boolean packing,
    int packingBuckets,
    int shardMaxRows,
    int shardPartitions,
    String defaultSource) {

  public static final String SECTION = "feedline.build";

  public static BuildSettings from(Config config) {
    Settings s = new Settings(config, SECTION);
    String tok = s.optionalString("tokenizer");
    if (tok == null) {
      throw new ConfigError(s.path("tokenizer"), "", "a model folder holding tokenizer.json (--tokenizer DIR)");
    }
    ShapeOptions base = shapeOptions(s, ShapeOptions.defaults());
    Map<String, ShapeOptions> datasets = new LinkedHashMap<>();
    if (s.has("datasets")) {
      for (String name : config.getConfig(s.path("datasets")).root().keySet()) {
        datasets.put(name, shapeOptions(s.sub("datasets").sub("\"" + name + "\""), base));
      }
    }
    String tsrc = s.oneOf("template.source", TemplateResolver.SOURCES);
    String fam = s.oneOf("template.family", List.of("auto", "chatml", "llama3", "deepseek"));
    int max = s.integer("max-seq-len", 2, 1 << 20);
    Truncation trunc = Truncation.valueOf(s.oneOf("truncation", Truncation.names()).toUpperCase(Locale.ROOT));
    EncodeOptions enc = new EncodeOptions(max, trunc, s.bool("assistant-only"), s.bool("text.add-bos"), s.bool("text.add-eos"),
        s.number("unknown.max-fraction", 0, 1), s.bool("unknown.remove"));
    double train = s.number("split.train", 0, 1);
    double val = s.number("split.validation", 0, 1);
    double test = s.number("split.test", 0, 1);
    new SplitAssigner(train, val, test, "check"); // validates the sum
    List<String> groups = s.stringList("split.group-columns");
    if (groups.isEmpty()) throw new ConfigError(s.path("split.group-columns"), groups, "a non-empty list of column names");
    return new BuildSettings(tok, base, datasets, tsrc, fam, enc, s.bool("rules.merge-consecutive"),
        s.bytes("rules.max-chars", 1, Long.MAX_VALUE), train, val, test, s.string("split.seed"), groups,
        s.bool("packing.enabled"), s.integer("packing.buckets", 1, 100_000), s.integer("shard.max-rows", 1, Integer.MAX_VALUE),
        s.integer("shard.partitions", 1, 100_000), s.string("default-source"));
  }

  private static ShapeOptions shapeOptions(Settings s, ShapeOptions base) {
    InputShape shape = s.has("shape")
        ? InputShape.valueOf(s.oneOf("shape", InputShape.names()).toUpperCase(Locale.ROOT)) : base.shape();
    Map<String, Role> aliases = new LinkedHashMap<>(base.roleAliases());
    for (Map.Entry<String, String> e : s.stringMap("role-aliases").entrySet()) {
      String r = e.getValue().toLowerCase(Locale.ROOT);
      Role role = switch (r) {
        case "system" -> Role.SYSTEM;
        case "user" -> Role.USER;
        case "assistant" -> Role.ASSISTANT;
        default -> throw new ConfigError(s.path("role-aliases") + "." + e.getKey(), e.getValue(), "one of [system, user, assistant]");
      };
      aliases.put(e.getKey().toLowerCase(Locale.ROOT), role);
    }
    String sys = s.has("system-prompt") ? s.optionalString("system-prompt") : base.systemPrompt();
    String user = s.has("user-template") ? s.optionalString("user-template") : base.userTemplate();
    Settings c = s.sub("columns");
    return new ShapeOptions(shape, col(c, "instruction", base.instructionColumn()), col(c, "input", base.inputColumn()),
        col(c, "output", base.outputColumn()), col(c, "conversations", base.conversationsColumn()), col(c, "from", base.fromKey()),
        col(c, "value", base.valueKey()), col(c, "messages", base.messagesColumn()), col(c, "role", base.roleKey()),
        col(c, "content", base.contentKey()), col(c, "question", base.questionColumn()), col(c, "answer", base.answerColumn()),
        col(c, "text", base.textColumn()), aliases, sys, user);
  }

  private static String col(Settings c, String key, String dflt) {
    return c.has(key) ? c.string(key) : dflt;
  }

  /** The section as JSON, to rebuild the same settings on executors. */
  public static String render(Config config) {
    return config.getConfig(SECTION).root().render(ConfigRenderOptions.concise());
  }

  public static BuildSettings parse(String rendered) {
    return from(ConfigFactory.parseString(rendered).atPath(SECTION));
  }

  public ConversationRules rules() {
    return new ConversationRules(mergeConsecutive, maxChars);
  }

  public SplitAssigner splitter() {
    return new SplitAssigner(train, validation, test, seed);
  }

  /** Options recorded in the dataset card. */
  public Map<String, Object> cardOptions() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max-seq-len", encode.maxTokens());
    m.put("truncation", encode.truncation().name().toLowerCase(Locale.ROOT));
    m.put("assistant-only", encode.assistantOnly());
    m.put("packing", packing);
    m.put("split", train + " / " + validation + " / " + test + " (seed " + seed + ", group by first of " + groupColumns + ")");
    m.put("shape", shape.shape().name().toLowerCase(Locale.ROOT));
    if (shape.systemPrompt() != null) m.put("system-prompt", shape.systemPrompt());
    if (shape.userTemplate() != null) m.put("user-template", shape.userTemplate());
    if (!datasets.isEmpty()) m.put("datasets", String.join(", ", datasets.keySet()));
    m.put("unknown", "max-fraction " + encode.unknownMaxFraction() + (encode.removeUnknown() ? ", removed" : ", kept"));
    return m;
  }
}
