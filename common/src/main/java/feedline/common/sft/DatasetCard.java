package feedline.common.sft;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The dataset card written beside the shards ({@code dataset_card.json} and {@code dataset_card.md}):
 * what went in, what came out per split, what was dropped, fixed, truncated and packed, the token
 * length distribution, the template and the tokenizer's hash.
 */
public record DatasetCard(
    String runId,
    TokenizerInfo tokenizer,
    TemplateInfo template,
    Map<String, Object> options,
    Counts counts,
    Map<String, SplitFigures> splits,
    TruncationFigures truncation,
    PackingFigures packing,
    LengthHistogram exampleLengths) {

  public record TokenizerInfo(String path, String sha256, String configSha256, String tokenizerClass) {}

  /** Template name ({@code tokenizer_config.json} or {@code builtin:<family>}), its SHA-256 and source. */
  public record TemplateInfo(String name, String sha256, String source) {}

  /**
   * @param inputRows rows read
   * @param keptInputs input rows with at least one row in the shards
   * @param shapes kept input rows per input shape
   * @param dropped dropped input rows per reason
   * @param quarantined quarantined input rows per reason
   * @param fixes kept input rows per fix applied
   */
  public record Counts(long inputRows, long keptInputs, Map<String, Long> shapes, Map<String, Long> dropped,
      Map<String, Long> quarantined, Map<String, Long> fixes) {}

  /** Rows (sequences), examples (before packing), tokens, trained tokens and groups of one split. */
  public record SplitFigures(long rows, long examples, long tokens, long labelledTokens, long groups) {}

  /**
   * @param policy drop, truncate or split
   * @param maxTokens build.max-seq-len
   * @param truncated examples cut to the maximum
   * @param splitInputs inputs split into several pieces
   * @param piecesFromSplits pieces those splits gave
   * @param droppedTooLong inputs dropped for length
   */
  public record TruncationFigures(String policy, int maxTokens, long truncated, long splitInputs, long piecesFromSplits,
      long droppedTooLong) {}

  /**
   * @param fillRatio tokens / (rows x max tokens)
   */
  public record PackingFigures(boolean enabled, long rows, long examples, double examplesPerRow, double fillRatio) {}

  public String toJson() {
    try {
      return Json.MAPPER.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static DatasetCard fromJson(String json) {
    try {
      return Json.MAPPER.readValue(json, DatasetCard.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a dataset card: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads {@code DIR/dataset_card.json}. */
  public static DatasetCard read(Path dir) {
    try {
      return fromJson(java.nio.file.Files.readString(dir.resolve(ShardLayout.CARD_JSON)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(ShardLayout.CARD_JSON) + ": " + e.getMessage(), e);
    }
  }

  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Dataset card\n\n");
    md.append("Run `").append(runId).append("`.\n\n");
    md.append("## Tokenizer and template\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| tokenizer.json sha256 | `").append(tokenizer.sha256()).append("` |\n");
    md.append("| tokenizer_config.json sha256 | `").append(tokenizer.configSha256() == null ? "(none)" : tokenizer.configSha256()).append("` |\n");
    md.append("| tokenizer class | ").append(tokenizer.tokenizerClass() == null ? "(unknown)" : tokenizer.tokenizerClass()).append(" |\n");
    md.append("| chat template | ").append(template.name()).append(" (sha256 `").append(template.sha256()).append("`) |\n\n");
    md.append("## Options\n\n| key | value |\n|---|---|\n");
    options.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("\n## Counts\n\n");
    md.append("| | rows |\n|---|---:|\n");
    md.append("| input rows | ").append(counts.inputRows()).append(" |\n");
    md.append("| kept input rows | ").append(counts.keptInputs()).append(" |\n");
    counts.dropped().forEach((k, v) -> md.append("| dropped: ").append(k).append(" | ").append(v).append(" |\n"));
    counts.quarantined().forEach((k, v) -> md.append("| quarantined: ").append(k).append(" | ").append(v).append(" |\n"));
    counts.fixes().forEach((k, v) -> md.append("| fixed: ").append(k).append(" | ").append(v).append(" |\n"));
    counts.shapes().forEach((k, v) -> md.append("| shape: ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("\n## Splits\n\n| split | rows | examples | tokens | trained tokens | groups |\n|---|---:|---:|---:|---:|---:|\n");
    splits.forEach((k, s) -> md.append("| ").append(k).append(" | ").append(s.rows()).append(" | ").append(s.examples())
        .append(" | ").append(s.tokens()).append(" | ").append(s.labelledTokens()).append(" | ").append(s.groups()).append(" |\n"));
    md.append("\n## Truncation\n\n");
    md.append(String.format(Locale.ROOT, "Policy `%s`, at most %d tokens: %d truncated, %d split into %d pieces, %d dropped as too long.%n%n",
        truncation.policy(), truncation.maxTokens(), truncation.truncated(), truncation.splitInputs(), truncation.piecesFromSplits(),
        truncation.droppedTooLong()));
    md.append("## Packing\n\n");
    if (packing.enabled()) {
      md.append(String.format(Locale.ROOT, "%d examples packed into %d rows (%.2f per row), fill %.1f%%.%n%n",
          packing.examples(), packing.rows(), packing.examplesPerRow(), 100 * packing.fillRatio()));
    } else {
      md.append(String.format(Locale.ROOT, "Off: one example per row (fill %.1f%% of %d tokens).%n%n", 100 * packing.fillRatio(), truncation.maxTokens()));
    }
    md.append("## Example lengths (tokens)\n\n");
    LengthHistogram h = exampleLengths;
    md.append(String.format(Locale.ROOT, "%d examples; min %d, median %d, p95 %d, max %d, mean %.1f.%n%n", h.count(), h.min(), h.p50(),
        h.p95(), h.max(), h.mean()));
    md.append("| tokens | examples | |\n|---|---:|---|\n");
    long top = h.buckets().stream().mapToLong(LengthHistogram.Bucket::count).max().orElse(1);
    for (LengthHistogram.Bucket b : h.buckets()) {
      int bar = top == 0 ? 0 : (int) Math.round(30.0 * b.count() / top);
      md.append("| ").append(b.lo()).append("–").append(b.hi() - 1).append(" | ").append(b.count()).append(" | ")
          .append("█".repeat(bar)).append(" |\n");
    }
    md.append("\n## Template source\n\n````jinja\n").append(template.source()).append("\n````\n");
    return md.toString();
  }
}
