package dev.meetscope.models.analytics.chat;

/**
 * A chat record placed on the meeting clock and attributed to a person, before threading.
 *
 * @param kind one of {@link dev.meetscope.models.record.ChatKind}
 * @param text null for private messages (never stored)
 * @param targetSnippet for replies and reactions, the quoted start of the parent message
 */
public record TimedChat(String personKey, long timeMs, String kind, boolean isPrivate, String text,
    String targetSnippet, String sourceFile, long sourceLine) {}
