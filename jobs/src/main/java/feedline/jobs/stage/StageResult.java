package feedline.jobs.stage;

import java.util.Map;

/**
 * The committed result of one stage: counts read back from what was written, per-reason tallies,
 * timings and where each output landed.
 */
public record StageResult(
    String stage,
    long in,
    long out,
    long dropped,
    long quarantined,
    Map<String, Long> dropReasons,
    Map<String, Long> quarantineReasons,
    Map<String, String> outputs,
    Map<String, String> inputs,
    double seconds,
    Map<String, Object> details,
    boolean resumed) {

  public boolean balanced() {
    return in == out + dropped + quarantined;
  }
}
