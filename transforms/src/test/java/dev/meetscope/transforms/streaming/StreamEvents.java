package dev.meetscope.transforms.streaming;

import dev.meetscope.models.record.MeetingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.values.TimestampedValue;

/** Webhook events of one invented meeting for stream tests, timestamped by event time. */
final class StreamEvents {
  static final String UUID = "tOwNhAlL+0001/aBcDeFg==";
  static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  static final String ENDED_REASON = "left the meeting. Reason : Host ended the meeting.";

  private StreamEvents() {}

  static Instant at(int minutes, int seconds) {
    return T0.plusSeconds(minutes * 60L + seconds);
  }

  static org.joda.time.Instant joda(Instant t) {
    return new org.joda.time.Instant(t.toEpochMilli());
  }

  static org.joda.time.Instant joda(int minutes, int seconds) {
    return joda(at(minutes, seconds));
  }

  static org.joda.time.Duration seconds(long s) {
    return org.joda.time.Duration.standardSeconds(s);
  }

  static TimestampedValue<MeetingEvent> timed(MeetingEvent e) {
    return TimestampedValue.of(e, joda(e.eventTime()));
  }

  static MeetingEvent event(String name, Instant t, String requestId, String user, String userId, Instant join,
      Instant leave, String reason, List<String> flags) {
    return new MeetingEvent(UUID, "events-1.ndjson", t.getEpochSecond() % 100_000, "webhook_events", name, t,
        requestId, "Acc1", "81234567890", UUID, "All Hands", "DhOsT001", T0, null, null, user, null, null, null,
        userId, null, null, null, join, leave, reason, flags);
  }

  static MeetingEvent started() {
    return event("meeting.started", T0, "start", null, null, null, null, null, List.of());
  }

  static MeetingEvent ended(Instant t) {
    return event("meeting.ended", t, "end", null, null, null, null, null, List.of());
  }

  static MeetingEvent join(String user, String userId, Instant t) {
    return event("meeting.participant_joined", t, "j-" + userId, user, userId, t, null, null, List.of());
  }

  static MeetingEvent leave(String user, String userId, Instant t) {
    return event("meeting.participant_left", t, "l-" + userId, user, userId, null, t, "left the meeting", List.of());
  }

  static MeetingEvent leaveAtEnd(String user, String userId, Instant t) {
    return event("meeting.participant_left", t, "l-" + userId, user, userId, null, t, ENDED_REASON, List.of());
  }

  static MeetingEvent chat(String user, Instant t, String... flags) {
    return event("meeting.chat_message_sent", t, "c-" + user + "-" + t.getEpochSecond(), user, null, null, null,
        null, List.of(flags));
  }

  static Duration d(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
