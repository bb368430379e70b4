package feedline.common.sft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders an {@link SftInput} with the chat template, tokenizes it once, masks the labels to the
 * assistant turns and applies the truncation policy.
 *
 * <p>Assistant spans are found the way the model will see them: for assistant turn {@code i} the
 * span runs from the end of {@code render(turns[0..i), add_generation_prompt=true)} to the end of
 * {@code render(turns[0..i])}, so it covers the reply and what the template closes it with (the
 * end-of-turn token), not the assistant header. A template whose renderings are not prefixes of
 * each other falls back to locating the reply text (plus a directly following EOS) in the
 * rendering. A token is trained on when it starts inside a span.
 */
public final class ExampleEncoder {
  private final ChatTemplate template;
  private final SftTokenizer tokenizer;
  private final EncodeOptions o;
  private final int unkId;

  public ExampleEncoder(ChatTemplate template, SftTokenizer tokenizer, EncodeOptions options, String unkToken) {
    this.template = template;
    this.tokenizer = tokenizer;
    this.o = options;
    this.unkId = unkToken == null ? -1 : tokenizer.tokenId(unkToken);
  }

  /** One token sequence with its labels (not yet packed). */
  public record Piece(int[] ids, int[] labels) {}

  /**
   * The result for one input.
   *
   * @param pieces sequences to keep (empty when dropped)
   * @param fullTokens tokens of the whole example before truncation or splitting
   * @param truncated whether tokens were cut off
   * @param split whether the example was split into several pieces
   * @param unknownTokens unknown tokens seen
   * @param unknownRemoved whether unknown tokens were removed
   * @param spanFallback whether assistant spans were located by text search
   */
  public record Result(List<Piece> pieces, int fullTokens, boolean truncated, boolean split, int unknownTokens,
      boolean unknownRemoved, boolean spanFallback, String dropReason, String dropDetail) {
    public boolean dropped() {
      return dropReason != null;
    }
  }

  private static Result drop(int full, int unk, String reason, String detail) {
    return new Result(List.of(), full, false, false, unk, false, false, reason, detail);
  }

  public Result encode(SftInput in) {
    if (in instanceof SftInput.Text t) return encodeText(t.text());
    List<Turn> turns = ((SftInput.Chat) in).turns();
    Masked m;
    try {
      m = masked(turns);
    } catch (ChatTemplate.TemplateRejected e) {
      return drop(0, 0, SftReasons.TEMPLATE_REJECTED, "chat template: " + e.getMessage());
    }
    Unk u = unknowns(m.ids, m.labels);
    if (u.drop != null) return drop(m.ids.length, u.count, SftReasons.UNKNOWN_TOKENS, u.drop);
    int n = u.ids.length;
    if (n <= o.maxTokens()) {
      return finish(List.of(new Piece(u.ids, u.labels)), n, false, false, u, m.fallback);
    }
    switch (o.truncation()) {
      case DROP:
        return drop(n, u.count, SftReasons.TOO_LONG_TOKENS, n + " tokens > build.max-seq-len " + o.maxTokens());
      case TRUNCATE:
        return finish(List.of(cut(u.ids, u.labels)), n, true, false, u, m.fallback);
      default:
        return splitTurns(turns, n, u, m.fallback);
    }
  }

  private Result finish(List<Piece> pieces, int full, boolean truncated, boolean split, Unk u, boolean fallback) {
    List<Piece> kept = new ArrayList<>();
    for (Piece p : pieces) {
      if (p.labels.length > 0) p.labels[0] = TokenizedExample.IGNORE;
      if (Arrays.stream(p.labels).anyMatch(l -> l != TokenizedExample.IGNORE)) kept.add(p);
    }
    if (kept.isEmpty()) {
      return drop(full, u.count, SftReasons.NO_LABELS, truncated ? "no trained token left after truncation to " + o.maxTokens()
          : "no token to train on (no assistant text after templating)");
    }
    return new Result(kept, full, truncated, split && kept.size() > 1, u.count, u.removed, fallback, null, null);
  }

  private Piece cut(int[] ids, int[] labels) {
    return new Piece(Arrays.copyOf(ids, o.maxTokens()), Arrays.copyOf(labels, o.maxTokens()));
  }

  private Result encodeText(String text) {
    String s = (o.textAddBos() && template.bosToken() != null ? template.bosToken() : "") + text
        + (o.textAddEos() && template.eosToken() != null ? template.eosToken() : "");
    int[] ids = tokenizer.ids(s);
    Unk u = unknowns(ids, ids.clone());
    if (u.drop != null) return drop(ids.length, u.count, SftReasons.UNKNOWN_TOKENS, u.drop);
    int n = u.ids.length;
    if (n <= o.maxTokens()) return finish(List.of(new Piece(u.ids, u.labels)), n, false, false, u, false);
    switch (o.truncation()) {
      case DROP:
        return drop(n, u.count, SftReasons.TOO_LONG_TOKENS, n + " tokens > build.max-seq-len " + o.maxTokens());
      case TRUNCATE:
        return finish(List.of(cut(u.ids, u.labels)), n, true, false, u, false);
      default: {
        List<Piece> pieces = new ArrayList<>();
        for (int start = 0; start < n; start += o.maxTokens()) {
          int end = Math.min(n, start + o.maxTokens());
          pieces.add(new Piece(Arrays.copyOfRange(u.ids, start, end), Arrays.copyOfRange(u.labels, start, end)));
        }
        return finish(pieces, n, false, true, u, false);
      }
    }
  }

  /** Splits between exchanges (a user turn up to and including the assistant turns that follow it). */
  private Result splitTurns(List<Turn> turns, int full, Unk whole, boolean fallback) {
    List<Turn> system = new ArrayList<>();
    List<List<Turn>> exchanges = new ArrayList<>();
    for (Turn t : turns) {
      if (t.role() == Role.SYSTEM) {
        system.add(t);
      } else if (t.role() == Role.USER || exchanges.isEmpty()) {
        if (exchanges.isEmpty() || lastRole(exchanges) != Role.USER) exchanges.add(new ArrayList<>());
        exchanges.get(exchanges.size() - 1).add(t);
      } else {
        exchanges.get(exchanges.size() - 1).add(t);
      }
    }
    List<Piece> pieces = new ArrayList<>();
    boolean truncated = false;
    List<Turn> current = new ArrayList<>();
    Piece currentPiece = null;
    for (List<Turn> ex : exchanges) {
      List<Turn> candidate = new ArrayList<>(system);
      candidate.addAll(current);
      candidate.addAll(ex);
      Piece p = piece(candidate);
      if (p.ids.length <= o.maxTokens()) {
        current.addAll(ex);
        currentPiece = p;
        continue;
      }
      if (currentPiece != null) pieces.add(currentPiece);
      List<Turn> alone = new ArrayList<>(system);
      alone.addAll(ex);
      Piece a = current.isEmpty() ? p : piece(alone);
      current = new ArrayList<>();
      currentPiece = null;
      if (a.ids.length <= o.maxTokens()) {
        current.addAll(ex);
        currentPiece = a;
      } else {
        pieces.add(cut(a.ids, a.labels));
        truncated = true;
      }
    }
    if (currentPiece != null) pieces.add(currentPiece);
    return finish(pieces, full, truncated, true, whole, fallback);
  }

  private static Role lastRole(List<List<Turn>> exchanges) {
    List<Turn> last = exchanges.get(exchanges.size() - 1);
    return last.get(last.size() - 1).role();
  }

  private Piece piece(List<Turn> turns) {
    Masked m = masked(turns);
    Unk u = unknowns(m.ids, m.labels);
    return new Piece(u.ids, u.labels);
  }

  private record Masked(int[] ids, int[] labels, boolean fallback) {}

  private Masked masked(List<Turn> turns) {
    String full = template.render(turns, false);
    SftTokenizer.Encoded enc = tokenizer.encode(full);
    int[] ids = enc.ids();
    int[] labels = new int[ids.length];
    if (!o.assistantOnly()) {
      System.arraycopy(ids, 0, labels, 0, ids.length);
      return new Masked(ids, labels, false);
    }
    Arrays.fill(labels, TokenizedExample.IGNORE);
    List<int[]> spans = new ArrayList<>();
    boolean fallback = false;
    int cursor = 0;
    for (int i = 0; i < turns.size(); i++) {
      Turn t = turns.get(i);
      if (t.role() != Role.ASSISTANT) continue;
      String prefix = template.render(turns.subList(0, i), true);
      String upto = template.render(turns.subList(0, i + 1), false);
      int start;
      int end;
      if (full.startsWith(upto) && upto.startsWith(prefix) && prefix.length() >= cursor && upto.length() > prefix.length()) {
        start = prefix.length();
        end = upto.length();
      } else {
        start = full.indexOf(t.content(), cursor);
        if (start < 0) {
          throw new IllegalArgumentException("chat template " + template.name() + " does not reproduce assistant turn " + i
              + " in its rendering; cannot mask labels");
        }
        end = start + t.content().length();
        String eos = template.eosToken();
        if (eos != null && !eos.isEmpty() && full.startsWith(eos, end)) end += eos.length();
        fallback = true;
      }
      spans.add(new int[] {start, end});
      cursor = end;
    }
    int s = 0;
    for (int k = 0; k < ids.length; k++) {
      int at = enc.starts()[k];
      while (s < spans.size() && spans.get(s)[1] <= at) s++;
      if (s < spans.size() && at >= spans.get(s)[0] && at < spans.get(s)[1] && enc.ends()[k] > at) labels[k] = ids[k];
    }
    return new Masked(ids, labels, fallback);
  }

  private record Unk(int[] ids, int[] labels, int count, boolean removed, String drop) {}

  private Unk unknowns(int[] ids, int[] labels) {
    if (unkId < 0) return new Unk(ids, labels, 0, false, null);
    int count = 0;
    for (int id : ids) if (id == unkId) count++;
    if (count == 0) return new Unk(ids, labels, 0, false, null);
    double frac = (double) count / ids.length;
    if (frac > o.unknownMaxFraction()) {
      return new Unk(ids, labels, count, false, String.format("%d of %d tokens are unknown (%.3f > build.unknown.max-fraction %s)",
          count, ids.length, frac, o.unknownMaxFraction()));
    }
    if (!o.removeUnknown()) return new Unk(ids, labels, count, false, null);
    int[] ni = new int[ids.length - count];
    int[] nl = new int[ids.length - count];
    int j = 0;
    for (int k = 0; k < ids.length; k++) {
      if (ids[k] == unkId) continue;
      ni[j] = ids[k];
      nl[j++] = labels[k];
    }
    return new Unk(ni, nl, count, true, null);
  }
}
