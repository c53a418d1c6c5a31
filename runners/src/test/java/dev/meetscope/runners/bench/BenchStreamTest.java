package dev.meetscope.runners.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.runners.replay.Replayer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming benchmark's arithmetic: how long the job waits for a sped-up replay, and percentiles. */
class BenchStreamTest {
  private static Replayer.Delivery at(long deliverAtMs) {
    return new Replayer.Delivery(deliverAtMs, deliverAtMs, "r" + deliverAtMs, "meeting.participant_joined",
        new byte[0]);
  }

  @Test
  void maxIdleOutlastsTheLongestPauseOfASpedUpReplay() {
    // Pauses of 1 s and 600 s (a delivery 10 minutes late) at 30x: 20 s of wall time, plus 5 s.
    List<Replayer.Delivery> schedule = List.of(at(0), at(1_000), at(601_000));
    assertEquals(25_000, BenchStream.defaultMaxIdleMs(schedule, 30));
    // As fast as possible: the replay never pauses.
    assertEquals(5_000, BenchStream.defaultMaxIdleMs(schedule, 0));
    assertEquals(5_000, BenchStream.defaultMaxIdleMs(List.of(at(0)), 30));
  }

  @Test
  void percentilesAreNearestRank() {
    long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
    assertEquals(50, BenchStream.percentile(sorted, 50));
    assertEquals(100, BenchStream.percentile(sorted, 99));
    assertEquals(-1, BenchStream.percentile(new long[0], 50));
  }
}
