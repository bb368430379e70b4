package feedline.trainer.lm;

import feedline.common.select.UncertaintyScorer;
import feedline.common.select.UncertaintyScorerFactory;
import java.util.Map;

/**
 * {@code lm}: scores the select pool with a causal language model. Each label's likelihood as the
 * continuation of the prompt, softmax-normalised over the label set, is the row's distribution (see
 * {@link LmUncertaintyScorer}). The model is loaded once per JVM ({@link LmRuntimes}). Options:
 * {@link LmScorerOptions}.
 */
public final class LmScorerFactory implements UncertaintyScorerFactory {
  public static final String NAME = "lm";

  @Override
  public String name() {
    return NAME;
  }

  /** The options parse, and the model (and adapter) directories exist with a config.json and tokenizer.json. */
  @Override
  public void check(Map<String, String> options) {
    LmScorerOptions o = LmScorerOptions.from(options);
    java.nio.file.Path m = java.nio.file.Path.of(o.modelDir());
    String what = NAME + " scorer option model-dir = " + o.modelDir() + ": ";
    if (!java.nio.file.Files.isDirectory(m)) throw new IllegalArgumentException(what + "no such directory");
    for (String f : new String[] {"config.json", "tokenizer.json"}) {
      if (!java.nio.file.Files.isRegularFile(m.resolve(f))) throw new IllegalArgumentException(what + "no " + f);
    }
    if (o.adapterDir() != null && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(o.adapterDir()))) {
      throw new IllegalArgumentException(NAME + " scorer option adapter-dir = " + o.adapterDir() + ": no such directory");
    }
  }

  @Override
  public UncertaintyScorer create(Map<String, String> options) {
    LmScorerOptions o = LmScorerOptions.from(options);
    LmRuntime rt = LmRuntimes.get(o.modelDir(), o.adapterDir(), o.device(), NAME + " scorer option model-dir");
    return new LmUncertaintyScorer(rt, o);
  }
}
