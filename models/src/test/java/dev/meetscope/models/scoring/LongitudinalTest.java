package dev.meetscope.models.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.PersonWeek;
import dev.meetscope.models.record.SeriesTrend;
import dev.meetscope.models.scoring.Longitudinal.Attended;
import dev.meetscope.models.scoring.Longitudinal.MeetingFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongitudinalTest {
  private static final ScoringProfile DEFAULTS = ScoringProfile.defaults();

  private static MeetingFacts facts(String key, String id, int day, int participants, Double effectiveness,
      Double engagement, String host) {
    return new MeetingFacts(key, id, "Standup", Instant.parse("2026-03-01T09:00:00Z").plusSeconds(86_400L * day),
        participants, 0.9, engagement, effectiveness, host);
  }

  @Test
  void threeConsecutiveLowOccurrencesRaiseAnAlertAndAGoodOneResetsTheRun() {
    // Given out of order: the trend follows the start times.
    List<MeetingFacts> series = List.of(facts("d", "812", 3, 8, 30.0, 50.0, "h"), facts("a", "812", 0, 8, 35.0, 50.0,
        "h"), facts("b", "812", 1, 8, 38.0, 50.0, "h"), facts("c", "812", 2, 8, 70.0, 50.0, "h"),
        facts("e", "812", 4, 8, 20.0, 50.0, "h"), facts("f", "812", 5, 8, 39.9, 50.0, "h"),
        facts("g", "812", 6, 8, null, null, "h"));
    List<SeriesTrend> trend = Longitudinal.seriesTrend(series, DEFAULTS, "1.1.0");
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), trend.stream().map(SeriesTrend::meetingKey).toList());
    assertEquals(List.of(1, 2, 0, 1, 2, 3), trend.subList(0, 6).stream().map(SeriesTrend::consecutiveBelow).toList());
    assertEquals(List.of(false, false, false, false, false, true, false),
        trend.stream().map(SeriesTrend::alert).toList());
    assertNull(trend.get(6).belowThreshold());
    assertEquals(7, trend.get(0).occurrences());
  }

  @Test
  void aMeetingFarBelowItsSeriesOrItsHostIsFlaggedWithTheReason() {
    List<MeetingFacts> meetings = new ArrayList<>();
    for (int day = 0; day < 4; day++) {
      meetings.add(facts("s" + day, "812", day, 20, 60.0, 60.0, "host-1"));
    }
    meetings.add(facts("low", "812", 5, 6, 50.0, 58.0, "host-1"));
    meetings.add(facts("other", "999", 5, 6, 50.0, 58.0, "host-2"));
    List<MeetingAnomaly> anomalies = Longitudinal.anomalies(meetings, DEFAULTS, "1.1.0");
    assertEquals(2, anomalies.size(), anomalies.toString());
    MeetingAnomaly series = anomalies.get(0);
    assertEquals("low", series.meetingKey());
    assertEquals("series", series.baseline());
    assertEquals("participants", series.metric());
    assertEquals(20.0, series.baselineMedian());
    assertEquals("participants 6 is 70% below the median 20 of the series' other 4 occurrences", series.reason());
    assertEquals("host", anomalies.get(1).baseline());
    // A baseline of fewer than 3 meetings says nothing.
    assertTrue(Longitudinal.anomalies(meetings.subList(2, 5), DEFAULTS, "1.1.0").isEmpty());
  }

  @Test
  void aPersonsWeekSumsHoursAveragesScoresAndFitsTheSpeakingTrend() {
    List<Attended> week = List.of(
        new Attended(Instant.parse("2026-03-04T09:00:00Z"), ScoringFixtures.person("p", 1800L, 0.9, 30.0, "low", 0,
            0.5).withEngagement(70.0, null, null, null, null, null, "1.1.0")),
        new Attended(Instant.parse("2026-03-02T09:00:00Z"), ScoringFixtures.person("p", 3600L, 0.9, 10.0, "low", 0,
            0.5).withEngagement(50.0, null, null, null, null, null, "1.1.0")),
        new Attended(Instant.parse("2026-03-06T09:00:00Z"), ScoringFixtures.person("p", null, null, 50.0, null, 0,
            null)));
    PersonWeek w = Longitudinal.personWeek("p", "2026-W10", week, "1.1.0");
    assertEquals(3, w.meetings());
    assertEquals(1.5, w.hoursInMeetings());
    assertEquals(60.0, w.engagementMean());
    assertEquals(30.0, w.speakingPctMean());
    assertEquals(20.0, w.speakingPctTrend(), 1e-9);
    assertEquals("2026-W10", Longitudinal.isoWeek(Instant.parse("2026-03-02T00:00:00Z")));
    assertEquals("2026-W53", Longitudinal.isoWeek(Instant.parse("2027-01-01T12:00:00Z")));
    assertFalse(Longitudinal.isoWeek(Instant.parse("2026-03-01T23:59:00Z")).equals("2026-W10"));
  }
}
