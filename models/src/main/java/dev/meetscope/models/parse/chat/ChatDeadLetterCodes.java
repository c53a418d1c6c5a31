package dev.meetscope.models.parse.chat;

/** Dead-letter reasons of the chat readers (zoom-formats.md §6 #16, #18, plus two for broken headers). */
public final class ChatDeadLetterCodes {
  /** A timestamped header line whose keyword is not in the configured list (§6 #16). */
  public static final String CHAT_UNKNOWN_KEYWORD = "CHAT_UNKNOWN_KEYWORD";
  /** Continuation text before the file's first header (§6 #18). */
  public static final String CHAT_ORPHAN_LINE = "CHAT_ORPHAN_LINE";
  /** A line that starts like a header but has no sender or no message separator. */
  public static final String CHAT_BAD_HEADER = "CHAT_BAD_HEADER";
  /** A header whose time (or 2025+ date) is not a valid clock time or calendar date. */
  public static final String CHAT_BAD_TIME = "CHAT_BAD_TIME";

  private ChatDeadLetterCodes() {}
}
