package dev.meetscope.models.analytics;

import static dev.meetscope.models.analytics.TestRecords.T0;
import static dev.meetscope.models.analytics.TestRecords.at;
import static dev.meetscope.models.analytics.TestRecords.manifest;
import static dev.meetscope.models.analytics.TestRecords.ms;
import static dev.meetscope.models.analytics.TestRecords.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SpanResolverTest {
  private static final List<ParticipantSession> REPORT = List.of(
      session("Ada Example", null, "U1", at(-3, 0), at(50, 0)),
      session("Grace Sample", null, "U2", at(2, 0), at(58, 0)));

  private static MeetingEvent meetingEvent(String name, Instant start, Instant end, Instant eventTime) {
    return new MeetingEvent(TestRecords.MEETING, "e.jsonl", 1, "webhook_events", name, eventTime, null, null,
        null, null, null, null, start, end, null, null, null, null, null, null, null, null, null, null, null,
        null, List.of());
  }

  private static MeetingSpan resolve(MeetingManifest m, List<MeetingEvent> events,
      List<ParticipantSession> sessions, Set<String> flags) {
    SpanResolver.Bound start = SpanResolver.start(m, events, sessions, flags);
    SpanResolver.Bound end = SpanResolver.end(m, events, sessions, start);
    return SpanResolver.finish(start, end, null, null, true);
  }

  @Test
  void webhookTimesComeFirst() {
    MeetingSpan s = resolve(manifest(T0, 60, null, null),
        List.of(meetingEvent("meeting.ended", at(0, 7), at(61, 0), at(61, 0))), REPORT, new TreeSet<>());
    assertEquals(new MeetingSpan(ms(0, 7), ms(61, 0), true, "webhook", "webhook"), s);
  }

  @Test
  void thenTheScheduledStartAndTheLastLeave() {
    MeetingSpan s = resolve(manifest(T0, 45, null, null), List.of(), REPORT, new TreeSet<>());
    // the meeting overran its 45 scheduled minutes: the report's last leave ends it
    assertEquals(new MeetingSpan(ms(0, 0), ms(58, 0), true, "manifest", "report"), s);
  }

  @Test
  void anImplausibleScheduledStartIsIgnored() {
    Set<String> flags = new TreeSet<>();
    MeetingSpan s = resolve(manifest(at(90, 0), 60, null, null), List.of(), REPORT, flags);
    assertEquals(new MeetingSpan(ms(-3, 0), ms(58, 0), true, "report", "report"), s);
    assertEquals(Set.of("manifest_start_ignored"), flags);
  }

  @Test
  void theScheduleAloneAndThenTheData() {
    MeetingSpan scheduled = resolve(manifest(T0, 30, null, null), List.of(), List.of(), new TreeSet<>());
    assertEquals(new MeetingSpan(ms(0, 0), ms(30, 0), true, "manifest", "manifest"), scheduled);
    SpanResolver.Bound none = SpanResolver.start(MeetingManifest.empty(), List.of(), List.of(),
        new TreeSet<>());
    assertEquals(new MeetingSpan(100, 900, true, "data", "data"),
        SpanResolver.finish(none, none, 100L, 900L, true));
    assertEquals(new MeetingSpan(0, 0, false, "none", "none"),
        SpanResolver.finish(none, none, null, null, false));
  }
}
