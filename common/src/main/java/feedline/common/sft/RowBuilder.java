package feedline.common.sft;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The whole per-row path of the build stage, without Spark: map the row's shape, apply the
 * conversation rules, render, tokenize, mask and truncate. One instance per JVM (it holds the
 * tokenizer); {@link #process} is safe to call from several threads.
 */
public final class RowBuilder {
  private final ShapeOptions defaults;
  private final java.util.Map<String, ShapeOptions> perSource;
  private final ConversationRules rules;
  private final ExampleEncoder encoder;

  public RowBuilder(ShapeOptions defaults, java.util.Map<String, ShapeOptions> perSource, ConversationRules rules,
      ExampleEncoder encoder) {
    this.defaults = defaults;
    this.perSource = java.util.Map.copyOf(perSource);
    this.rules = rules;
    this.encoder = encoder;
  }

  /** What became of one row. */
  public sealed interface Outcome permits Kept, Dropped, Quarantined {}

  /** Pieces to write (one unless split), with what was done to the row. */
  public record Kept(List<TokenizedExample> pieces, String shape, Set<String> fixes, int fullTokens, boolean truncated,
      boolean split, int unknownTokens) implements Outcome {}

  public record Dropped(String reason, String detail, Set<String> fixes) implements Outcome {}

  public record Quarantined(String reason, String detail) implements Outcome {}

  /**
   * @param row the input row as JSON
   * @param docId the row's id (piece ids are {@code docId}, or {@code docId#k} when split)
   * @param groupId the split grouping key
   * @param source the row's source, which also selects per-dataset options
   * @param split the split already drawn for the group
   */
  public Outcome process(JsonNode row, String docId, String groupId, String source, String split) {
    ShapeOptions o = source == null ? defaults : perSource.getOrDefault(source, defaults);
    ShapeMapper.Result mapped = new ShapeMapper(o).map(row);
    if (mapped instanceof ShapeMapper.Rejected r) return new Quarantined(r.reason(), r.detail());
    ShapeMapper.Mapped m = (ShapeMapper.Mapped) mapped;
    ConversationRules.Outcome ruled = rules.apply(m.input());
    if (ruled.dropped()) return new Dropped(ruled.dropReason(), ruled.dropDetail(), ruled.fixes());
    ExampleEncoder.Result enc;
    try {
      enc = encoder.encode(ruled.input());
    } catch (IllegalArgumentException e) {
      return new Quarantined(SftReasons.TEMPLATE_ERROR, e.getMessage());
    }
    if (enc.dropped()) return new Dropped(enc.dropReason(), enc.dropDetail(), ruled.fixes());
    Set<String> fixes = new java.util.LinkedHashSet<>(ruled.fixes());
    if (enc.unknownRemoved()) fixes.add(SftReasons.FIX_UNKNOWN_TOKENS_REMOVED);
    List<TokenizedExample> pieces = new ArrayList<>();
    List<ExampleEncoder.Piece> ps = enc.pieces();
    for (int k = 0; k < ps.size(); k++) {
      String id = ps.size() == 1 ? docId : docId + "#" + k;
      pieces.add(TokenizedExample.single(id, groupId, source, split, ps.get(k).ids(), ps.get(k).labels()));
    }
    return new Kept(pieces, m.shape().name().toLowerCase(Locale.ROOT), fixes, enc.fullTokens(), enc.truncated(), enc.split(),
        enc.unknownTokens());
  }
}
