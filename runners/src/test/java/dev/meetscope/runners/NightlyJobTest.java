package dev.meetscope.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.runners.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code meetscope nightly} on the bundled fixtures and checks that the counts add up. */
class NightlyJobTest {
  static final Path FIXTURES = Path.of("../fixtures/meetings");
  static final List<String> TABLES = List.of("participant_session", "utterance", "chat_message",
      "meeting_event", "participant_meeting", "meeting", "meeting_timeline", "utterance_sentiment",
      "meeting_topic", "action_item", "score_component", "series_trend", "meeting_anomaly", "person_week",
      "dead_letter");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {}

  /**
   * Runs the CLI. The fixtures carry no consent flags, so a {@code nightly} run without {@code --consentMode}
   * runs in pilot mode ({@code all}) here; governance tests pass their own mode.
   */
  static Run meetscope(String... given) {
    List<String> list = new ArrayList<>(List.of(given));
    if (!list.isEmpty() && list.get(0).equals("nightly")) {
      if (list.stream().noneMatch(a -> a.startsWith("--consentMode"))) {
        list.add("--consentMode=all");
      }
      // One fixed key for the tests, so two runs (Direct and Flink, first and rerun) agree on participant keys.
      if (list.stream().noneMatch(a -> a.startsWith("--pseudonymKey")) && !list.contains("--help")) {
        list.add("--pseudonymKey=file:" + testKey());
      }
    }
    String[] args = list.toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new Meetscope().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Path testKey;

  /** A pseudonym key file for test runs (32 ASCII bytes), made once per JVM. */
  static synchronized Path testKey() {
    if (testKey == null) {
      try {
        testKey = Files.createTempFile("meetscope-test-key", "");
        Files.writeString(testKey, "test-pseudonym-key-0123456789abcdef\n");
        testKey.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return testKey;
  }

  /** Every JSON line of a table, across shards. */
  static List<String> rows(Path output, String table) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(output.resolve(table))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
      }
    }
    return lines;
  }

  @Test
  void countsAddUpForEveryFileAndEveryTable(@TempDir Path out) throws IOException {
    Run run = meetscope("nightly", "--input=" + FIXTURES, "--output=" + out, "--sink=jsonl");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.out().contains("meetscope nightly:"), run.out());

    JsonNode metrics = JSON.readTree(out.resolve("_METRICS.json").toFile());
    long filesInFixtures;
    try (Stream<Path> s = Files.walk(FIXTURES)) {
      filesInFixtures = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }
    assertEquals(filesInFixtures, metrics.get("files").size(), "every input file is accounted for");
    Map<String, Long> parsedByTable = new TreeMap<>();
    long deadLettered = 0;
    for (JsonNode f : metrics.get("files")) {
      long read = f.get("records_read").asLong();
      assertEquals(read, f.get("parsed").asLong() + f.get("dead_lettered").asLong(), f.toString());
      deadLettered += f.get("dead_lettered").asLong();
      String table = tableOf(f.get("format").asText());
      if (table != null) {
        parsedByTable.merge(table, f.get("parsed").asLong(), Long::sum);
      }
    }
    assertTrue(metrics.get("totals").get("counts_add_up").asBoolean());
    assertEquals(deadLettered, metrics.get("totals").get("dead_lettered").asLong());
    for (String table : List.of("participant_session", "utterance", "chat_message", "meeting_event")) {
      assertEquals(parsedByTable.getOrDefault(table, 0L), (long) rows(out, table).size(), table);
      assertEquals(rows(out, table).size(), metrics.get("tables").get(table).asLong(), table);
    }
    assertEquals(deadLettered, rows(out, "dead_letter").size());
    assertTrue(deadLettered > 0, "the malformed fixtures must produce dead letters");

    // Every dead letter carries source, location, reason and raw text.
    for (String line : rows(out, "dead_letter")) {
      JsonNode d = JSON.readTree(line);
      assertTrue(d.hasNonNull("source_file") && d.hasNonNull("reason") && d.hasNonNull("message"), line);
      assertTrue(d.hasNonNull("source_line") || d.hasNonNull("byte_offset"), line);
      assertTrue(d.hasNonNull("raw_text"), line);
    }
    NightlyAnalyticsTest.assertEverySubsetGivesRowsAndNoAnalysisDeadLetters(out);
    // Every record carries its lineage.
    for (String table : List.of("participant_session", "utterance", "chat_message", "meeting_event")) {
      for (String line : rows(out, table)) {
        JsonNode r = JSON.readTree(line);
        assertTrue(r.hasNonNull("meeting_key") && r.hasNonNull("source_file")
            && r.get("source_line").asLong() > 0, line);
      }
    }
  }

  @Test
  void rerunReplacesTheOutputInsteadOfAddingToIt(@TempDir Path out, @TempDir Path secrets) throws IOException {
    Path input = FIXTURES.resolve("transcript-only");
    // Reruns are identical only under one pseudonym key: without --pseudonymKey each run draws its own.
    Path keyFile = secrets.resolve("pseudonym.key");
    Files.writeString(keyFile, "0123456789abcdef0123456789abcdef\n");
    String key = "--pseudonymKey=file:" + keyFile;
    assertEquals(ExitCodes.OK, meetscope("nightly", "--input=" + input, "--output=" + out,
        "--sink=jsonl", key).exit());
    Map<String, List<String>> first = new TreeMap<>();
    for (String t : TABLES) {
      first.put(t, rows(out, t).stream().sorted().toList());
    }
    assertEquals(ExitCodes.OK, meetscope("nightly", "--input=" + input, "--output=" + out,
        "--sink=jsonl", key).exit());
    for (String t : TABLES) {
      assertEquals(first.get(t), rows(out, t).stream().sorted().toList(), t);
    }
    assertEquals(25, first.get("utterance").size());
    assertEquals(Set.of("_METRICS.json", "chat_message", "dead_letter", "meeting_event",
        "participant_session", "utterance", "participant_meeting", "meeting", "meeting_timeline",
        "utterance_sentiment", "meeting_topic", "action_item", "score_component", "series_trend",
        "meeting_anomaly", "person_week", "reports", "run_audit", "views"), listNames(out));
    assertEquals(1, first.get("meeting").size());
  }

  @Test
  void parquetIsTheDefaultSink(@TempDir Path out) throws IOException {
    assertEquals(ExitCodes.OK, meetscope("nightly", "--input=" + FIXTURES.resolve("transcript-only"),
        "--output=" + out).exit());
    try (Stream<Path> s = Files.list(out.resolve("utterance"))) {
      assertTrue(s.anyMatch(p -> p.getFileName().toString().matches("part-\\d{5}-of-\\d{5}\\.parquet")));
    }
  }

  @Test
  void badOptionsMissingInputAndUnknownCommandsHaveDistinctExitCodes(@TempDir Path out) {
    Run badSink = meetscope("nightly", "--sink=csv", "--output=" + out);
    assertEquals(ExitCodes.BAD_OPTIONS, badSink.exit());
    assertTrue(badSink.err().contains("--sink must be one of parquet, jsonl"), badSink.err());
    Run unknownOption = meetscope("nightly", "--bogus=1");
    assertEquals(ExitCodes.BAD_OPTIONS, unknownOption.exit());
    assertTrue(unknownOption.err().contains("bogus"), unknownOption.err());
    Run badZone = meetscope("nightly", "--timeZone=Mars/Base", "--output=" + out);
    assertEquals(ExitCodes.BAD_OPTIONS, badZone.exit());
    assertTrue(badZone.err().contains("--timeZone"), badZone.err());
    Run missing = meetscope("nightly", "--input=" + out.resolve("nowhere"), "--output=" + out);
    assertEquals(ExitCodes.MISSING_INPUT, missing.exit());
    assertTrue(missing.err().contains("holds no meeting files"), missing.err());
    assertEquals(ExitCodes.BAD_OPTIONS, meetscope("frobnicate").exit());
  }

  @Test
  void helpDescribesEveryOption() {
    Run top = meetscope("--help");
    assertEquals(ExitCodes.OK, top.exit());
    assertTrue(top.out().contains("nightly") && top.out().contains("generate"), top.out());
    Run nightly = meetscope("nightly", "--help");
    for (String option : List.of("--input", "--output", "--sink", "--timeZone", "--chatKeywords",
        "--countPrivateChat", "--runner", "--flinkMaster", "--parser", "--parseTimeoutMs", "--maxTopics")) {
      assertTrue(nightly.out().contains(option), option);
    }
    Run generate = meetscope("generate", "--help");
    for (String option : List.of("--meetings", "--participants", "--seed", "--output")) {
      assertTrue(generate.out().contains(option), option);
    }
  }

  @Test
  void generateThenNightlyReadsEverythingWithoutDeadLetters(@TempDir Path dir) throws IOException {
    Path gen = dir.resolve("gen");
    Run g = meetscope("generate", "--meetings=2", "--participants=15", "--seed=5", "--minutes=20",
        "--output=" + gen);
    assertEquals(ExitCodes.OK, g.exit(), g.err());
    Path out = dir.resolve("out");
    assertEquals(ExitCodes.OK, meetscope("nightly", "--input=" + gen, "--output=" + out,
        "--sink=jsonl").exit());
    assertEquals(0, rows(out, "dead_letter").size());
    JsonNode metrics = JSON.readTree(out.resolve("_METRICS.json").toFile());
    assertEquals(2, metrics.get("totals").get("meetings").asLong());
    assertEquals(8, metrics.get("totals").get("files").asLong());
  }

  private static Set<String> listNames(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
    }
  }

  static String tableOf(String format) {
    return switch (format) {
      case "participant_csv", "report_api_json", "past_meeting_api_json" -> "participant_session";
      case "cloud_transcript", "closed_caption", "local_saved_captions" -> "utterance";
      case "cloud_chat", "local_saved_chat" -> "chat_message";
      case "webhook_events" -> "meeting_event";
      default -> null;
    };
  }
}
