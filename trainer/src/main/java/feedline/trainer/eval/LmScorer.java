package feedline.trainer.eval;

import ai.djl.ndarray.NDScope;
import feedline.trainer.data.Batch;
import feedline.trainer.generate.Generator;
import feedline.trainer.lm.LmRuntime;
import feedline.trainer.model.LlamaModel;

/**
 * What evaluation asks of a causal language model: the negative log-likelihood of a continuation
 * given a prompt (teacher forcing, one forward pass), and greedy continuation of a prompt.
 */
final class LmScorer {
  private final LmRuntime rt;

  LmScorer(LmRuntime rt) {
    this.rt = rt;
  }

  int[] encode(String text) {
    return rt.encode(text);
  }

  /** Summed NLL (nats) of {@code continuation}'s tokens after {@code prompt}'s, and their count. */
  Nll nll(String prompt, String continuation) {
    int[] p = prompt.isEmpty() ? new int[0] : encode(prompt);
    int[] c = encode(continuation);
    int n = p.length + c.length;
    if (c.length == 0 || n < 2) return new Nll(0, 0);
    int[] all = new int[n];
    System.arraycopy(p, 0, all, 0, p.length);
    System.arraycopy(c, 0, all, p.length, c.length);
    Batch b = Batch.ofSequence(all);
    long[] labels = b.labels().clone();
    // the first token of a text without prompt has nothing to be predicted from
    for (int i = 0; i < Math.max(1, p.length); i++) labels[i] = Batch.IGNORE;
    Batch masked = new Batch(1, n, b.inputIds(), b.positionIds(), b.segmentIds(), labels);
    double sum = rt.run(model -> {
      try (NDScope scope = new NDScope()) {
        return (double) LlamaModel.lossSum(model.logits(masked, false), masked).getFloat();
      }
    });
    return new Nll(sum, masked.lossTokens());
  }

  String generate(String prompt, int maxNew) {
    int eos = rt.config().eosTokenId();
    int[] in = encode(prompt);
    int[] out = rt.run(model -> Generator.continueIds(model, in, maxNew, 0.0, 1.0, 0, eos));
    int len = out.length > 0 && out[out.length - 1] == eos ? out.length - 1 : out.length;
    return rt.decode(java.util.Arrays.copyOf(out, len));
  }

  /** A summed negative log-likelihood over {@code tokens} scored tokens. */
  record Nll(double sum, int tokens) {}
}
