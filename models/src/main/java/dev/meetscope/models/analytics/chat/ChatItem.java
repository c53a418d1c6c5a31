package dev.meetscope.models.analytics.chat;

import java.io.Serializable;
import java.util.List;

/**
 * A chat record after threading.
 *
 * @param parentIndex index (in the meeting's chat list) of the message a reply or reaction points to;
 *     -1 when none or unresolved
 * @param parentPersonKey the parent message's sender
 * @param question a public message or reply that is a question
 * @param answered for questions: a threaded reply from someone else, or another person's turn or chat
 *     within the answer window
 * @param reactionsReceived reactions left on this message by others, net of removals
 */
public record ChatItem(
    String personKey,
    long timeMs,
    String kind,
    boolean isPrivate,
    String text,
    boolean question,
    int parentIndex,
    String parentPersonKey,
    boolean answered,
    int reactionsReceived,
    List<String> flags) implements Serializable {

  public ChatItem {
    flags = flags == null ? List.of() : List.copyOf(flags);
  }

  /** A public message or reply (not a reaction, not private). */
  public boolean isPublicMessage() {
    return !isPrivate && ("message".equals(kind) || "reply".equals(kind));
  }

  public ChatItem withAnswered(boolean value) {
    return new ChatItem(personKey, timeMs, kind, isPrivate, text, question, parentIndex, parentPersonKey,
        value, reactionsReceived, flags);
  }

  ChatItem withReactionsReceived(int count) {
    return new ChatItem(personKey, timeMs, kind, isPrivate, text, question, parentIndex, parentPersonKey,
        answered, count, flags);
  }
}
