package feedline.jobs.pipeline;

import feedline.jobs.stage.StageResult;
import java.util.List;
import java.util.Map;

/** The per-stage summary table printed at the end of a run and by {@code feedline report}. */
public final class Summary {
  private Summary() {}

  public static String table(String runId, List<StageResult> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("run ").append(runId).append('\n');
    String fmt = "%-10s %10s %10s %10s %12s %9s  %s%n";
    sb.append(String.format(fmt, "stage", "in", "out", "dropped", "quarantined", "seconds", "status"));
    for (StageResult r : results) {
      sb.append(String.format(fmt, r.stage(), r.in(), r.out(), r.dropped(), r.quarantined(),
          String.format("%.1f", r.seconds()), (r.balanced() ? "balanced" : "UNBALANCED") + (r.resumed() ? ", resumed" : "")));
    }
    for (StageResult r : results) {
      if (!r.dropReasons().isEmpty()) sb.append("  ").append(r.stage()).append(" dropped: ").append(fmtReasons(r.dropReasons())).append('\n');
      if (!r.quarantineReasons().isEmpty()) sb.append("  ").append(r.stage()).append(" quarantined: ").append(fmtReasons(r.quarantineReasons())).append('\n');
    }
    sb.append("outputs:\n");
    for (StageResult r : results) {
      for (Map.Entry<String, String> o : r.outputs().entrySet()) {
        sb.append(String.format("  %-28s %s%n", r.stage() + "." + o.getKey(), o.getValue()));
      }
    }
    return sb.toString();
  }

  private static String fmtReasons(Map<String, Long> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }
}
