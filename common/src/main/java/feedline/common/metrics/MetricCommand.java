package feedline.common.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code feedline metric bleu|rouge|f1|exact|kappa --pred FILE --ref FILE[,FILE...] [--tokenize T]
 * [--labels a,b,c] [--normalize true]}: files of one item per line, the scores printed as one JSON
 * object. No Spark.
 * <ul>
 *   <li>bleu: corpus BLEU as sacrebleu; {@code --tokenize 13a|zh|char|none} (default 13a); several
 *   reference files give several references per line</li>
 *   <li>rouge: ROUGE-1/2/L/Lsum as rouge-score (mean over lines); {@code --tokenize default|char|zh}</li>
 *   <li>f1: classification report of predicted against gold labels; {@code --labels} fixes the label set</li>
 *   <li>exact: exact match; {@code --normalize true} folds case, NFKC and whitespace</li>
 *   <li>kappa: Cohen's kappa of {@code --pred} (rater A) against {@code --ref} (rater B); with several
 *   reference files, Cohen's kappa per pair and Fleiss' kappa over all raters</li>
 * </ul>
 */
public final class MetricCommand {
  public static final List<String> METRICS = List.of("bleu", "rouge", "f1", "exact", "kappa");
  private static final Set<String> OPTIONS = Set.of("pred", "ref", "tokenize", "labels", "normalize");

  private MetricCommand() {}

  /** A usage mistake (unknown metric or option, missing file): the caller exits with code 2. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String m) {
      super(m);
    }
  }

  public static String usage() {
    return "metric " + String.join("|", METRICS) + " --pred FILE --ref FILE[,FILE...] [--tokenize 13a|zh|char|none]"
        + " [--labels a,b,c] [--normalize true]";
  }

  /** Computes the metric and returns the JSON object as text. */
  public static String run(List<String> positionals, Map<String, String> options) {
    if (positionals.size() != 1 || !METRICS.contains(positionals.get(0))) {
      throw new UsageException("which metric? " + usage());
    }
    for (String o : options.keySet()) {
      if (!OPTIONS.contains(o)) throw new UsageException("unknown option --" + o + " for metric; allowed: --pred, --ref, --tokenize, --labels, --normalize");
    }
    String metric = positionals.get(0);
    List<String> pred = lines(required(options, "pred"));
    List<List<String>> refs = new ArrayList<>();
    for (String f : required(options, "ref").split(",")) {
      List<String> r = lines(f.strip());
      if (r.size() != pred.size()) {
        throw new UsageException(f.strip() + " has " + r.size() + " lines but " + options.get("pred") + " has " + pred.size());
      }
      refs.add(r);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metric", metric);
    out.put("n", pred.size());
    try {
      switch (metric) {
        case "bleu": {
          BleuTokenizer tok = BleuTokenizer.of(options.getOrDefault("tokenize", "13a"));
          BleuScore s = Bleu.defaults().withTokenizer(tok).corpus(pred, refs);
          out.put("bleu", s.score());
          out.put("tokenize", s.tokenizer());
          out.put("references", refs.size());
          out.put("counts", s.counts());
          out.put("totals", s.totals());
          out.put("precisions", s.precisions());
          out.put("bp", s.brevityPenalty());
          out.put("sys_len", s.sysLen());
          out.put("ref_len", s.refLen());
          break;
        }
        case "rouge": {
          RougeTokenizer tok = RougeTokenizer.of(options.getOrDefault("tokenize", "default"));
          Map<String, RougeScore> scores = Rouge.standard(tok).corpus(refs.get(0), pred);
          out.put("tokenize", tok.name().toLowerCase(java.util.Locale.ROOT));
          scores.forEach((type, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", s.precision());
            m.put("recall", s.recall());
            m.put("fmeasure", s.fmeasure());
            out.put(type, m);
          });
          break;
        }
        case "f1": {
          List<String> labels = options.containsKey("labels")
              ? Arrays.stream(options.get("labels").split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList() : null;
          ClassificationReport r = ClassificationReport.of(strip(refs.get(0)), strip(pred), labels);
          out.putAll(reportJson(r));
          break;
        }
        case "exact":
          out.put("exact_match", ExactMatch.score(pred, refs.get(0), Boolean.parseBoolean(options.getOrDefault("normalize", "false"))));
          break;
        case "kappa":
        default: {
          List<List<String>> raters = new ArrayList<>();
          raters.add(strip(pred));
          refs.forEach(r -> raters.add(strip(r)));
          out.putAll(kappaJson(raters));
          break;
        }
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return json(out);
  }

  static Map<String, Object> reportJson(ClassificationReport r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy", r.accuracy());
    out.put("macro_precision", r.macroPrecision());
    out.put("macro_recall", r.macroRecall());
    out.put("macro_f1", r.macroF1());
    out.put("micro_precision", r.microPrecision());
    out.put("micro_recall", r.microRecall());
    out.put("micro_f1", r.microF1());
    Map<String, Object> per = new LinkedHashMap<>();
    for (ClassScores c : r.perClass()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("precision", c.precision());
      m.put("recall", c.recall());
      m.put("f1", c.f1());
      m.put("support", c.support());
      m.put("predicted", c.predicted());
      per.put(c.label(), m);
    }
    out.put("per_class", per);
    out.put("labels", r.labels());
    out.put("confusion", r.confusion());
    out.put("unknown_predictions", r.unknownPredictions());
    return out;
  }

  static Map<String, Object> kappaJson(List<List<String>> raters) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("raters", raters.size());
    if (raters.size() == 2) {
      out.put("cohen_kappa", nullIfNaN(Kappa.cohen(raters.get(0), raters.get(1))));
      return out;
    }
    Map<String, Object> pairs = new LinkedHashMap<>();
    for (int a = 0; a < raters.size(); a++) {
      for (int b = a + 1; b < raters.size(); b++) {
        pairs.put(a + "-" + b, nullIfNaN(Kappa.cohen(raters.get(a), raters.get(b))));
      }
    }
    out.put("cohen_kappa_pairs", pairs);
    List<String> cats = raters.stream().flatMap(List::stream).distinct().sorted().toList();
    long[][] counts = new long[raters.get(0).size()][cats.size()];
    for (List<String> r : raters) {
      for (int i = 0; i < r.size(); i++) counts[i][cats.indexOf(r.get(i))]++;
    }
    out.put("fleiss_kappa", nullIfNaN(Kappa.fleiss(counts)));
    double[] per = Kappa.fleissPerCategory(counts);
    Map<String, Object> perCat = new LinkedHashMap<>();
    for (int j = 0; j < cats.size(); j++) perCat.put(cats.get(j), nullIfNaN(per[j]));
    out.put("fleiss_kappa_per_label", perCat);
    return out;
  }

  private static Object nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static List<String> strip(List<String> in) {
    return in.stream().map(String::strip).toList();
  }

  private static String required(Map<String, String> options, String name) {
    String v = options.get(name);
    if (v == null || v.isBlank()) throw new UsageException("metric needs --" + name + " FILE; " + usage());
    return v;
  }

  /** One item per line; a final newline does not add an empty item; a UTF-8 BOM is dropped. */
  static List<String> lines(String file) {
    Path p = Path.of(file);
    if (!Files.isRegularFile(p)) throw new UsageException("no such file: " + file);
    try {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) text = text.substring(1);
      if (text.isEmpty()) return List.of();
      if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
      List<String> out = new ArrayList<>();
      for (String l : text.split("\n", -1)) out.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static String json(Object o) {
    try {
      return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
