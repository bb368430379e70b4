package feedline.jobs.build;

import feedline.common.sft.ChatTemplate;
import feedline.common.sft.ExampleEncoder;
import feedline.common.sft.RowBuilder;
import feedline.common.sft.SftTokenizer;
import feedline.common.sft.TokenizerFiles;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What executors need to build rows, shipped once per job (broadcast): the tokenizer files' bytes,
 * the resolved chat template and the build settings. {@link #rowBuilder()} loads the tokenizer once
 * per executor JVM and keeps it for every task of the same job.
 */
public final class BuildResources implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, RowBuilder> BUILDERS = new ConcurrentHashMap<>();

  private final String key;
  private final byte[] tokenizerJson;
  private final String settings;
  private final String templateName;
  private final String templateSource;
  private final String bos;
  private final String eos;
  private final String unk;

  BuildResources(String key, byte[] tokenizerJson, String settings, ChatTemplate template, TokenizerFiles files) {
    this.key = key;
    this.tokenizerJson = tokenizerJson;
    this.settings = settings;
    this.templateName = template.name();
    this.templateSource = template.source();
    this.bos = template.bosToken();
    this.eos = template.eosToken();
    this.unk = files.unkToken();
  }

  public BuildSettings settings() {
    return BuildSettings.parse(settings);
  }

  /** The row builder of this job in this JVM, built on first use. */
  public RowBuilder rowBuilder() {
    return BUILDERS.computeIfAbsent(key, k -> {
      try {
        Path dir = Files.createTempDirectory("feedline-tokenizer-");
        Path file = dir.resolve("tokenizer.json");
        Files.write(file, tokenizerJson);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        SftTokenizer tok = SftTokenizer.load(file);
        BuildSettings s = settings();
        ChatTemplate t = new ChatTemplate(templateName, templateSource, bos, eos);
        return new RowBuilder(s.shape(), s.datasets(), s.rules(), new ExampleEncoder(t, tok, s.encode(), unk));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stage the tokenizer on this executor: " + e.getMessage(), e);
      }
    });
  }
}
