package dev.meetscope.models.stream;

import dev.meetscope.models.analytics.MeetingInput;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.record.ChatKind;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.TimeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the webhook events the stream collected for one meeting occurrence into the input of the batch
 * analytics ({@code MeetingAnalyzer}), so the final {@code participant_meeting}, {@code meeting} and
 * {@code meeting_timeline} rows are computed exactly as the nightly job computes them: sessions are rebuilt
 * from join/leave events, the span comes from the webhook times, and chat events become chat records.
 *
 * <p>Chat events carry no text (Meetscope never keeps webhook chat text), so chat records have a null text:
 * chat counts and {@code chat_activity} are exact, but the text-based question and sentiment columns of the
 * final rows cannot see these messages. The live windows count questions from the flag set when parsing.
 */
public final class StreamMeetingInput {
  /** {@code chat_message.dialect} of chat records made from webhook events. */
  public static final String WEBHOOK_DIALECT = "webhook";

  private StreamMeetingInput() {}

  public static MeetingInput build(String meetingKey, List<MeetingEvent> events) {
    List<MeetingEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(StreamEvents::eventTime, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(MeetingEvent::sourceFile, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingLong(MeetingEvent::sourceLine));
    List<ChatMessage> chats = new ArrayList<>();
    for (MeetingEvent e : sorted) {
      if (StreamEvents.CHAT.equals(e.event())) {
        chats.add(chat(meetingKey, e));
      }
    }
    return MeetingInput.of(meetingKey, manifest(sorted), List.of(), List.of(), chats, sorted);
  }

  /** What the events say about the occurrence: id, UUID, topic, host id. */
  static MeetingManifest manifest(List<MeetingEvent> events) {
    String meetingId = null;
    String uuid = null;
    String topic = null;
    String hostId = null;
    for (MeetingEvent e : events) {
      meetingId = meetingId != null ? meetingId : e.meetingId();
      uuid = uuid != null ? uuid : e.meetingUuid();
      topic = topic != null ? topic : e.topic();
      hostId = hostId != null ? hostId : e.hostId();
    }
    return new MeetingManifest(meetingId, uuid, topic, null, null, hostId, null, null, null, null, null);
  }

  /** A webhook chat event as a chat record: emoji-only messages are reactions; text is never kept. */
  static ChatMessage chat(String meetingKey, MeetingEvent e) {
    boolean isPrivate = e.flags().contains(StreamEvents.FLAG_PRIVATE);
    String kind = !isPrivate && e.flags().contains(StreamEvents.FLAG_EMOJI_ONLY)
        ? ChatKind.REACTION : ChatKind.MESSAGE;
    List<String> flags = new ArrayList<>();
    for (String f : e.flags()) {
      if (f.startsWith("chat_")) {
        flags.add(f);
      }
    }
    return new ChatMessage(meetingKey, e.sourceFile(), e.sourceLine(), InputFormat.WEBHOOK_EVENTS.id(),
        WEBHOOK_DIALECT, e.displayName(), null, kind, isPrivate, null, null, TimeBase.UTC, null, null, null,
        StreamEvents.eventTime(e), flags);
  }
}
