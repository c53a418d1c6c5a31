package dev.meetscope.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.flink.FlinkClusterCommand;
import dev.meetscope.runners.nightly.NightlyCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --date} partitions and {@code --dryRun}: what a scheduler relies on. */
class NightlyScheduleTest {
  /** 2026-03-03 00:30 UTC: "yesterday" is 2026-03-02 in UTC and 2026-03-01 in New York. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T00:30:00Z"), ZoneOffset.UTC);

  private static NightlyJobTest.Run meetscope(String... given) {
    // The fixtures carry no consent flags: pilot mode, and the test key, as in NightlyJobTest.
    List<String> list = new java.util.ArrayList<>(List.of(given));
    list.add("--consentMode=all");
    list.add("--pseudonymKey=file:" + NightlyJobTest.testKey());
    String[] args = list.toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new Meetscope(List.of(new NightlyCommand(CLOCK), new FlinkClusterCommand())).run(args,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new NightlyJobTest.Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A landing folder with two days: one meeting on 2026-03-01, another on 2026-03-02. */
  private static Path landing(Path dir) throws IOException {
    Path landing = dir.resolve("landing");
    copy(NightlyJobTest.FIXTURES.resolve("transcript-only"), landing.resolve("2026-03-01/transcript-only"));
    copy(NightlyJobTest.FIXTURES.resolve("chat-only-cloud"), landing.resolve("2026-03-02/chat-only-cloud"));
    return landing;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  @Test
  void eachDayReadsItsPartitionAndARerunReplacesOnlyThatDay(@TempDir Path dir) throws IOException {
    Path landing = landing(dir);
    Path out = dir.resolve("tables");
    NightlyJobTest.Run first = meetscope("nightly", "--input=" + landing, "--output=" + out, "--sink=jsonl",
        "--date=2026-03-01");
    assertEquals(ExitCodes.OK, first.exit(), first.err());
    assertEquals(ExitCodes.OK, meetscope("nightly", "--input=" + landing, "--output=" + out, "--sink=jsonl",
        "--date=2026-03-02").exit());
    assertEquals(25, NightlyJobTest.rows(out.resolve("2026-03-01"), "utterance").size());
    assertEquals(0, NightlyJobTest.rows(out.resolve("2026-03-01"), "chat_message").size());
    List<String> day2Chat = NightlyJobTest.rows(out.resolve("2026-03-02"), "chat_message");
    assertFalse(day2Chat.isEmpty());
    assertEquals(0, NightlyJobTest.rows(out.resolve("2026-03-02"), "utterance").size());
    assertTrue(Files.readString(out.resolve("2026-03-01/_METRICS.json")).contains("\"date\" : \"2026-03-01\""));

    // Rerun day 1 with a meeting added: day 1 is replaced, day 2 untouched.
    copy(NightlyJobTest.FIXTURES.resolve("chat-only-cloud"), landing.resolve("2026-03-01/chat-only-cloud"));
    long day2Modified = Files.getLastModifiedTime(out.resolve("2026-03-02/_METRICS.json")).toMillis();
    assertEquals(ExitCodes.OK, meetscope("nightly", "--input=" + landing, "--output=" + out, "--sink=jsonl",
        "--date=2026-03-01").exit());
    assertEquals(25, NightlyJobTest.rows(out.resolve("2026-03-01"), "utterance").size());
    assertEquals(day2Chat.size(), NightlyJobTest.rows(out.resolve("2026-03-01"), "chat_message").size());
    assertEquals(day2Chat, NightlyJobTest.rows(out.resolve("2026-03-02"), "chat_message"));
    assertEquals(day2Modified, Files.getLastModifiedTime(out.resolve("2026-03-02/_METRICS.json")).toMillis());
  }

  @Test
  void yesterdayIsTakenInTheTimeZoneAndPlaceholdersPutTheDayAnywhere(@TempDir Path dir) throws IOException {
    Path landing = landing(dir);
    Path out = dir.resolve("tables");
    NightlyJobTest.Run utc = meetscope("nightly", "--input=" + landing, "--output=" + out + "/day={date}",
        "--sink=jsonl", "--date=yesterday");
    assertEquals(ExitCodes.OK, utc.exit(), utc.err());
    assertTrue(Files.isRegularFile(out.resolve("day=2026-03-02/_METRICS.json")));
    NightlyJobTest.Run newYork = meetscope("nightly", "--input=" + landing + "/{date}", "--output=" + out
        + "/day={date}", "--sink=jsonl", "--date=yesterday", "--timeZone=America/New_York");
    assertEquals(ExitCodes.OK, newYork.exit(), newYork.err());
    assertEquals(25, NightlyJobTest.rows(out.resolve("day=2026-03-01"), "utterance").size());
  }

  @Test
  void aMissingDayBadDatesAndStrayPlaceholdersHaveClearExitCodes(@TempDir Path dir) throws IOException {
    Path landing = landing(dir);
    NightlyJobTest.Run missing = meetscope("nightly", "--input=" + landing, "--output=" + dir.resolve("t"),
        "--date=2026-02-27");
    assertEquals(ExitCodes.MISSING_INPUT, missing.exit());
    assertTrue(missing.err().contains(landing.resolve("2026-02-27").toString()), missing.err());
    NightlyJobTest.Run bad = meetscope("nightly", "--input=" + landing, "--date=02/03/2026");
    assertEquals(ExitCodes.BAD_OPTIONS, bad.exit());
    assertTrue(bad.err().contains("--date must be YYYY-MM-DD or 'yesterday', got '02/03/2026'"), bad.err());
    NightlyJobTest.Run noInput = meetscope("nightly", "--date=2026-03-01");
    assertEquals(ExitCodes.BAD_OPTIONS, noInput.exit());
    assertTrue(noInput.err().contains("--date selects a day under --input"), noInput.err());
    NightlyJobTest.Run stray = meetscope("nightly", "--input=" + landing + "/{date}");
    assertEquals(ExitCodes.BAD_OPTIONS, stray.exit());
    assertTrue(stray.err().contains("say which day with --date"), stray.err());
  }

  @Test
  void dryRunReportsThePlanAndWritesNothing(@TempDir Path dir) throws IOException {
    Path landing = landing(dir);
    Path out = dir.resolve("tables");
    NightlyJobTest.Run dry = meetscope("nightly", "--input=" + landing, "--output=" + out, "--date=2026-03-01",
        "--dryRun");
    assertEquals(ExitCodes.OK, dry.exit(), dry.err());
    assertTrue(dry.out().contains("nothing was run or written"), dry.out());
    assertTrue(dry.out().contains("date:    2026-03-01"), dry.out());
    assertTrue(dry.out().contains(": 1 files in 1 meeting folders"), dry.out());
    assertTrue(dry.out().contains("output:  " + out.resolve("2026-03-01") + " (parquet)"), dry.out());
    assertFalse(Files.exists(out));
    NightlyJobTest.Run badSink = meetscope("nightly", "--input=" + landing, "--sink=csv", "--dryRun");
    assertEquals(ExitCodes.BAD_OPTIONS, badSink.exit());
  }
}
