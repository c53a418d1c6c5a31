package dev.meetscope.models.analytics.attendance;

import static dev.meetscope.models.analytics.TestRecords.at;
import static dev.meetscope.models.analytics.TestRecords.full;
import static dev.meetscope.models.analytics.TestRecords.ms;
import static dev.meetscope.models.analytics.TestRecords.session;
import static dev.meetscope.models.analytics.TestRecords.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.analytics.AnalyticsSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendanceCalculatorTest {
  private final AnalyticsSettings settings = AnalyticsSettings.defaults();

  @Test
  void rejoinsWithOverlapGapAndARejoinSpanningTheMeetingEnd() {
    // 60-minute meeting. Sessions: 0:10-0:20, 0:15-0:25 (second device, overlaps), 0:40-1:10 (past the end).
    PersonAttendance a = AttendanceCalculator.compute(List.of(
        session("Ada Example", null, "u1", at(10, 0), at(20, 0)),
        session("Ada Example", null, "u1", at(15, 0), at(25, 0)),
        session("Ada Example", null, "u1", at(40, 0), at(70, 0))), span(60), settings);
    assertEquals(List.of(new Interval(ms(10, 0), ms(25, 0)), new Interval(ms(40, 0), ms(60, 0))),
        a.presence());
    assertEquals(15 * 60 + 20 * 60, a.attendedSeconds());
    assertEquals(2100.0 / 3600, a.attendanceRatio(), 1e-12);
    assertEquals(2, a.sessions());
    assertEquals(1, a.rejoins());
    assertEquals(600, a.lateJoinSeconds());
    assertEquals(0, a.earlyLeaveSeconds());
    // ratio 0.583333 − 0.2 for 10 minutes late
    assertEquals(0.383333, a.attentionScore(), 1e-9);
    assertEquals(List.of(ms(25, 0)), a.departuresMs());
    assertTrue(a.flags().contains("presence_after_end"));
  }

  @Test
  void joinBeforeStartIsNotLateAndEarlyLeaveIsMeasured() {
    PersonAttendance a = AttendanceCalculator.compute(
        List.of(session("Grace Sample", null, "u2", at(-5, 0), at(47, 30))), span(60), settings);
    assertEquals(0, a.lateJoinSeconds());
    assertEquals(750, a.earlyLeaveSeconds());
    assertEquals(2850, a.attendedSeconds());
    assertEquals(List.of(ms(47, 30)), a.departuresMs());
    // 0.791667 − 0.2 (12.5 min early = 2 full blocks)
    assertEquals(0.591667, a.attentionScore(), 1e-9);
    assertFalse(a.flags().contains("presence_after_end"));
  }

  @Test
  void breakoutMoveWithinTheGapToleranceIsNotARejoin() {
    PersonAttendance a = AttendanceCalculator.compute(List.of(
        session("Lee Placeholder", null, "u3", at(0, 0), at(20, 0)),
        session("Lee Placeholder", null, "u3", at(20, 3), at(40, 0)),
        session("Lee Placeholder", null, "u3", at(40, 30), at(60, 0))), span(60), settings);
    // 3 s gap bridged (counts as present), 30 s gap is a rejoin.
    assertEquals(2, a.sessions());
    assertEquals(1, a.rejoins());
    assertEquals(3600 - 30, a.attendedSeconds());
    // The leave at 40:00 is followed by a rejoin within 2 minutes: not a departure; the end is not either.
    assertEquals(List.of(), a.departuresMs());
  }

  @Test
  void manyRejoinsArePenalisedBeyondTheSecond() {
    PersonAttendance a = AttendanceCalculator.compute(List.of(
        session("Ada Example", null, "u1", at(0, 0), at(10, 0)),
        session("Ada Example", null, "u1", at(11, 0), at(20, 0)),
        session("Ada Example", null, "u1", at(21, 0), at(30, 0)),
        session("Ada Example", null, "u1", at(31, 0), at(40, 0)),
        session("Ada Example", null, "u1", at(41, 0), at(60, 0))), span(60), settings);
    assertEquals(5, a.sessions());
    assertEquals(4, a.rejoins());
    assertEquals(3360, a.attendedSeconds());
    // 56/60 − 0.05 × 2
    assertEquals(0.833333, a.attentionScore(), 1e-9);
  }

  @Test
  void missingLeaveUsesDurationElseTheMeetingEnd() {
    PersonAttendance withDuration = AttendanceCalculator.compute(
        List.of(full("Ada Example", null, null, null, null, null, null, at(10, 0), null, 600L)),
        span(60), settings);
    assertEquals(600, withDuration.attendedSeconds());
    PersonAttendance open = AttendanceCalculator.compute(
        List.of(full("Ada Example", null, null, null, null, null, null, at(10, 0), null, null)),
        span(60), settings);
    assertEquals(3000, open.attendedSeconds());
    assertTrue(open.flags().contains("leave_unknown"));
  }

  @Test
  void durationOnlyRowsGiveAttendedSecondsCappedAtTheMeetingLength() {
    PersonAttendance a = AttendanceCalculator.compute(List.of(
        full("Dana Host", null, null, null, null, null, null, null, null, 3000L),
        full("Dana Host", null, null, null, null, null, null, null, null, 2000L)), span(60), settings);
    assertEquals(3600, a.attendedSeconds());
    assertEquals(1.0, a.attendanceRatio());
    assertNull(a.sessions());
    assertNull(a.lateJoinSeconds());
    assertFalse(a.timed());
    assertTrue(a.flags().contains("duration_only"));
  }

  @Test
  void negativeSessionsAreSkippedAndSessionsOutsideTheSpanGiveZero() {
    PersonAttendance a = AttendanceCalculator.compute(List.of(
        session("Ada Example", null, "u1", at(20, 0), at(10, 0)),
        session("Ada Example", null, "u1", at(61, 0), at(65, 0))), span(60), settings);
    assertEquals(0, a.attendedSeconds());
    assertEquals(0, a.sessions());
    assertNull(a.lateJoinSeconds());
    assertTrue(a.flags().containsAll(List.of("negative_session", "no_presence_in_span")));
  }
}
