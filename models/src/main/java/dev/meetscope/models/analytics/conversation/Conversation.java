package dev.meetscope.models.analytics.conversation;

import dev.meetscope.models.analytics.chat.ChatItem;
import java.util.List;

/**
 * The conversation of a meeting: attributed cues and turns, threaded chat, question answers and crosstalk.
 * Computed once per meeting; its size follows the transcript and chat, not the number of attendees.
 */
public record Conversation(
    Alignment alignment,
    List<SpeechCue> cues,
    List<ChatItem> chats,
    List<CrosstalkPiece> crosstalk) {

  public Conversation {
    cues = List.copyOf(cues);
    chats = List.copyOf(chats);
    crosstalk = List.copyOf(crosstalk);
  }

  public List<Turn> turns() {
    return alignment.turns();
  }

  public long crosstalkMs() {
    long total = 0;
    for (CrosstalkPiece p : crosstalk) {
      total += p.lengthMs();
    }
    return total;
  }

  public int interruptions() {
    int n = 0;
    for (Turn t : alignment.turns()) {
      if (t.interruption()) {
        n++;
      }
    }
    return n;
  }
}
