package dev.meetscope.models.stream;

import dev.meetscope.models.record.MeetingEvent;
import java.time.Instant;
import java.util.List;

/** Webhook events for stream tests (invented people only). */
final class StreamEventFixtures {
  static final String UUID = "aB3+cD9/eF1gH2iJ3kL4mN==";
  static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  private StreamEventFixtures() {}

  static Instant at(int minutes, int seconds) {
    return T0.plusSeconds(minutes * 60L + seconds);
  }

  static MeetingEvent event(String name, Instant ts, String requestId, String userName, String userId,
      String email, Instant join, Instant leave, String reason, List<String> flags) {
    return new MeetingEvent(null, "events-1.ndjson", 1, "webhook_events", name, ts, requestId, "Acc1",
        "81234567890", UUID, "Town Hall", "DhOsT001", T0, null, null, userName, email, null, null, userId,
        null, null, null, join, leave, reason, flags);
  }

  static MeetingEvent joined(String userName, String userId, Instant t) {
    return event("meeting.participant_joined", t, "j-" + userId + "-" + t.getEpochSecond(), userName, userId,
        null, t, null, null, List.of());
  }

  static MeetingEvent left(String userName, String userId, Instant t, String reason) {
    return event("meeting.participant_left", t, "l-" + userId + "-" + t.getEpochSecond(), userName, userId,
        null, null, t, reason, List.of());
  }

  static MeetingEvent chat(String userName, String email, Instant t, String... flags) {
    return event("meeting.chat_message_sent", t, "c-" + userName + "-" + t.toEpochMilli(), userName, null,
        email, null, null, null, List.of(flags));
  }
}
