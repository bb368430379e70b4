package feedline.trainer.model;

/** Small decoder shapes for tests: hidden 32-64, two layers. */
public final class TinyConfigs {
  private TinyConfigs() {}

  public static ModelConfig llama(int vocab) {
    return new ModelConfig(ModelConfig.Family.LLAMA, vocab, 32, 64, 2, 4, 4, 8, 1e-6, 10000, RopeScaling.NONE, 128, false, false, false, 1, 2);
  }

  /** Grouped-query attention: 4 query heads share 2 key/value heads. */
  public static ModelConfig llamaGqa(int vocab) {
    return new ModelConfig(ModelConfig.Family.LLAMA, vocab, 32, 64, 2, 4, 2, 8, 1e-5, 500000, RopeScaling.NONE, 128, false, false, false, 1, 2);
  }

  /** Qwen2: q/k/v biases, tied embeddings, GQA. */
  public static ModelConfig qwen2(int vocab) {
    return new ModelConfig(ModelConfig.Family.QWEN2, vocab, 48, 96, 2, 6, 2, 8, 1e-6, 1000000, RopeScaling.NONE, 128, true, true, false, 1, 2);
  }

  public static ModelConfig withScaling(ModelConfig c, RopeScaling s, int maxPositions) {
    return new ModelConfig(c.family(), c.vocabSize(), c.hiddenSize(), c.intermediateSize(), c.numLayers(), c.numHeads(),
        c.numKvHeads(), c.headDim(), c.rmsNormEps(), c.ropeTheta(), s, maxPositions, c.tieWordEmbeddings(), c.qkvBias(),
        c.oBias(), c.bosTokenId(), c.eosTokenId());
  }
}
