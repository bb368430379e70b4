package feedline.common.sft;

import java.util.List;

/** What one input row becomes before templating: a conversation, or plain text for continued pre-training. */
public sealed interface SftInput permits SftInput.Chat, SftInput.Text {

  /** A conversation (system, user and assistant turns). */
  record Chat(List<Turn> turns) implements SftInput {
    public Chat {
      turns = List.copyOf(turns);
    }
  }

  /** Plain text: every token is trained on. */
  record Text(String text) implements SftInput {}
}
