package feedline.trainer.eval;

/** What is evaluated: generations against references, a label set by likelihood, or language-model loss. */
public enum EvalTask {
  GENERATION,
  CLASSIFICATION,
  LM
}
