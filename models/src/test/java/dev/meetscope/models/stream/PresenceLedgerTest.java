package dev.meetscope.models.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PresenceLedgerTest {

  @Test
  void panesInAnyOrderGiveTheSameCountsBecauseSlicesOnlyGrow() {
    PresenceLedger inOrder = new PresenceLedger();
    inOrder.record(0, 2, 0);
    inOrder.record(0, 5, 1);
    inOrder.record(10, 3, 2);
    PresenceLedger reversed = new PresenceLedger();
    reversed.record(10, 3, 2);
    reversed.record(0, 5, 1);
    reversed.record(0, 2, 0);
    for (PresenceLedger l : new PresenceLedger[] {inOrder, reversed}) {
      assertEquals(0, l.netBefore(0));
      assertEquals(4, l.netBefore(10));
      assertEquals(5, l.netBefore(20));
    }
  }

  @Test
  void foldingKeepsTheCountAndIgnoresLaterPanesOfFoldedSlices() {
    PresenceLedger l = new PresenceLedger();
    l.record(0, 10, 0);
    l.record(10, 0, 4);
    l.record(20, 1, 0);
    l.foldBefore(20);
    assertEquals(1, l.openSlices());
    assertEquals(6, l.netBefore(20));
    assertEquals(7, l.netBefore(30));
    l.record(10, 0, 9);
    assertEquals(7, l.netBefore(30), "a folded slice is final");
  }

  @Test
  void presentIsNeverNegativeWhenTheStreamStartsMidMeeting() {
    PresenceLedger l = new PresenceLedger();
    l.record(0, 0, 3);
    assertEquals(-3, l.netBefore(10));
    assertEquals(0, l.presentAt(10));
  }

  @Test
  void liveRules() {
    assertEquals(25.0, LiveRules.engagementIndex(5, 20));
    assertEquals(100.0, LiveRules.engagementIndex(5, 3));
    assertNull(LiveRules.engagementIndex(5, 0));
    assertTrue(LiveRules.isMassDropoff(10, 100, 0.10, 3));
    assertFalse(LiveRules.isMassDropoff(9, 100, 0.10, 3));
    assertFalse(LiveRules.isMassDropoff(2, 10, 0.10, 3), "two of ten is not mass");
    assertFalse(LiveRules.isMassDropoff(5, 0, 0.10, 3));
    assertEquals(0.333333, LiveRules.share(1, 3));
  }

  @Test
  void durations() {
    assertEquals(Duration.ofMillis(500), DurationText.parse("x", "500ms"));
    assertEquals(Duration.ofSeconds(30), DurationText.parse("x", "30s"));
    assertEquals(Duration.ofMinutes(5), DurationText.parse("x", " 5m "));
    assertEquals(Duration.ofHours(2), DurationText.parse("x", "2h"));
    assertEquals(Duration.ofSeconds(90), DurationText.parse("x", "PT1M30S"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> DurationText.parse("maxIdle", "soon"));
    assertEquals("--maxIdle must be a duration such as 500ms, 30s, 5m, 2h or PT30S (got 'soon')", e.getMessage());
  }
}
