package dev.meetscope.models.record;

import java.time.Instant;
import java.util.List;

/**
 * One chat record: a message, a reply, a reaction or a removed reaction.
 *
 * @param format {@code cloud_chat} or {@code local_saved_chat}
 * @param dialect the local saved-chat dialect of zoom-formats.md §2.2 (A, A', A-dm, A-loc, B, B', B-dm, C,
 *     C', C-dm, D, E, E-dm; see docs/formats/chat.md) or {@code cloud}
 * @param recipientLabel null for everyone
 * @param kind one of {@link ChatKind}
 * @param isPrivate a direct or private message; its text is never stored (null)
 * @param text the message or reply text; for reactions the emoji; null for private messages
 * @param targetSnippet for replies and reactions, the quoted start of the parent message
 * @param offsetMs cloud chat: elapsed since recording start; null for local chat
 * @param localTime local chat: the saving machine's wall clock {@code HH:MM:SS}; null for cloud chat
 * @param localDate local chat: {@code YYYY-MM-DD} when the line (2025+ dialect) or the manifest gives it
 * @param wallTime UTC time when it can be computed, else null
 */
public record ChatMessage(
    String meetingKey,
    String sourceFile,
    long sourceLine,
    String format,
    String dialect,
    String senderLabel,
    String recipientLabel,
    String kind,
    boolean isPrivate,
    String text,
    String targetSnippet,
    String timeBase,
    Long offsetMs,
    String localTime,
    String localDate,
    Instant wallTime,
    List<String> flags) {

  public ChatMessage {
    flags = flags == null ? List.of() : List.copyOf(flags);
  }

  public ChatMessage withMeetingKey(String key) {
    return new ChatMessage(key, sourceFile, sourceLine, format, dialect, senderLabel, recipientLabel,
        kind, isPrivate, text, targetSnippet, timeBase, offsetMs, localTime, localDate, wallTime, flags);
  }

  public ChatMessage withTime(String date, Instant wall) {
    return new ChatMessage(meetingKey, sourceFile, sourceLine, format, dialect, senderLabel,
        recipientLabel, kind, isPrivate, text, targetSnippet, timeBase, offsetMs, localTime, date, wall,
        flags);
  }
}
