package dev.meetscope.models.nlp;

import dev.meetscope.models.record.ChatKind;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.Utterance;
import java.time.Instant;
import java.util.List;

/**
 * One text that enters content analysis: a transcript cue, or a public chat message or reply (private
 * messages and reactions never do). It keeps the source record's lineage and time fields, so results can be
 * joined back and placed on the meeting's clock ({@link #utteranceStub()}, {@link #chatStub()} feed
 * {@code TimeAxis}).
 *
 * @param source {@link #UTTERANCE} or {@link #CHAT}
 * @param offsetMs the utterance's {@code startMs} or the chat message's {@code offsetMs}
 */
public record TextItem(
    String meetingKey,
    String source,
    String format,
    String sourceFile,
    long sourceLine,
    String speakerLabel,
    String text,
    String timeBase,
    Long offsetMs,
    Long endMs,
    Instant wallTime,
    String localTime,
    String localDate) {

  public static final String UTTERANCE = "utterance";
  public static final String CHAT = "chat";

  public static TextItem of(Utterance u) {
    return new TextItem(u.meetingKey(), UTTERANCE, u.format(), u.sourceFile(), u.sourceLine(), u.speakerLabel(),
        u.text(), u.timeBase(), u.startMs(), u.endMs(), u.wallTime(), null, null);
  }

  /** Null for private messages, reactions and messages without text. */
  public static TextItem of(ChatMessage c) {
    boolean content = ChatKind.MESSAGE.equals(c.kind()) || ChatKind.REPLY.equals(c.kind());
    if (c.isPrivate() || !content || c.text() == null || c.text().isBlank()) {
      return null;
    }
    return new TextItem(c.meetingKey(), CHAT, c.format(), c.sourceFile(), c.sourceLine(), c.senderLabel(),
        c.text(), c.timeBase(), c.offsetMs(), null, c.wallTime(), c.localTime(), c.localDate());
  }

  /** The join key of results about this item within its meeting. */
  public String itemKey() {
    return source + "|" + sourceFile + "|" + sourceLine;
  }

  public TextItem withoutText() {
    return new TextItem(meetingKey, source, format, sourceFile, sourceLine, speakerLabel, null, timeBase, offsetMs,
        endMs, wallTime, localTime, localDate);
  }

  /** An utterance with this item's time fields only (for {@code TimeAxis}); null for chat. */
  public Utterance utteranceStub() {
    if (!UTTERANCE.equals(source)) {
      return null;
    }
    return new Utterance(meetingKey, sourceFile, sourceLine, format, null, speakerLabel, false, timeBase,
        offsetMs == null ? 0 : offsetMs, endMs, wallTime, null, List.of());
  }

  /** A chat message with this item's time fields only (for {@code TimeAxis}); null for utterances. */
  public ChatMessage chatStub() {
    if (!CHAT.equals(source)) {
      return null;
    }
    return new ChatMessage(meetingKey, sourceFile, sourceLine, format, null, speakerLabel, null, ChatKind.MESSAGE,
        false, null, null, timeBase, offsetMs, localTime, localDate, wallTime, List.of());
  }
}
