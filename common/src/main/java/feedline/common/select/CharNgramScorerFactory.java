package feedline.common.select;

import com.fasterxml.jackson.databind.JsonNode;
import feedline.common.annotate.TableFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code char-ngram-logreg}: trains a {@link CharNgramLogisticRegression} from labeled rows when
 * built (once per JVM in the select stage). Options: {@code train} (JSONL or Parquet files or
 * folders, comma-separated: for example the resolved rows of {@code annotate import}),
 * {@code text-field} (text), {@code label-field} (label), {@code labels} (comma-separated label
 * order; default the sorted distinct labels), {@code ngram-min} (1), {@code ngram-max} (3),
 * {@code features} (262144), {@code epochs} (30), {@code learning-rate} (0.5), {@code l2} (1e-5),
 * {@code seed} (42). Rows without a text or label are skipped.
 */
public final class CharNgramScorerFactory implements UncertaintyScorerFactory {
  public static final String NAME = "char-ngram-logreg";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public UncertaintyScorer create(Map<String, String> o) {
    String train = o.getOrDefault("train", "");
    if (train.isBlank()) throw new IllegalArgumentException(NAME + " needs the option train = labeled rows (JSONL or Parquet)");
    String textField = o.getOrDefault("text-field", "text");
    String labelField = o.getOrDefault("label-field", "label");
    List<String> texts = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    for (String f : train.split(",")) {
      if (f.isBlank()) continue;
      for (JsonNode r : TableFiles.read(Path.of(f.strip()))) {
        JsonNode t = r.get(textField);
        JsonNode l = r.get(labelField);
        if (t == null || l == null || t.isNull() || l.isNull() || t.asText().isBlank() || l.asText().isBlank()) continue;
        texts.add(t.asText());
        gold.add(l.asText());
      }
    }
    if (texts.isEmpty()) throw new IllegalArgumentException(NAME + ": no rows with " + textField + " and " + labelField + " in " + train);
    List<String> labels = o.containsKey("labels") && !o.get("labels").isBlank()
        ? Arrays.stream(o.get("labels").split(",")).map(String::strip).toList() : null;
    CharNgramLogisticRegression.Params d = CharNgramLogisticRegression.Params.defaults();
    CharNgramLogisticRegression.Params p = new CharNgramLogisticRegression.Params(
        intOpt(o, "ngram-min", d.ngramMin()), intOpt(o, "ngram-max", d.ngramMax()), intOpt(o, "features", d.dims()),
        intOpt(o, "epochs", d.epochs()), dblOpt(o, "learning-rate", d.learningRate()), dblOpt(o, "l2", d.l2()),
        intOpt(o, "seed", (int) d.seed()));
    return CharNgramLogisticRegression.train(texts, gold, labels, p);
  }

  private static int intOpt(Map<String, String> o, String k, int def) {
    String v = o.get(k);
    if (v == null || v.isBlank()) return def;
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(NAME + " option " + k + " = '" + v + "' is not an integer");
    }
  }

  private static double dblOpt(Map<String, String> o, String k, double def) {
    String v = o.get(k);
    if (v == null || v.isBlank()) return def;
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(NAME + " option " + k + " = '" + v + "' is not a number");
    }
  }
}
