package dev.meetscope.models.analytics.aggregate;

import static dev.meetscope.models.analytics.TestRecords.at;
import static dev.meetscope.models.analytics.TestRecords.session;
import static dev.meetscope.models.analytics.TestRecords.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.MeetingContext;
import dev.meetscope.models.analytics.TestRecords;
import dev.meetscope.models.identity.MatchMethod;
import dev.meetscope.models.identity.PersonIdentity;
import dev.meetscope.models.record.MassDropoff;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.TimelineMinute;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-person town hall through the accumulators the way a Beam CombineFn fans it out: people are
 * computed one at a time, folded into four partial accumulators, serialised (Beam's coder) and merged. No
 * list of all rows is ever held. Person i joins at minute i % 10 and everyone leaves at 30:00; the even half
 * rejoins at 32:00 and stays past the end (60:00).
 */
class LargeMeetingAccumulatorTest {
  private static final int PEOPLE = 10_000;

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void tenThousandPeopleWithRejoins() throws Exception {
    MeetingContext ctx = new MeetingContext(TestRecords.MEETING, "81234567890", "Town hall", span(60), true,
        false, 0, false, 0, 1.0, List.of(), 0, AnalyticsSettings.defaults(), List.of());
    List<MeetingAccumulator> meetingParts = new ArrayList<>();
    List<TimelineAccumulator> timelineParts = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      meetingParts.add(new MeetingAccumulator());
      timelineParts.add(new TimelineAccumulator());
    }
    long rejoins = 0;
    for (int i = 0; i < PEOPLE; i++) {
      String uid = "U" + i;
      List<ParticipantSession> sessions = new ArrayList<>();
      sessions.add(session("Person " + i, null, uid, at(i % 10, 0), at(30, 0)));
      if (i % 2 == 0) {
        sessions.add(session("Person " + i, null, uid, at(32, 0), at(65, 0)));
      }
      PersonIdentity person = new PersonIdentity("uid:" + uid, "Person " + i, null, false,
          List.of("Person " + i), true, List.of());
      PersonResult r = ParticipantMetrics.compute(ctx,
          new PersonActivity(person, MatchMethod.NONE, List.of(), sessions, List.of(), List.of(), List.of()));
      rejoins += r.row().rejoins();
      meetingParts.get(i % 4).add(r.contribution());
      timelineParts.get(i % 4).add(r.contribution());
    }
    MeetingAccumulator meeting = new MeetingAccumulator();
    TimelineAccumulator timeline = new TimelineAccumulator();
    for (int p = 0; p < 4; p++) {
      meeting.merge(roundTrip(meetingParts.get(p)));
      timeline.merge(roundTrip(timelineParts.get(p)));
    }

    assertEquals(5000, rejoins);
    MeetingSummary m = meeting.extract(ctx);
    assertEquals(10_000, m.participants());
    assertEquals(10_000, m.peakConcurrent());
    // mean attended minutes: 30 − 4.5 for everyone + 28 for half = 39.5 of 60
    assertEquals(0.658333, m.avgAttendanceRatio());
    // 5,000 of 10,000 leave at 30:00 for good; the other half is back within 2 minutes
    assertEquals(List.of(new MassDropoff(at(30, 0), at(30, 0), 1800.0, 1800.0, 5000, 10_000, 0.5)),
        m.massDropoffs());
    assertNull(m.totalTalkSeconds());
    assertNull(m.participationGini());

    List<TimelineMinute> t = timeline.extract(ctx);
    assertEquals(60, t.size());
    assertEquals(List.of(1000, 1000, 0), presentJoinsLeaves(t.get(0)));
    assertEquals(List.of(6000, 1000, 0), presentJoinsLeaves(t.get(5)));
    assertEquals(List.of(10_000, 1000, 0), presentJoinsLeaves(t.get(9)));
    assertEquals(List.of(10_000, 0, 0), presentJoinsLeaves(t.get(29)));
    assertEquals(List.of(0, 0, 10_000), presentJoinsLeaves(t.get(30)));
    assertEquals(List.of(0, 0, 0), presentJoinsLeaves(t.get(31)));
    assertEquals(List.of(5000, 5000, 0), presentJoinsLeaves(t.get(32)));
    assertEquals(List.of(5000, 0, 0), presentJoinsLeaves(t.get(59)));
    assertNull(t.get(10).talkSeconds());
  }

  private static List<Integer> presentJoinsLeaves(TimelineMinute m) {
    return List.of(m.present(), m.joins(), m.leaves());
  }
}
