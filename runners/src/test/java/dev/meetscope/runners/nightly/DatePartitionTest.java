package dev.meetscope.runners.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatePartitionTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T02:00:00Z"), ZoneOffset.UTC);

  @Test
  void theDayIsAppendedOrReplacesThePlaceholder() {
    DatePartition p = DatePartition.of("2026-03-02", ZoneOffset.UTC, CLOCK, "gs://b/landing/", "/data/tables");
    assertEquals(new DatePartition(LocalDate.of(2026, 3, 2), "gs://b/landing/2026-03-02", "/data/tables/2026-03-02"), p);
    DatePartition q = DatePartition.of("2026-03-02", ZoneOffset.UTC, CLOCK, "/zoom/{date}/export",
        "gs://b/t/dt={date}");
    assertEquals("/zoom/2026-03-02/export", q.input());
    assertEquals("gs://b/t/dt=2026-03-02", q.output());
  }

  @Test
  void yesterdayDependsOnTheZone() {
    assertEquals(LocalDate.of(2026, 3, 2), DatePartition.parseDate("yesterday", ZoneOffset.UTC, CLOCK));
    assertEquals(LocalDate.of(2026, 3, 1), DatePartition.parseDate("Yesterday",
        ZoneId.of("America/Los_Angeles"), CLOCK));
    assertEquals(LocalDate.of(2025, 12, 31), DatePartition.parseDate(" 2025-12-31 ", ZoneOffset.UTC, CLOCK));
  }

  @Test
  void anythingElseIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatePartition.parseDate("2026-3-2", ZoneOffset.UTC, CLOCK));
    assertEquals("--date must be YYYY-MM-DD or 'yesterday', got '2026-3-2'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DatePartition.parseDate("today", ZoneOffset.UTC, CLOCK));
  }
}
