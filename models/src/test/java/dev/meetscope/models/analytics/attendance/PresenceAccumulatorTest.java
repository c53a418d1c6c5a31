package dev.meetscope.models.analytics.attendance;

import static dev.meetscope.models.analytics.TestRecords.ms;
import static dev.meetscope.models.analytics.TestRecords.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.TestRecords;
import dev.meetscope.models.record.MassDropoff;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceAccumulatorTest {
  private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();

  /** Someone present from 0 until {@code leaveMs} who leaves for good (before the end) or stays. */
  private static void person(PresenceAccumulator acc, long leaveMs, long endMs) {
    List<Long> departures = leaveMs < endMs ? List.of(leaveMs) : List.of();
    acc.add(List.of(new Interval(ms(0, 0), Math.min(leaveMs, endMs))), departures);
  }

  @Test
  void peakConcurrencyTreatsIntervalsAsHalfOpen() {
    PresenceAccumulator touching = new PresenceAccumulator();
    touching.add(List.of(new Interval(0, 10)), List.of());
    touching.add(List.of(new Interval(10, 20)), List.of());
    assertEquals(1, touching.peakConcurrent());
    PresenceAccumulator nested = new PresenceAccumulator();
    nested.add(List.of(new Interval(0, 10)), List.of());
    nested.add(List.of(new Interval(5, 15)), List.of());
    nested.add(List.of(new Interval(8, 9)), List.of());
    assertEquals(3, nested.peakConcurrent());
  }

  @Test
  void massDropoffs() {
    long end = ms(60, 0);
    PresenceAccumulator acc = new PresenceAccumulator();
    // 20 people. 3 leave within 1 minute at 10:00–11:00: 3 of 20 present (15 %) → a drop-off.
    person(acc, ms(10, 0), end);
    person(acc, ms(10, 30), end);
    person(acc, ms(11, 0), end);
    // 2 leave 2.5 minutes apart: never 2 in one window.
    person(acc, ms(30, 0), end);
    person(acc, ms(32, 30), end);
    // 2 leave together at 40:00: 2 of 15 (13 %) but fewer than 3 people.
    person(acc, ms(40, 0), end);
    person(acc, ms(40, 0), end);
    // 5 leave in the last 5 minutes: excluded.
    for (int i = 0; i < 5; i++) {
      person(acc, ms(56, 0), end);
    }
    // 8 stay to the end.
    for (int i = 0; i < 8; i++) {
      person(acc, end, end);
    }
    assertEquals(20, acc.peakConcurrent());
    assertEquals(List.of(new MassDropoff(TestRecords.at(10, 0), TestRecords.at(11, 0), 600.0, 660.0, 3, 20,
        0.15)), acc.massDropoffs(span(60), SETTINGS));
    List<MassDropoff> lowerMinimum = acc.massDropoffs(span(60), SETTINGS.withDropoffMinLeavers(2));
    assertEquals(2, lowerMinimum.size());
    assertEquals(new MassDropoff(TestRecords.at(40, 0), TestRecords.at(40, 0), 2400.0, 2400.0, 2, 15,
        0.133333), lowerMinimum.get(1));
  }

  @Test
  void aWindowReachingIntoTheLastFiveMinutesCountsOnlyTheDeparturesBeforeThem() {
    long end = ms(10, 0);   // the last 5 minutes start at 5:00
    PresenceAccumulator acc = new PresenceAccumulator();
    for (int i = 0; i < 10; i++) {
      person(acc, end, end);
    }
    // Three leave at 4:00, 4:30 and 4:59 (3 of 15: 20 %; the window 4:00–6:00 is cut at 5:00); two at 5:00 and 5:30
    // are in the last 5 minutes and never count.
    for (long leave : List.of(ms(4, 0), ms(4, 30), ms(4, 59), ms(5, 0), ms(5, 30))) {
      person(acc, leave, end);
    }
    assertEquals(List.of(new MassDropoff(TestRecords.at(4, 0), TestRecords.at(4, 59), 240.0, 299.0, 3, 15,
        0.2)), acc.massDropoffs(span(10), SETTINGS));
    PresenceAccumulator one = new PresenceAccumulator();
    person(one, end, end);
    person(one, ms(4, 0), end);   // one departure 1 minute before the cut-off: no drop-off, no error
    assertEquals(List.of(), one.massDropoffs(span(10), SETTINGS));
  }

  @Test
  void aDropOffWindowReachingPastTheExcludedEndIsCutThere() {
    long end = ms(60, 0);
    PresenceAccumulator acc = new PresenceAccumulator();
    // 4 of 10 leave at 54:00–54:30, less than a window before the last 5 minutes start (55:00).
    for (int i = 0; i < 4; i++) {
      person(acc, ms(54, 10 * i), end);
    }
    for (int i = 0; i < 6; i++) {
      person(acc, end, end);
    }
    assertEquals(List.of(new MassDropoff(TestRecords.at(54, 0), TestRecords.at(54, 30), 3240.0, 3270.0, 4, 10,
        0.4)), acc.massDropoffs(span(60), SETTINGS));
  }

  @Test
  void exactlyTenPercentQualifies() {
    PresenceAccumulator acc = new PresenceAccumulator();
    long end = ms(60, 0);
    for (int i = 0; i < 3; i++) {
      person(acc, ms(20, 0), end);
    }
    for (int i = 0; i < 27; i++) {
      person(acc, end, end);
    }
    // 3 of 30 = 0.1 exactly (0.1 × 30 is 3.0000000000000004 in binary)
    assertEquals(1, acc.massDropoffs(span(60), SETTINGS).size());
  }

  @Test
  void mergingEqualsAddingEverythingToOne() {
    PresenceAccumulator a = new PresenceAccumulator();
    PresenceAccumulator b = new PresenceAccumulator();
    PresenceAccumulator all = new PresenceAccumulator();
    for (int i = 0; i < 10; i++) {
      PresenceAccumulator part = i % 2 == 0 ? a : b;
      person(part, ms(10 + i / 5, 0), ms(60, 0));
      person(all, ms(10 + i / 5, 0), ms(60, 0));
    }
    a.merge(b);
    assertEquals(all.massDropoffs(span(60), SETTINGS), a.massDropoffs(span(60), SETTINGS));
    assertEquals(List.of(new MassDropoff(TestRecords.at(10, 0), TestRecords.at(11, 0), 600.0, 660.0, 10, 10,
        1.0)), a.massDropoffs(span(60), SETTINGS));
  }
}
