package dev.meetscope.models.analytics.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AttentionScoreTest {
  @Test
  void fullAttendanceWithoutPenalties() {
    assertEquals(1.0, AttentionScore.compute(1.0, 0L, 0L, 0));
  }

  @Test
  void lateJoinCostsPointOnePerFullFiveMinutes() {
    assertEquals(0.9, AttentionScore.compute(0.9, 299L, 0L, 0));
    assertEquals(0.8, AttentionScore.compute(0.9, 300L, 0L, 0));
    assertEquals(0.7, AttentionScore.compute(0.9, 600L, 0L, 0));
    assertEquals(0.6, AttentionScore.compute(0.9, 899L + 1, 0L, 0));
    // capped at 0.3 however late
    assertEquals(0.6, AttentionScore.compute(0.9, 3600L, 0L, 0));
  }

  @Test
  void earlyLeaveCostsTheSame() {
    assertEquals(0.75, AttentionScore.compute(0.95, 0L, 720L, 0));
    assertEquals(0.35, AttentionScore.compute(0.95, 1800L, 1800L, 0));
  }

  @Test
  void rejoinsBeyondTheFirstTwoCostFivePoints() {
    assertEquals(1.0, AttentionScore.compute(1.0, 0L, 0L, 2));
    assertEquals(0.95, AttentionScore.compute(1.0, 0L, 0L, 3));
    assertEquals(0.75, AttentionScore.compute(1.0, 0L, 0L, 7));
  }

  @Test
  void neverBelowZeroAndNullWithoutRatio() {
    assertEquals(0.0, AttentionScore.compute(0.2, 1200L, 1200L, 10));
    assertNull(AttentionScore.compute(null, 0L, 0L, 0));
    assertEquals(0.5, AttentionScore.compute(0.5, null, null, null));
  }
}
