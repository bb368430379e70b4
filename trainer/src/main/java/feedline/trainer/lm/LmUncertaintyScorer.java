package feedline.trainer.lm;

import feedline.common.select.UncertaintyScorer;
import java.util.ArrayList;
import java.util.List;

/**
 * Label distributions from a causal language model. For a text, the prompt is the template with
 * the text in place of {@code {text}} (rendered as a user turn by the model's chat template when
 * asked); for each label, the log-likelihood of {@code labelPrefix + label} as the prompt's
 * continuation is summed over its tokens (or averaged, with {@code length-normalize}); the
 * distribution is the softmax of these log-likelihoods over the label set. Texts are scored
 * {@code batch-size} at a time, one row per (text, label) in each forward pass.
 */
public final class LmUncertaintyScorer implements UncertaintyScorer {
  private final LmRuntime runtime;
  private final LmScorerOptions options;
  private final List<int[]> labelIds = new ArrayList<>();
  private final int maxPromptTokens;

  LmUncertaintyScorer(LmRuntime runtime, LmScorerOptions options) {
    this.runtime = runtime;
    this.options = options;
    if (options.chatTemplate() && runtime.chatTemplate() == null) {
      throw new IllegalArgumentException(LmScorerFactory.NAME + " scorer option chat-template = true, but " + runtime.modelDir()
          + "/tokenizer_config.json has no chat_template");
    }
    int longest = 0;
    for (String l : options.labels()) {
      int[] ids = runtime.encode(options.labelPrefix() + l);
      labelIds.add(ids);
      longest = Math.max(longest, ids.length);
    }
    this.maxPromptTokens = options.maxLength() - longest;
    int bare = runtime.encode(render("")).length;
    if (bare + 1 > maxPromptTokens) {
      throw new IllegalArgumentException(LmScorerFactory.NAME + " scorer option max-length = " + options.maxLength()
          + " leaves no room for text: the prompt alone is " + bare + " tokens and the longest label " + longest);
    }
  }

  @Override
  public List<String> labels() {
    return options.labels();
  }

  /** The prompt for {@code text}: the template filled in, rendered by the chat template when asked. */
  public String render(String text) {
    String p = options.prompt().replace("{text}", text);
    return options.chatTemplate() ? runtime.chatTemplate().renderUser(p) : p;
  }

  /** The prompt's token ids; a text too long for max-length is cut to its longest start that fits. */
  int[] promptIds(String text) {
    int[] ids = runtime.encode(render(text));
    if (ids.length <= maxPromptTokens) return ids;
    // binary search over the number of code points kept
    int lo = 0;
    int hi = text.codePointCount(0, text.length());
    int[] best = runtime.encode(render(""));
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      int[] m = runtime.encode(render(text.substring(0, text.offsetByCodePoints(0, mid))));
      if (m.length <= maxPromptTokens) {
        lo = mid;
        best = m;
      } else {
        hi = mid - 1;
      }
    }
    return best;
  }

  /** Per text, each label's log-likelihood (summed, or mean per token with length-normalize). */
  public List<double[]> logLikelihoods(List<String> texts) {
    List<double[]> out = new ArrayList<>(texts.size());
    int k = labelIds.size();
    for (int from = 0; from < texts.size(); from += options.batchSize()) {
      List<String> chunk = texts.subList(from, Math.min(texts.size(), from + options.batchSize()));
      List<ContinuationLikelihood.Pair> pairs = new ArrayList<>(chunk.size() * k);
      for (String text : chunk) {
        int[] p = promptIds(text == null ? "" : text);
        for (int[] l : labelIds) pairs.add(new ContinuationLikelihood.Pair(p, l));
      }
      double[] ll = runtime.run(m -> ContinuationLikelihood.logLikelihoods(m, pairs));
      for (int i = 0; i < chunk.size(); i++) {
        double[] row = new double[k];
        for (int j = 0; j < k; j++) {
          row[j] = options.lengthNormalize() ? ll[i * k + j] / labelIds.get(j).length : ll[i * k + j];
        }
        out.add(row);
      }
    }
    return out;
  }

  @Override
  public List<double[]> predict(List<String> texts) {
    List<double[]> out = new ArrayList<>(texts.size());
    for (double[] ll : logLikelihoods(texts)) out.add(softmax(ll));
    return out;
  }

  /** {@code exp(x_i) / sum_j exp(x_j)}, computed stably. */
  public static double[] softmax(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) max = Math.max(max, v);
    double[] p = new double[x.length];
    double z = 0;
    for (int i = 0; i < x.length; i++) {
      p[i] = Math.exp(x[i] - max);
      z += p[i];
    }
    for (int i = 0; i < x.length; i++) p[i] /= z;
    return p;
  }
}
