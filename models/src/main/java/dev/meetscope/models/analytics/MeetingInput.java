package dev.meetscope.models.analytics;

import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import java.util.List;

/**
 * The parsed records of one meeting occurrence. Any list may be empty.
 *
 * @param chatAvailable whether a chat file exists; null = "when {@code chats} is not empty" (pass true for a
 *     chat file that held no message, so chat metrics are 0 rather than null)
 * @param transcriptAvailable the same for the transcript
 */
public record MeetingInput(
    String meetingKey,
    MeetingManifest manifest,
    List<ParticipantSession> sessions,
    List<Utterance> utterances,
    List<ChatMessage> chats,
    List<MeetingEvent> events,
    Boolean transcriptAvailable,
    Boolean chatAvailable) {

  public MeetingInput {
    manifest = manifest == null ? MeetingManifest.empty() : manifest;
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
    utterances = utterances == null ? List.of() : List.copyOf(utterances);
    chats = chats == null ? List.of() : List.copyOf(chats);
    events = events == null ? List.of() : List.copyOf(events);
  }

  public static MeetingInput of(String meetingKey, MeetingManifest manifest,
      List<ParticipantSession> sessions, List<Utterance> utterances, List<ChatMessage> chats,
      List<MeetingEvent> events) {
    return new MeetingInput(meetingKey, manifest, sessions, utterances, chats, events, null, null);
  }
}
