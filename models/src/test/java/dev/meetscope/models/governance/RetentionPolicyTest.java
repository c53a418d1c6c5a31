package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.governance.RetentionPolicy.Action;
import dev.meetscope.models.governance.RetentionPolicy.PathDecision;
import dev.meetscope.models.governance.RetentionPolicy.Partition;
import dev.meetscope.models.governance.RetentionPolicy.Reason;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
  static final LocalDate TODAY = LocalDate.parse("2026-03-31");

  @Test
  void partitionExactlyNDaysOldIsKeptOneMoreIsDeleted() {
    RetentionPolicy p = new RetentionPolicy(30);
    assertEquals(LocalDate.parse("2026-03-01"), p.oldestKept(TODAY));
    assertFalse(p.expired(LocalDate.parse("2026-03-01"), TODAY));
    assertTrue(p.expired(LocalDate.parse("2026-02-28"), TODAY));
    assertFalse(p.expired(TODAY, TODAY));
  }

  @Test
  void dateArithmeticAcrossLeapDaysAndYears() {
    RetentionPolicy oneDay = new RetentionPolicy(1);
    LocalDate leapNext = LocalDate.parse("2028-03-01");
    assertEquals(LocalDate.parse("2028-02-29"), oneDay.oldestKept(leapNext));
    assertTrue(oneDay.expired(LocalDate.parse("2028-02-28"), leapNext));
    assertFalse(oneDay.expired(LocalDate.parse("2028-02-29"), leapNext));
    RetentionPolicy week = new RetentionPolicy(7);
    assertEquals(LocalDate.parse("2025-12-27"), week.oldestKept(LocalDate.parse("2026-01-03")));
    assertEquals(LocalDate.parse("2025-03-31"), new RetentionPolicy(365).oldestKept(TODAY));
  }

  @Test
  void plansAFolderTree() {
    List<String> paths = List.of(
        "out/participant_meeting/meeting_date=2026-02-28/part-00000.parquet",
        "out/participant_meeting/meeting_date=2026-03-01/part-00000.parquet",
        "gs://acme/out/host/host_key=ab12/meeting/meeting_date=2026-01-15/part-00000.parquet",
        "out/_audit/run_audit/run_date=2025-01-01/20250101T000000Z-0000000a.json",
        "out/dead_letter/run_date=2026-02-01/part-00000.jsonl",
        "out/manager/team_week/week_start=2026-02-23/part-00000.parquet",
        "out/manager/team_week/week_start=2026-02-16/part-00000.parquet",
        "out/_METRICS.json",
        "out/meeting/meeting_date=2026-02-30/part-00000.parquet",
        "C:\\out\\meeting\\meeting_date=2026-01-01\\part-00000.parquet");
    assertEquals(List.of(
        new PathDecision("C:\\out\\meeting\\meeting_date=2026-01-01\\part-00000.parquet",
            Action.DELETE, Reason.EXPIRED),
        new PathDecision("gs://acme/out/host/host_key=ab12/meeting/meeting_date=2026-01-15/"
            + "part-00000.parquet", Action.DELETE, Reason.EXPIRED),
        new PathDecision("out/_METRICS.json", Action.KEEP, Reason.NO_PARTITION_DATE),
        new PathDecision("out/_audit/run_audit/run_date=2025-01-01/20250101T000000Z-0000000a.json",
            Action.KEEP, Reason.EXEMPT_TABLE),
        new PathDecision("out/dead_letter/run_date=2026-02-01/part-00000.jsonl",
            Action.DELETE, Reason.EXPIRED),
        new PathDecision("out/manager/team_week/week_start=2026-02-16/part-00000.parquet",
            Action.DELETE, Reason.EXPIRED),
        new PathDecision("out/manager/team_week/week_start=2026-02-23/part-00000.parquet",
            Action.KEEP, Reason.WITHIN_RETENTION),
        new PathDecision("out/meeting/meeting_date=2026-02-30/part-00000.parquet",
            Action.KEEP, Reason.BAD_PARTITION_DATE),
        new PathDecision("out/participant_meeting/meeting_date=2026-02-28/part-00000.parquet",
            Action.DELETE, Reason.EXPIRED),
        new PathDecision("out/participant_meeting/meeting_date=2026-03-01/part-00000.parquet",
            Action.KEEP, Reason.WITHIN_RETENTION)),
        new RetentionPolicy(30).plan(paths, TODAY));
    assertEquals(5, new RetentionPolicy(30).toDelete(paths, TODAY).size());
  }

  @Test
  void partitionParsing() {
    assertEquals(Optional.of(new Partition("meeting", "meeting_date", LocalDate.parse("2026-01-15"),
            LocalDate.parse("2026-01-15"))),
        RetentionPolicy.partitionOf("gs://b/out/host/host_key=ab12/meeting/meeting_date=2026-01-15/x"));
    assertEquals(Optional.of(new Partition("team_week", "week_start", LocalDate.parse("2026-02-23"),
            LocalDate.parse("2026-03-01"))),
        RetentionPolicy.partitionOf("out/manager/team_week/week_start=2026-02-23/a.parquet"));
    assertEquals(Optional.empty(), RetentionPolicy.partitionOf("out/meeting/host_key=x/a.parquet"));
    assertThrows(DateTimeException.class,
        () -> RetentionPolicy.partitionOf("out/meeting/meeting_date=2026-13-01/a"));
  }

  @Test
  void theDayFolderOfANightlyDateRunIsAPartition() {
    assertEquals(Optional.of(new Partition("participant_meeting", "date", LocalDate.parse("2026-03-02"),
            LocalDate.parse("2026-03-02"))),
        RetentionPolicy.partitionOf("/data/out/2026-03-02/participant_meeting/part-00000-of-00001.jsonl"));
    // A file named like a date is not a folder, and _METRICS.json of the day is the day's too.
    assertEquals(Optional.empty(), RetentionPolicy.partitionOf("out/2026-03-02"));
    RetentionPolicy p = new RetentionPolicy(30);
    LocalDate today = LocalDate.parse("2026-04-10");
    assertEquals(List.of("out/2026-03-10/_METRICS.json", "out/2026-03-10/meeting/part-0.jsonl"),
        p.toDelete(List.of("out/2026-03-10/meeting/part-0.jsonl", "out/2026-03-11/meeting/part-0.jsonl",
            "out/2026-03-10/_METRICS.json", "out/run_audit/run_date=2026-01-01/r.jsonl"), today));
  }

  @Test
  void bigQueryOptionAndValidation() {
    assertEquals("partition_expiration_days = 90", new RetentionPolicy(90).bigQueryOption());
    InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> new RetentionPolicy(0));
    assertEquals("--retentionDays: must be at least 1 day, got 0", e.getMessage());
    assertEquals("--retentionDays: must be at least 1 day, got -3",
        assertThrows(InvalidOptionException.class, () -> new RetentionPolicy(-3)).getMessage());
    assertEquals("--retentionDays: must be at most 100000 days, got 100001",
        assertThrows(InvalidOptionException.class, () -> new RetentionPolicy(100_001)).getMessage());
    assertEquals(30L * 86_400_000L, new RetentionPolicy(30).expirationMs());
    assertEquals(100_000L * 86_400_000L, new RetentionPolicy(RetentionPolicy.MAX_DAYS).expirationMs());
  }
}
