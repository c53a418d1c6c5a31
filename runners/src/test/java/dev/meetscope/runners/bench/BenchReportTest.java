package dev.meetscope.runners.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.meetscope.runners.cli.UsageException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The arithmetic and formatting of benchmark reports, on fixed measurements (no timing here). */
class BenchReportTest {
  private static final RunStats DIRECT_50 = new RunStats("direct", 50, 100_000, 30.0, 45.0, 900L << 20,
      600L << 20, 2.5);
  private static final RunStats DIRECT_100 = new RunStats("direct", 100, 200_000, 55.0, 88.0, 1000L << 20,
      700L << 20, 4.0);
  private static final RunStats FLINK_50 = new RunStats("flink-local", 50, 100_000, 36.0, 63.0, 1200L << 20,
      800L << 20, 3.0);

  @Test
  void derivedFigures() {
    assertEquals(100.0, DIRECT_50.meetingsPerMinute(), 1e-9);
    assertEquals(0.9, DIRECT_50.cpuSecondsPerMeeting(), 1e-9);
    assertEquals(0.55, DIRECT_100.wallSecondsPerMeeting(), 1e-9);
  }

  @Test
  void markdownTableRatiosAndScaling() {
    assertEquals("""
        | runner | meetings | records read | wall s | meetings/min | CPU s | CPU s/meeting | peak RSS MiB | peak heap MiB | GC s |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        | direct | 50 | 100,000 | 30.0 | 100.0 | 45.0 | 0.900 | 900 | 600 | 2.5 |
        | flink-local | 50 | 100,000 | 36.0 | 83.3 | 63.0 | 1.260 | 1,200 | 800 | 3.0 |
        """, BenchReport.table(List.of(DIRECT_50, FLINK_50)));
    assertEquals(List.of("ratio flink-local/direct at 50 meetings: wall x1.20, CPU x1.40, peak RSS x1.33"),
        BenchReport.ratios(List.of(DIRECT_50, FLINK_50, DIRECT_100)));
    assertEquals(List.of("scaling direct: 50 meetings 30.0 s (0.600 s/meeting, x1.00 time for x1.00 meetings);"
        + " 100 meetings 55.0 s (0.550 s/meeting, x1.83 time for x2.00 meetings)"),
        BenchReport.scaling(List.of(DIRECT_50, FLINK_50, DIRECT_100)));
  }

  @Test
  void theNlpFloorIsComparedOnWallAndCpuTime() {
    assertEquals("nlp_floor=unavailable (NLP stage not in this build)",
        BenchReport.floor(DIRECT_100, Optional.empty()));
    // 55 / 22 = 2.50 on the wall clock, 88 / 25 = 3.52 in CPU seconds.
    assertEquals("nlp_floor=22.0 s wall, 25.0 CPU-s for 100 meetings (76,400 texts, one thread, models loaded in"
        + " 6.5 s); whole job on direct 55.0 s wall, 88.0 CPU-s = x2.50 the floor's wall time, x3.52 its CPU time",
        BenchReport.floor(DIRECT_100, Optional.of(new NlpFloor.Measurement(22.0, 25.0, 6.5, 76_400, 100))));
  }

  @Test
  void sizesAndRunnersAreChecked() {
    assertEquals(List.of(50, 100, 200), BenchNightly.sizes("200, 50,100,50"));
    assertEquals(List.of("flink", "direct"), BenchNightly.runners("Flink,direct,flink"));
    assertThrows(UsageException.class, () -> BenchNightly.sizes("0"));
    assertThrows(UsageException.class, () -> BenchNightly.sizes("many"));
    assertThrows(UsageException.class, () -> BenchNightly.runners("spark"));
  }
}
