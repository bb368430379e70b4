package feedline.trainer.eval;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.common.annotate.TableFiles;
import feedline.common.metrics.BleuTokenizer;
import feedline.common.metrics.RougeTokenizer;
import feedline.trainer.lm.LmRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code eval --model DIR [--adapter DIR] [--compare DIR] --data FILE --task generation|classification|lm
 * --out DIR [--labels a,b] [--max-new-tokens N] [--tokenize 13a|zh|char] [--limit N]}: scores the
 * base model, the base model with the adapter, and another (fine-tuned) model directory side by
 * side on the same examples; writes {@code report.json}, {@code report.md} and {@code chart.svg}.
 * CPU, offline.
 */
public final class EvalMain {
  private EvalMain() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("feedline eval: " + e.getMessage());
      code = 2;
    } catch (Exception e) {
      System.err.println("feedline eval: failed: " + e);
      code = 1;
    }
    System.exit(code);
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    List<String> allowed = List.of("model", "adapter", "compare", "data", "task", "out", "labels", "max-new-tokens", "tokenize", "limit");
    int i = args.length > 0 && args[0].equals("eval") ? 1 : 0;
    for (; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --option VALUE at '" + args[i] + "'");
      String k = args[i].substring(2);
      if (!allowed.contains(k)) throw new IllegalArgumentException("unknown option --" + k + "; allowed: " + allowed);
      o.put(k, args[++i]);
    }
    for (String req : List.of("model", "data", "task", "out")) {
      if (!o.containsKey(req)) throw new IllegalArgumentException("eval needs --" + req);
    }
    return o;
  }

  public static int run(String[] args) throws Exception {
    Map<String, String> o = parse(args);
    EvalTask task;
    try {
      task = EvalTask.valueOf(o.get("task").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--task " + o.get("task") + ": allowed generation, classification, lm");
    }
    List<String> labels = o.containsKey("labels") ? Arrays.stream(o.get("labels").split(",")).map(String::strip).toList() : List.of();
    if (task == EvalTask.CLASSIFICATION && labels.size() < 2) throw new IllegalArgumentException("classification needs --labels a,b[,...]");
    List<JsonNode> examples = TableFiles.read(Path.of(o.get("data")));
    if (o.containsKey("limit")) examples = examples.subList(0, Math.min(examples.size(), Integer.parseInt(o.get("limit"))));
    int maxNew = Integer.parseInt(o.getOrDefault("max-new-tokens", "64"));
    String tok = o.getOrDefault("tokenize", "13a");
    BleuTokenizer bleuTok = BleuTokenizer.of(tok);
    RougeTokenizer rougeTok = tok.equals("13a") || tok.equals("none") ? RougeTokenizer.DEFAULT : RougeTokenizer.CHAR;

    Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
    Path model = Path.of(o.get("model"));
    variants.put("base", score(model, null, task, examples, labels, maxNew, bleuTok, rougeTok));
    if (o.containsKey("adapter")) {
      variants.put("base+adapter", score(model, Path.of(o.get("adapter")), task, examples, labels, maxNew, bleuTok, rougeTok));
    }
    if (o.containsKey("compare")) {
      variants.put("fine-tuned", score(Path.of(o.get("compare")), null, task, examples, labels, maxNew, bleuTok, rougeTok));
    }
    Path out = Path.of(o.get("out"));
    Files.createDirectories(out);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("task", task.name().toLowerCase(Locale.ROOT));
    report.put("data", o.get("data"));
    report.put("model", o.get("model"));
    if (o.containsKey("adapter")) report.put("adapter", o.get("adapter"));
    if (o.containsKey("compare")) report.put("compare", o.get("compare"));
    report.put("variants", variants);
    Files.writeString(out.resolve("report.json"), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(out.resolve("report.md"), EvalReport.markdown(task, variants, o.get("data")), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("chart.svg"), EvalReport.svg(task, variants), StandardCharsets.UTF_8);
    System.out.print(EvalReport.markdown(task, variants, o.get("data")));
    return 0;
  }

  static Map<String, Object> score(Path modelDir, Path adapter, EvalTask task, List<JsonNode> examples, List<String> labels,
      int maxNew, BleuTokenizer bleuTok, RougeTokenizer rougeTok) throws Exception {
    try (LmRuntime rt = LmRuntime.load(modelDir, adapter, Device.cpu(), "model directory")) {
      return Evaluator.evaluate(new LmScorer(rt), task, new ArrayList<>(examples), labels, maxNew, bleuTok, rougeTok);
    }
  }
}
