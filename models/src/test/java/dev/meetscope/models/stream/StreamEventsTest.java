package dev.meetscope.models.stream;

import static dev.meetscope.models.stream.StreamEventFixtures.at;
import static dev.meetscope.models.stream.StreamEventFixtures.chat;
import static dev.meetscope.models.stream.StreamEventFixtures.event;
import static dev.meetscope.models.stream.StreamEventFixtures.joined;
import static dev.meetscope.models.stream.StreamEventFixtures.left;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.MeetingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamEventsTest {

  @Test
  void departuresExcludeTheHostEndingTheMeetingAndBreakoutMoves() {
    assertTrue(StreamEvents.isDeparture(left("Ada Example", "1", at(5, 0), "left the meeting")));
    assertTrue(StreamEvents.isDeparture(left("Ada Example", "1", at(5, 0), null)));
    assertFalse(StreamEvents.isDeparture(left("Ada Example", "1", at(5, 0),
        "left the meeting. Reason : Host ended the meeting.")));
    assertFalse(StreamEvents.isDeparture(left("Ada Example", "1", at(5, 0),
        "Ada Example left the meeting to join breakout room")));
    assertFalse(StreamEvents.isDeparture(joined("Ada Example", "1", at(5, 0))));
  }

  @Test
  void dedupKeyIsTheRequestIdElseAHashOfTheEvent() {
    MeetingEvent a = joined("Ada Example", "1", at(1, 0));
    assertEquals("rid:j-1-" + at(1, 0).getEpochSecond(), StreamEvents.dedupKey(a));
    MeetingEvent noId = event("meeting.participant_joined", at(1, 0), null, "Ada Example", "1", null, at(1, 0),
        null, null, List.of());
    String key = StreamEvents.dedupKey(noId);
    assertTrue(key.startsWith("sha:") && key.length() == 4 + 32, key);
    assertEquals(key, StreamEvents.dedupKey(noId.withMeetingKey("other")), "the meeting key is not content");
    MeetingEvent otherUser = event("meeting.participant_joined", at(1, 0), null, "Ada Example", "2", null,
        at(1, 0), null, null, List.of());
    assertNotEquals(key, StreamEvents.dedupKey(otherUser));
  }

  @Test
  void eventTimeFallsBackToThePayloadTimes() {
    MeetingEvent e = event("meeting.participant_left", null, "r", "Ada Example", "1", null, at(1, 0), at(2, 0),
        null, List.of());
    assertEquals(at(2, 0), StreamEvents.eventTime(e));
    MeetingEvent none = new MeetingEvent(null, "f", 1, "webhook_events", "meeting.sharing_started", null, "r",
        null, null, "u", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, List.of());
    assertNull(StreamEvents.eventTime(none));
  }

  @Test
  void chatFlagsDecideQuestionsReactionsAndPrivacy() {
    MeetingEvent q = chat("Grace Sample", "grace@example.com", at(3, 0), "chat_question");
    MeetingEvent emoji = chat("Grace Sample", "Grace@Example.com ", at(3, 1), "chat_emoji_only");
    MeetingEvent dm = chat("Grace Sample", null, at(3, 2), "chat_private");
    assertTrue(StreamEvents.isQuestion(q));
    assertTrue(StreamEvents.isEmojiOnly(emoji));
    assertFalse(StreamEvents.isPublicChat(dm));
    assertEquals("email:grace@example.com", StreamEvents.chatterKey(emoji));
    assertEquals("name:grace sample", StreamEvents.chatterKey(dm));
    assertTrue(StreamEvents.isActivity(q));
    assertFalse(StreamEvents.isActivity(event("recording.completed", at(9, 0), "r", null, null, null, null,
        null, null, List.of())));
    assertFalse(StreamEvents.isActivity(event("meeting.participant_joined_waiting_room", at(9, 0), "r", null,
        null, null, null, null, null, List.of())));
  }
}
