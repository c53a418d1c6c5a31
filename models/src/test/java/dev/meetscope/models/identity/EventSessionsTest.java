package dev.meetscope.models.identity;

import static dev.meetscope.models.analytics.TestRecords.MEETING;
import static dev.meetscope.models.analytics.TestRecords.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.ParticipantSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSessionsTest {
  private static MeetingEvent event(String name, String userId, String who, Instant join, Instant leave,
      Instant eventTime, String requestId) {
    return new MeetingEvent(MEETING, "events.jsonl", 1, "webhook_events", name, eventTime, requestId, "acct",
        "81234567890", MEETING, "Weekly Sync", "H1", at(0, 0), null, "UTC", who, null, "", "", userId, null,
        null, null, join, leave, null, List.of());
  }

  @Test
  void pairsJoinsAndLeavesPerSessionAndDropsRetries() {
    List<MeetingEvent> events = List.of(
        event("meeting.participant_joined", "16778240", "Ada Example", at(1, 0), null, at(1, 0), "r1"),
        event("meeting.participant_left", "16778240", "Ada Example", null, at(20, 0), at(20, 0), "r2"),
        event("meeting.participant_left", "16778240", "Ada Example", null, at(20, 0), at(20, 0), "r2"),
        event("meeting.participant_joined_breakout_room", "16779264", "Ada Example", at(20, 2), null,
            at(20, 2), "r3"),
        event("meeting.participant_left_breakout_room", "16779264", "Ada Example", null, at(35, 0),
            at(35, 0), "r4"),
        event("meeting.participant_joined", "16780288", "Grace Sample", at(5, 0), null, at(5, 0), "r5"),
        event("meeting.participant_left", "16781312", "Lee Placeholder", at(2, 0), at(50, 0), at(50, 0),
            "r6"),
        event("meeting.started", null, null, null, null, at(0, 0), "r7"));
    List<ParticipantSession> sessions = EventSessions.fromEvents(MEETING, events);
    List<ParticipantSession> sorted = sessions.stream()
        .sorted(Comparator.comparing(ParticipantSession::joinTime)).toList();
    assertEquals(4, sorted.size());
    assertEquals(List.of(at(1, 0), at(2, 0), at(5, 0), at(20, 2)),
        sorted.stream().map(ParticipantSession::joinTime).toList());
    assertEquals(at(20, 0), sorted.get(0).leaveTime());
    assertEquals(1140L, sorted.get(0).durationSeconds());
    assertEquals(at(50, 0), sorted.get(1).leaveTime());
    assertNull(sorted.get(2).leaveTime());
    assertEquals(List.of("leave_missing"), sorted.get(2).flags());
    assertEquals("breakout", sorted.get(3).breakoutRoomId());
  }
}
