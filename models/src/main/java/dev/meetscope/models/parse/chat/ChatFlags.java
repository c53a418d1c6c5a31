package dev.meetscope.models.parse.chat;

/** Values of {@code ChatMessage.flags} written by the chat readers (documented in docs/formats/chat.md). */
public final class ChatFlags {
  /** Several sender/recipient splits were possible and known names did not decide (§6 #19). */
  public static final String NAME_SPLIT_AMBIGUOUS = "name_split_ambiguous";
  /** The wall clock went back more than 12 h: the date was advanced by one day (§6 #23). */
  public static final String MIDNIGHT_WRAP = "midnight_wrap";
  /** The time went back, but not far enough to be a midnight wrap (§6 #23). */
  public static final String OUT_OF_ORDER = "out_of_order";
  /** A header with no message text (§6 #14). */
  public static final String EMPTY_TEXT = "empty_text";
  /** No recent message of the file starts with the reply's or reaction's snippet (§6 #22). */
  public static final String PARENT_UNRESOLVED = "parent_unresolved";

  private ChatFlags() {}
}
