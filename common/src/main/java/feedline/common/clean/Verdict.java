package feedline.common.clean;

/** A rule that fired: the rule and a detail naming the measured value and the threshold. */
public record Verdict(CleanRule rule, String detail) {
  public String reason() {
    return rule.reason();
  }
}
