package dev.meetscope.models.stream;

import static dev.meetscope.models.stream.StreamEventFixtures.at;
import static dev.meetscope.models.stream.StreamEventFixtures.chat;
import static dev.meetscope.models.stream.StreamEventFixtures.event;
import static dev.meetscope.models.stream.StreamEventFixtures.joined;
import static dev.meetscope.models.stream.StreamEventFixtures.left;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.analytics.MeetingAnalysis;
import dev.meetscope.models.analytics.MeetingAnalyzer;
import dev.meetscope.models.record.ChatKind;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The stream's final rows are the batch analytics over sessions rebuilt from the webhook events. */
class StreamMeetingInputTest {
  private static final String ENDED = "left the meeting. Reason : Host ended the meeting.";

  private static List<MeetingEvent> townHall() {
    List<MeetingEvent> events = new ArrayList<>(List.of(
        event("meeting.started", at(0, 0), "s", null, null, null, null, null, null, List.of()),
        joined("Ada Example", "101", at(0, 0)),
        joined("Lee Placeholder", "102", at(0, 0)),
        joined("Grace Sample", "103", at(5, 0)),
        chat("Ada Example", "ada@example.com", at(3, 0), "chat_question"),
        chat("Ada Example", "ada@example.com", at(4, 0)),
        chat("Grace Sample", null, at(6, 0), "chat_emoji_only"),
        chat("Grace Sample", null, at(7, 0), "chat_private"),
        left("Grace Sample", "103", at(10, 0), "left the meeting"),
        joined("Grace Sample", "104", at(10, 30)),
        left("Lee Placeholder", "102", at(20, 0), "left the meeting"),
        event("meeting.ended", at(30, 0), "e", null, null, null, null, null, null, List.of()),
        // Zoom sends participant_left after meeting.ended, and retries deliveries.
        left("Ada Example", "101", at(30, 0), ENDED),
        left("Grace Sample", "104", at(30, 0), ENDED),
        left("Grace Sample", "104", at(30, 0), ENDED)));
    Collections.reverse(events);
    return events;
  }

  @Test
  void finalRowsComeFromTheBatchAnalytics() {
    MeetingAnalysis a = new MeetingAnalyzer().analyze(StreamMeetingInput.build("m", townHall()));
    MeetingSummary m = a.meeting();
    assertEquals("81234567890", m.meetingId());
    assertEquals("Town Hall", m.topic());
    assertEquals(at(0, 0), m.meetingStart());
    assertEquals(at(30, 0), m.meetingEnd());
    assertEquals("webhook/webhook", m.spanSource());
    assertEquals(3, m.participants());
    assertEquals(3, m.peakConcurrent());
    assertEquals(2, m.chatMessages());
    assertTrue(m.flags().contains("sessions_from_webhooks"), m.flags().toString());

    Map<String, ParticipantMeeting> people = a.participants().stream()
        .collect(Collectors.toMap(ParticipantMeeting::displayName, Function.identity()));
    ParticipantMeeting grace = people.get("Grace Sample");
    assertEquals(2, grace.sessions());
    assertEquals(1, grace.rejoins());
    assertEquals(300 + 1170, grace.attendedSeconds());
    assertEquals(300, grace.lateJoinSeconds());
    assertEquals(1, grace.reactions());
    assertEquals(0, grace.chatMessages());
    assertNull(grace.privateChatMessages());
    ParticipantMeeting ada = people.get("Ada Example");
    assertEquals(1800, ada.attendedSeconds());
    assertEquals(2, ada.chatMessages());
    // Webhook chat carries no text, so the final rows cannot tell its questions (the live windows can).
    assertEquals(0, ada.chatQuestions());
    assertEquals(1200, people.get("Lee Placeholder").attendedSeconds());
    assertEquals(30, a.timeline().size());
    assertEquals(2, a.timeline().get(3).chatMessages() + a.timeline().get(4).chatMessages());
  }

  @Test
  void chatEventsBecomeTextlessChatRecords() {
    ChatMessage reaction = StreamMeetingInput.chat("m", chat("Grace Sample", null, at(6, 0), "chat_emoji_only"));
    assertEquals(ChatKind.REACTION, reaction.kind());
    assertNull(reaction.text());
    assertEquals(at(6, 0), reaction.wallTime());
    assertEquals(List.of("chat_emoji_only"), reaction.flags());
    ChatMessage dm = StreamMeetingInput.chat("m", chat("Grace Sample", null, at(7, 0), "chat_private"));
    assertTrue(dm.isPrivate());
    assertEquals(ChatKind.MESSAGE, dm.kind());
  }
}
