package dev.meetscope.models.record;

/** Values of {@code chat_message.kind}. */
public final class ChatKind {
  public static final String MESSAGE = "message";
  public static final String REPLY = "reply";
  public static final String REACTION = "reaction";
  public static final String REACTION_REMOVED = "reaction_removed";

  private ChatKind() {}
}
