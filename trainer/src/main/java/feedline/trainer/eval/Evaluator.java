package feedline.trainer.eval;

import com.fasterxml.jackson.databind.JsonNode;
import feedline.common.metrics.Bleu;
import feedline.common.metrics.BleuTokenizer;
import feedline.common.metrics.ClassificationReport;
import feedline.common.metrics.ExactMatch;
import feedline.common.metrics.Perplexity;
import feedline.common.metrics.Rouge;
import feedline.common.metrics.RougeScore;
import feedline.common.metrics.RougeTokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one model variant on the examples with the metrics of {@code feedline.common.metrics}.
 * Examples are JSON objects: {@code prompt} + {@code reference} (generation), {@code prompt} or
 * {@code text} + {@code label} (classification: the label whose text is most likely after the
 * prompt wins), {@code text} (language modelling).
 */
final class Evaluator {
  private Evaluator() {}

  static Map<String, Object> evaluate(LmScorer lm, EvalTask task, List<JsonNode> examples, List<String> labels,
      int maxNewTokens, BleuTokenizer bleuTok, RougeTokenizer rougeTok) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("examples", examples.size());
    switch (task) {
      case LM: {
        double sum = 0;
        long tokens = 0;
        for (JsonNode e : examples) {
          LmScorer.Nll n = lm.nll("", text(e, "text"));
          sum += n.sum();
          tokens += n.tokens();
        }
        double loss = tokens == 0 ? Double.NaN : sum / tokens;
        m.put("tokens", tokens);
        m.put("loss", loss);
        m.put("perplexity", tokens == 0 ? Double.NaN : Perplexity.fromMeanLoss(loss));
        break;
      }
      case CLASSIFICATION: {
        List<String> gold = new ArrayList<>();
        List<String> pred = new ArrayList<>();
        for (JsonNode e : examples) {
          String prompt = e.has("prompt") ? text(e, "prompt") : text(e, "text");
          String best = null;
          double bestScore = Double.NEGATIVE_INFINITY;
          for (String l : labels) {
            LmScorer.Nll n = lm.nll(prompt, " " + l);
            double score = -n.sum();
            if (score > bestScore) {
              bestScore = score;
              best = l;
            }
          }
          gold.add(text(e, "label"));
          pred.add(best);
        }
        ClassificationReport r = ClassificationReport.of(gold, pred, labels);
        m.put("accuracy", r.accuracy());
        m.put("macro_f1", r.macroF1());
        m.put("micro_f1", r.microF1());
        Map<String, Object> per = new LinkedHashMap<>();
        r.perClass().forEach(c -> per.put(c.label(), Map.of("precision", c.precision(), "recall", c.recall(), "f1", c.f1())));
        m.put("per_class", per);
        m.put("labels", r.labels());
        m.put("confusion", r.confusion());
        m.put("predictions", pred);
        break;
      }
      case GENERATION:
      default: {
        List<String> refs = new ArrayList<>();
        List<String> hyps = new ArrayList<>();
        for (JsonNode e : examples) {
          refs.add(text(e, "reference"));
          hyps.add(lm.generate(text(e, "prompt"), maxNewTokens));
        }
        m.put("bleu", Bleu.defaults().withTokenizer(bleuTok).corpus(hyps, List.of(refs)).score());
        Map<String, RougeScore> rouge = Rouge.standard(rougeTok).corpus(refs, hyps);
        rouge.forEach((k, v) -> m.put(k + "_f", v.fmeasure()));
        m.put("exact_match", ExactMatch.score(hyps, refs, false));
        m.put("generations", hyps);
        break;
      }
    }
    return m;
  }

  static String text(JsonNode e, String field) {
    JsonNode v = e.get(field);
    if (v == null || v.isNull()) throw new IllegalArgumentException("an example has no '" + field + "': " + e);
    return v.asText();
  }
}
