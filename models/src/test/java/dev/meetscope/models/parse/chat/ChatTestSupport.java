package dev.meetscope.models.parse.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.models.parse.FormatReader;
import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Shared contexts, expected-record builders and the records-read invariant for the chat reader tests. */
final class ChatTestSupport {
  static final String KEY = "m-chat";
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final LocalDate MEETING_DATE = LocalDate.of(2026, 3, 3);
  static final Instant RECORDING_START = Instant.parse("2026-03-02T15:00:02Z");
  static final String LOCAL_FILE = "meeting_saved_chat.txt";
  static final String CLOUD_FILE = "GMT20260302-150002_RecordingnewChat.txt";

  private ChatTestSupport() {}

  static ParseContext localContext(Set<String> knownNames, List<String> keywords) {
    return new ParseContext(KEY, NEW_YORK, MEETING_DATE, null, knownNames, keywords);
  }

  static ParseContext localContext() {
    return localContext(Set.of(), List.of());
  }

  static ParseContext cloudContext() {
    return new ParseContext(KEY, NEW_YORK, MEETING_DATE, RECORDING_START, Set.of(), List.of());
  }

  /** Reads and checks that every record read was either parsed or dead-lettered, never dropped. */
  static ParseResult<ChatMessage> read(FormatReader<ChatMessage> reader, String file, String text,
      ParseContext ctx) {
    ParseResult<ChatMessage> r = reader.read(new SourceText(file, text), ctx);
    assertEquals(r.records().size() + r.deadLetters().size(), r.recordsRead());
    return r;
  }

  /** An expected local saved-chat record of {@link #LOCAL_FILE}. */
  static ChatMessage local(long line, String dialect, String sender, String recipient, String kind,
      boolean isPrivate, String text, String snippet, String localTime, String localDate, String wallTime,
      String... flags) {
    return new ChatMessage(KEY, LOCAL_FILE, line, "local_saved_chat", dialect, sender, recipient, kind,
        isPrivate, text, snippet, "local_wall_clock", null, localTime, localDate,
        wallTime == null ? null : Instant.parse(wallTime), List.of(flags));
  }

  /** An expected cloud-chat record of {@link #CLOUD_FILE}. */
  static ChatMessage cloud(long line, String sender, String kind, String text, String snippet,
      long offsetMs, String wallTime, String... flags) {
    return new ChatMessage(KEY, CLOUD_FILE, line, "cloud_chat", "cloud", sender, null, kind, false, text,
        snippet, "recording_offset", offsetMs, null, null,
        wallTime == null ? null : Instant.parse(wallTime), List.of(flags));
  }

  static DeadLetter dead(String format, String file, long line, String reason, String message,
      String raw) {
    return new DeadLetter(KEY, "parse", format, file, line, null, reason, message, raw);
  }
}
