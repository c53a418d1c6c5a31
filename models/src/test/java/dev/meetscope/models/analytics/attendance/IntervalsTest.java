package dev.meetscope.models.analytics.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  private static Interval iv(long a, long b) {
    return new Interval(a, b);
  }

  @Test
  void unionMergesOverlapsAndKeepsGaps() {
    List<Interval> union = Intervals.union(
        List.of(iv(50, 70), iv(0, 10), iv(5, 20), iv(30, 40), iv(35, 38), iv(40, 45)), 0);
    // [0,10)+[5,20) overlap; [30,40)+[35,38) nested; [40,45) touches [30,40); [50,70) apart.
    assertEquals(List.of(iv(0, 20), iv(30, 45), iv(50, 70)), union);
    assertEquals(20 + 15 + 20, Intervals.totalLengthMs(union));
  }

  @Test
  void unionBridgesShortGapsOnly() {
    List<Interval> in = List.of(iv(0, 100), iv(105, 200), iv(210, 300));
    assertEquals(List.of(iv(0, 200), iv(210, 300)), Intervals.union(in, 5));
    assertEquals(List.of(iv(0, 300)), Intervals.union(in, 10));
    assertEquals(3, Intervals.union(in, 4).size());
  }

  @Test
  void unionDropsEmptyIntervals() {
    assertEquals(List.of(iv(1, 2)), Intervals.union(List.of(iv(5, 5), iv(9, 3), iv(1, 2)), 0));
  }

  @Test
  void clipCutsToTheSpanAndDropsWhatFallsOutside() {
    List<Interval> clipped = Intervals.clip(List.of(iv(-50, 10), iv(20, 30), iv(90, 150), iv(200, 300)),
        0, 100);
    assertEquals(List.of(iv(0, 10), iv(20, 30), iv(90, 100)), clipped);
  }

  @Test
  void outsideMeasuresSpeechOutsidePresenceWithTolerance() {
    List<Interval> presence = List.of(iv(1000, 2000), iv(5000, 6000));
    assertEquals(0, Intervals.outsideMs(1200, 1800, presence, 0));
    assertEquals(500, Intervals.outsideMs(1500, 2500, presence, 0));
    assertEquals(400, Intervals.outsideMs(1500, 2500, presence, 100));
    assertEquals(3000 - 2 * 100, Intervals.outsideMs(2000, 5000, presence, 100));
  }
}
