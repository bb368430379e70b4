package feedline.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The side-by-side report: Markdown table and an SVG bar chart of the headline metrics per variant. */
final class EvalReport {
  private EvalReport() {}

  static List<String> headline(EvalTask task) {
    switch (task) {
      case LM:
        return List.of("loss", "perplexity");
      case CLASSIFICATION:
        return List.of("accuracy", "macro_f1", "micro_f1");
      case GENERATION:
      default:
        return List.of("bleu", "rouge1_f", "rouge2_f", "rougeL_f", "exact_match");
    }
  }

  static String markdown(EvalTask task, Map<String, Map<String, Object>> variants, String data) {
    StringBuilder b = new StringBuilder("# Evaluation (" + task.name().toLowerCase(Locale.ROOT) + ")\n\n");
    b.append("Data: `").append(data).append("`\n\n| metric |");
    variants.keySet().forEach(v -> b.append(' ').append(v).append(" |"));
    b.append("\n|---|");
    variants.keySet().forEach(v -> b.append("---|"));
    b.append('\n');
    List<String> keys = new ArrayList<>(List.of("examples"));
    keys.addAll(headline(task));
    if (task == EvalTask.LM) keys.add("tokens");
    for (String k : keys) {
      b.append("| ").append(k).append(" |");
      for (Map<String, Object> m : variants.values()) b.append(' ').append(fmt(m.get(k))).append(" |");
      b.append('\n');
    }
    b.append("\n![metrics](chart.svg)\n");
    return b.toString();
  }

  static String fmt(Object o) {
    if (o instanceof Double d) return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.4f", d);
    return String.valueOf(o);
  }

  /** Grouped bars: one group per headline metric, one bar per variant, each metric scaled to its own maximum. */
  static String svg(EvalTask task, Map<String, Map<String, Object>> variants) {
    List<String> metrics = headline(task);
    String[] colors = {"#4c72b0", "#dd8452", "#55a868", "#c44e52"};
    int groupW = 40 + 30 * variants.size();
    int w = 60 + groupW * metrics.size();
    int h = 260;
    int base = 200;
    StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h
        + "\" font-family=\"sans-serif\" font-size=\"11\">\n");
    s.append("<line x1=\"40\" y1=\"").append(base).append("\" x2=\"").append(w - 10).append("\" y2=\"").append(base)
        .append("\" stroke=\"#333\"/>\n");
    for (int i = 0; i < metrics.size(); i++) {
      String metric = metrics.get(i);
      double max = 0;
      for (Map<String, Object> m : variants.values()) max = Math.max(max, value(m.get(metric)));
      int x0 = 50 + i * groupW;
      int j = 0;
      for (Map<String, Object> m : variants.values()) {
        double v = value(m.get(metric));
        int bh = max <= 0 ? 0 : (int) Math.round(160 * v / max);
        int x = x0 + j * 30;
        s.append("<rect x=\"").append(x).append("\" y=\"").append(base - bh).append("\" width=\"24\" height=\"").append(bh)
            .append("\" fill=\"").append(colors[j % colors.length]).append("\"/>\n");
        s.append("<text x=\"").append(x + 12).append("\" y=\"").append(base - bh - 4).append("\" text-anchor=\"middle\">")
            .append(String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3f", v)).append("</text>\n");
        j++;
      }
      s.append("<text x=\"").append(x0 + 15 * variants.size()).append("\" y=\"").append(base + 16)
          .append("\" text-anchor=\"middle\">").append(metric).append("</text>\n");
    }
    int j = 0;
    for (String v : variants.keySet()) {
      int y = 230 + 0;
      int x = 50 + j * 140;
      s.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" fill=\"")
          .append(colors[j % colors.length]).append("\"/><text x=\"").append(x + 14).append("\" y=\"").append(y + 9).append("\">")
          .append(v.replace("&", "&amp;").replace("<", "&lt;")).append("</text>\n");
      j++;
    }
    return s.append("</svg>\n").toString();
  }

  private static double value(Object o) {
    if (o instanceof Number n && !Double.isNaN(n.doubleValue())) return n.doubleValue();
    return 0;
  }
}
