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

  @Override
  public UncertaintyScorer create(Map<String, String> options) {
    LmScorerOptions o = LmScorerOptions.from(options);
    LmRuntime rt = LmRuntimes.get(o.modelDir(), o.adapterDir(), o.device(), NAME + " scorer option model-dir");
    return new LmUncertaintyScorer(rt, o);
  }
}
