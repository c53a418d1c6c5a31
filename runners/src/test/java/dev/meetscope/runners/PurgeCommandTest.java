package dev.meetscope.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.runners.purge.PurgeCommand;
import dev.meetscope.transforms.governance.PseudonymKey;
import dev.meetscope.runners.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurgeCommandTest {
  private static final Clock APRIL_10 = Clock.fixed(Instant.parse("2026-04-10T03:00:00Z"), ZoneOffset.UTC);

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int exit, String out, String err) {}

  private static Run purge(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 1];
    all[0] = "purge";
    System.arraycopy(args, 0, all, 1, args.length);
    int exit = new Meetscope(List.of(new PurgeCommand(APRIL_10))).run(all,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Path file(Path root, String relative) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, "{}\n");
  }

  @Test
  void olderThanDaysDeletesOldDaysAndKeepsTheAuditAndUndatedFiles(@TempDir Path out) throws IOException {
    Path old = file(out, "2026-03-10/participant_meeting/part-00000-of-00001.jsonl");
    Path oldMetrics = file(out, "2026-03-10/_METRICS.json");
    Path kept = file(out, "2026-03-11/participant_meeting/part-00000-of-00001.jsonl");
    Path audit = file(out, "run_audit/run_date=2026-01-01/20260101T000000Z-0000abcd.jsonl");
    Path undated = file(out, "meeting/part-00000-of-00001.jsonl");

    Run dry = purge("--output=" + out, "--olderThanDays=30", "--dryRun=true");
    assertEquals(ExitCodes.OK, dry.exit(), dry.err());
    assertTrue(Files.exists(old));
    assertTrue(dry.out().contains("would delete 2026-03-10/_METRICS.json"), dry.out());

    Run run = purge("--output=" + out, "--olderThanDays=30");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertFalse(Files.exists(old));
    assertFalse(Files.exists(oldMetrics));
    assertTrue(Files.exists(kept) && Files.exists(audit) && Files.exists(undated));
    assertTrue(run.out().contains("2 files older than 30 days (dated before 2026-03-11) deleted"), run.out());

    // The dry run left no audit row; the purge appended one beside the earlier one, which it left alone.
    List<JsonNode> rows = auditRows(out);
    assertEquals(2, rows.size(), rows.toString());
    assertEquals("{}", Files.readString(audit).strip());
    JsonNode row = rows.get(1);
    assertEquals("purge", row.get("command").asText());
    assertEquals("succeeded", row.get("status").asText());
    assertEquals(5, row.get("input_files").asLong(), "the five files listed, the earlier audit row included");
    assertEquals("[{\"table\":\"_METRICS.json:files\",\"rows\":1},{\"table\":\"participant_meeting:files\",\"rows\":1}]",
        row.get("output_tables").toString());
  }

  /** The run_audit rows under {@code root}, in path order (run date, then run id). */
  private static List<JsonNode> auditRows(Path root) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root.resolve("run_audit"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        rows.add(JSON.readTree(Files.readString(f)));
      }
    }
    return rows;
  }

  @Test
  void optionsAreChecked(@TempDir Path out) throws IOException {
    assertEquals(ExitCodes.BAD_OPTIONS, purge("--output=" + out).exit());
    assertEquals(ExitCodes.BAD_OPTIONS, purge("--output=" + out, "--olderThanDays=0").exit());
    Run noKey = purge("--output=" + out, "--person=ada@example.com");
    assertEquals(ExitCodes.BAD_OPTIONS, noKey.exit());
    assertTrue(noKey.err().contains("--pseudonymKey"), noKey.err());
    Run nothing = purge("--output=" + out);
    assertTrue(nothing.err().startsWith("meetscope purge: say what to purge"), nothing.err());
    assertFalse(nothing.err().contains("meetscope purge: meetscope purge:"), "the prefix is said once");
  }

  @Test
  void anUnreadableTableFileStopsThePersonPurgeBeforeAnythingChanges(@TempDir Path out) throws IOException {
    Path key = Files.writeString(out.resolve("k"), "0123456789abcdef0123456789abcdef");
    Path rows = Files.createDirectories(out.resolve("chat_message")).resolve("part-00000-of-00001.jsonl");
    String chat = "{\"meeting_key\":\"m1\",\"sender_label\":\"Ada Example\",\"text\":\"hi\"}\n";
    Files.writeString(rows, chat);
    file(out, "participant_meeting/part-00000-of-00001.parquet"); // "{}": not Parquet
    Run run = purge("--output=" + out, "--person=name:Ada Example", "--pseudonymKey=file:" + key);
    assertEquals(ExitCodes.MISSING_INPUT, run.exit(), run.err());
    assertTrue(run.err().contains("participant_meeting/part-00000-of-00001.parquet is not a readable Parquet "
        + "table file"), run.err());
    assertEquals(chat, Files.readString(rows), "nothing changed");
  }

  @Test
  void personPurgeDeletesTheReportPagesOfTheirMeetingsAndPagesNamingThem(@TempDir Path out) throws IOException {
    Path key = Files.writeString(out.resolve("k"), "0123456789abcdef0123456789abcdef");
    String theirKey = PseudonymKey.of("file:" + key).pseudonymizer()
        .participantKey("email:ada@example.com");
    Path root = out.resolve("o");
    Path rows = root.resolve("participant_meeting/part-00000-of-00001.jsonl");
    Files.createDirectories(rows.getParent());
    Files.writeString(rows, "{\"meeting_key\":\"m1\",\"participant_key\":\"" + theirKey + "\"}\n"
        + "{\"meeting_key\":\"m1\",\"participant_key\":\"someone-else\"}\n");
    Path theirMeeting = Files.writeString(Files.createDirectories(root.resolve("reports/meetings"))
        .resolve("m1.html"), "<td>Person 1</td><td>12.0</td>");
    // Named with an escaped apostrophe in another meeting's page (identities on): found all the same.
    Path naming = Files.writeString(root.resolve("reports/meetings/m2.html"),
        "<td>O&#39;Neil, ada@EXAMPLE.com</td>");
    Path other = Files.writeString(root.resolve("reports/meetings/m3.html"), "<td>Person 1</td>");
    Path index = Files.writeString(root.resolve("reports/index.html"), "<a href=\"meetings/m3.html\">m3</a>");

    Run dry = purge("--output=" + root, "--person=ada@example.com", "--pseudonymKey=file:" + key, "--dryRun=true");
    assertEquals(ExitCodes.OK, dry.exit(), dry.err());
    assertTrue(dry.out().contains("would delete reports/meetings/m1.html"), dry.out());
    assertTrue(Files.exists(theirMeeting));

    Run run = purge("--output=" + root, "--person=ada@example.com", "--pseudonymKey=file:" + key);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertFalse(Files.exists(theirMeeting), run.out());
    assertFalse(Files.exists(naming), run.out());
    assertTrue(Files.exists(other) && Files.exists(index), run.out());
    assertEquals("{\"meeting_key\":\"m1\",\"participant_key\":\"someone-else\"}\n", Files.readString(rows));

    // One audit row, for the real run: it says a person was purged and from which table, not who.
    List<JsonNode> audit = auditRows(root);
    assertEquals(1, audit.size());
    String row = audit.get(0).toString();
    assertFalse(row.contains("ada@example.com") || row.contains(theirKey), row);
    assertTrue(row.contains("{\"name\":\"person\",\"value\":\"[redacted]\"}"), row);
    assertEquals("[{\"table\":\"participant_meeting\",\"rows\":1}]", audit.get(0).get("output_tables").toString());
    assertEquals(PseudonymKey.of("file:" + key).pseudonymizer().keyId(), audit.get(0).get("pseudonym_key_id").asText());
  }
}
