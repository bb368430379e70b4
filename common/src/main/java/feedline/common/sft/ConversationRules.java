package feedline.common.sft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Repairs or rejects a mapped row before templating. Fixes (each named in {@link SftReasons}):
 * control characters removed; empty turns removed; system turns moved to the front; a conversation
 * starting with the assistant loses that turn; consecutive turns of one role merged (or, with
 * {@code mergeConsecutive=false}, the row dropped for {@code role_order}); a trailing user turn
 * removed. Drops: no assistant turn left, empty text, more than {@code maxChars} characters.
 */
public final class ConversationRules {
  private final boolean mergeConsecutive;
  private final long maxChars;

  public ConversationRules(boolean mergeConsecutive, long maxChars) {
    this.mergeConsecutive = mergeConsecutive;
    this.maxChars = maxChars;
  }

  /** The repaired input and the fixes applied, or the drop reason. */
  public record Outcome(SftInput input, Set<String> fixes, String dropReason, String dropDetail) {
    public boolean dropped() {
      return dropReason != null;
    }
  }

  private static Outcome drop(String reason, String detail, Set<String> fixes) {
    return new Outcome(null, fixes, reason, detail);
  }

  public Outcome apply(SftInput in) {
    Set<String> fixes = new LinkedHashSet<>();
    if (in instanceof SftInput.Text t) {
      String text = stripControls(t.text(), fixes);
      if (text.isBlank()) return drop(SftReasons.EMPTY_CONTENT, "text is empty", fixes);
      if (text.length() > maxChars) return drop(SftReasons.TOO_LONG_CHARS, text.length() + " characters > " + maxChars, fixes);
      return new Outcome(new SftInput.Text(text), fixes, null, null);
    }
    List<Turn> turns = new ArrayList<>();
    for (Turn t : ((SftInput.Chat) in).turns()) {
      String c = stripControls(t.content(), fixes);
      if (c.isBlank()) {
        fixes.add(SftReasons.FIX_EMPTY_TURN_REMOVED);
        continue;
      }
      turns.add(new Turn(t.role(), c));
    }
    // system turns first (templates expect them there)
    List<Turn> system = new ArrayList<>();
    List<Turn> rest = new ArrayList<>();
    boolean seenOther = false;
    for (Turn t : turns) {
      if (t.role() == Role.SYSTEM) {
        if (seenOther) fixes.add(SftReasons.FIX_SYSTEM_MOVED_FIRST);
        system.add(t);
      } else {
        seenOther = true;
        rest.add(t);
      }
    }
    if (system.size() > 1) {
      system = List.of(Turn.system(String.join("\n\n", system.stream().map(Turn::content).toList())));
      fixes.add(SftReasons.FIX_CONSECUTIVE_MERGED);
    }
    while (!rest.isEmpty() && rest.get(0).role() == Role.ASSISTANT) {
      rest.remove(0);
      fixes.add(SftReasons.FIX_LEADING_ASSISTANT_REMOVED);
    }
    List<Turn> merged = new ArrayList<>();
    for (Turn t : rest) {
      Turn last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.role() == t.role()) {
        if (!mergeConsecutive) {
          return drop(SftReasons.ROLE_ORDER, "two " + t.role().jinja() + " turns in a row (build.rules.merge-consecutive=false)", fixes);
        }
        merged.set(merged.size() - 1, new Turn(t.role(), last.content() + "\n\n" + t.content()));
        fixes.add(SftReasons.FIX_CONSECUTIVE_MERGED);
      } else {
        merged.add(t);
      }
    }
    if (!merged.isEmpty() && merged.get(merged.size() - 1).role() == Role.USER) {
      merged.remove(merged.size() - 1);
      fixes.add(SftReasons.FIX_TRAILING_USER_REMOVED);
    }
    if (merged.stream().noneMatch(t -> t.role() == Role.ASSISTANT)) {
      return drop(turns.isEmpty() ? SftReasons.EMPTY_CONTENT : SftReasons.NO_ASSISTANT_TURN,
          turns.isEmpty() ? "every turn is empty" : "no assistant turn after a user turn", fixes);
    }
    List<Turn> out = new ArrayList<>(system);
    out.addAll(merged);
    long chars = out.stream().mapToLong(t -> t.content().length()).sum();
    if (chars > maxChars) return drop(SftReasons.TOO_LONG_CHARS, chars + " characters > " + maxChars, fixes);
    return new Outcome(new SftInput.Chat(out), fixes, null, null);
  }

  /** Removes C0/C1 control characters other than tab, newline and carriage return. */
  static String stripControls(String s, Set<String> fixes) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
      if (control) {
        if (sb == null) sb = new StringBuilder(s.substring(0, i));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    if (sb == null) return s;
    fixes.add(SftReasons.FIX_CONTROL_CHARS_REMOVED);
    return sb.toString();
  }
}
