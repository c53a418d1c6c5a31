package dev.meetscope.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.runners.NightlyJobTest.Run;
import dev.meetscope.runners.cli.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI refuses an incomplete {@code --sink=bigquery} with exit code 2 before it contacts anything. */
class NightlyBigQueryOptionsTest {

  @Test
  void anIncompleteBigQuerySinkIsABadOption(@TempDir Path out) {
    String input = "--input=" + NightlyJobTest.FIXTURES.resolve("transcript-only");
    Run noDataset = NightlyJobTest.meetscope("nightly", input, "--output=" + out, "--sink=bigquery",
        "--date=2026-03-02", "--tempLocation=gs://b/tmp");
    assertEquals(ExitCodes.BAD_OPTIONS, noDataset.exit());
    assertTrue(noDataset.err().contains("--sink=bigquery needs --bigQueryDataset=project:dataset"), noDataset.err());

    Run malformed = NightlyJobTest.meetscope("nightly", input, "--output=" + out, "--sink=bigquery",
        "--bigQueryDataset=acme-analytics/meetscope", "--date=2026-03-02", "--tempLocation=gs://b/tmp");
    assertEquals(ExitCodes.BAD_OPTIONS, malformed.exit());
    assertTrue(malformed.err().contains("--bigQueryDataset must be project:dataset"), malformed.err());

    Run noDate = NightlyJobTest.meetscope("nightly", input, "--output=" + out, "--sink=bigquery",
        "--bigQueryDataset=acme-analytics:meetscope", "--tempLocation=gs://b/tmp");
    assertEquals(ExitCodes.BAD_OPTIONS, noDate.exit());
    assertTrue(noDate.err().contains("give --date=YYYY-MM-DD or --date=yesterday"), noDate.err());
  }

  @Test
  void aBadRetentionIsABadOptionAndHelpNamesThePurge(@TempDir Path out) {
    String input = "--input=" + NightlyJobTest.FIXTURES.resolve("transcript-only");
    Run zero = NightlyJobTest.meetscope("nightly", input, "--output=" + out, "--sink=bigquery",
        "--bigQueryDataset=acme-analytics:meetscope", "--date=2026-03-02", "--tempLocation=gs://b/tmp",
        "--retentionDays=0");
    assertEquals(ExitCodes.BAD_OPTIONS, zero.exit());
    assertTrue(zero.err().contains("--retentionDays: must be at least 1 day, got 0"), zero.err());

    Run files = NightlyJobTest.meetscope("nightly", input, "--output=" + out, "--sink=jsonl", "--retentionDays=30");
    assertEquals(ExitCodes.BAD_OPTIONS, files.exit());
    assertTrue(files.err().contains("meetscope purge --olderThanDays=30"), files.err());

    Run help = NightlyJobTest.meetscope("nightly", "--help");
    assertTrue(help.out().contains("--retentionDays") && help.out().contains("meetscope purge --olderThanDays"),
        help.out());
  }
}
