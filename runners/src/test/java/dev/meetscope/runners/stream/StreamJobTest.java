package dev.meetscope.runners.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meetscope.fixtures.TownHall;
import dev.meetscope.fixtures.TownHallEvent;
import dev.meetscope.fixtures.TownHallEventGenerator;
import dev.meetscope.fixtures.TownHallSpec;
import dev.meetscope.models.analytics.MeetingAnalysis;
import dev.meetscope.models.analytics.MeetingAnalyzer;
import dev.meetscope.models.governance.IdentityPolicy;
import dev.meetscope.models.governance.Pseudonymizer;
import dev.meetscope.models.parse.webhook.WebhookEventReader;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.stream.StreamMeetingInput;
import dev.meetscope.runners.Meetscope;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.replay.Replayer;
import dev.meetscope.transforms.relay.NdjsonFileSink;
import dev.meetscope.transforms.schema.RecordSchemaProvider;
import dev.meetscope.transforms.sink.RowJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code meetscope stream} over a generated town hall written as relay files (with Zoom's retries):
 * it finishes on its own ({@code --maxIdle}), writes every table, and its final rows equal the batch analytics
 * of the same events.
 */
@Tag("slow")
class StreamJobTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A test pseudonym key (64 hex characters, as `openssl rand -hex 32` writes). */
  static final String KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  record Run(int exit, String out, String err) {}

  /**
   * Runs the CLI. Generated town halls carry no consent (webhooks have no manifest), so a {@code stream} run
   * without {@code --consentMode} runs in pilot mode ({@code all}), as the demo does.
   */
  static Run meetscope(String... given) {
    String[] args = given;
    if (given.length > 0 && given[0].equals("stream")
        && java.util.Arrays.stream(given).noneMatch(a -> a.startsWith("--consentMode") || a.equals("--help"))) {
      args = java.util.Arrays.copyOf(given, given.length + 1);
      args[given.length] = "--consentMode=all";
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new Meetscope().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A 150-person, 12-minute town hall: every event on time, 5 % of deliveries repeated. */
  static TownHall townHall() {
    return new TownHallEventGenerator().generate(TownHallSpec.of(150, 12, 11).inOrder().withDuplicates(0.05));
  }

  /** Writes the deliveries as the relay's NDJSON files, as fast as possible. */
  static void writeEvents(TownHall th, Path folder) throws Exception {
    Files.createDirectories(folder);
    try (NdjsonFileSink sink = new NdjsonFileSink(folder, "test", 256 * 1024, Duration.ofHours(1),
        Clock.systemUTC(), false, 10_000)) {
      new Replayer(Clock.systemUTC(), d -> { }).replay(Replayer.of(th), sink, 0);
    }
  }

  static List<String> rows(Path output, String table) throws IOException {
    List<String> lines = new ArrayList<>();
    Path dir = output.resolve(table);
    if (!Files.isDirectory(dir)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
      }
    }
    lines.sort(null);
    return lines;
  }

  /** On-time live panes without their pane index (how many early panes came first depends on timing). */
  static List<String> onTimePanes(Path output) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : rows(output, "live_window")) {
      JsonNode n = JSON.readTree(line);
      if (n.get("pane_timing").asText().equals("ON_TIME")) {
        ((ObjectNode) n).remove("pane_index");
        out.add(n.toString());
      }
    }
    out.sort(null);
    return out;
  }

  /** The batch analytics over the distinct events: what the stream's final rows must equal. */
  static MeetingAnalysis batchAnalysis(TownHall th) {
    WebhookEventReader reader = new WebhookEventReader();
    Set<String> seen = new HashSet<>();
    List<MeetingEvent> events = new ArrayList<>();
    for (TownHallEvent d : th.deliveries()) {
      if (seen.add(d.requestId())) {
        MeetingEvent e = reader.readDelivery(d.body(), "x", 1, d.requestId(), null).records().get(0);
        events.add(e.withMeetingKey(e.meetingUuid()));
      }
    }
    return new MeetingAnalyzer().analyze(StreamMeetingInput.build(th.uuid(), events));
  }

  static String[] args(Path events, Path out, String... more) {
    List<String> a = new ArrayList<>(List.of("stream", "--input=" + events, "--output=" + out, "--sink=jsonl",
        "--maxIdle=3s", "--pollInterval=100ms", "--flushInterval=3s", "--idleAdvance=0s"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void aReplayedTownHallEndsOnItsOwnWithTheBatchJobsFinalRows(@TempDir Path dir) throws Exception {
    TownHall th = townHall();
    Path events = dir.resolve("events");
    writeEvents(th, events);
    Path out = dir.resolve("out");
    Path key = dir.resolve("key");
    Files.writeString(key, KEY_HEX);
    Run run = meetscope(args(events, out, "--pseudonymKey=file:" + key, "--includeIdentities=true"));
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.out().contains(th.deliveries().size() + " deliveries"), run.out());

    // The batch analytics through the batch output policy, under the same key.
    MeetingAnalysis expected = batchAnalysis(th);
    IdentityPolicy policy = new IdentityPolicy(new Pseudonymizer(KEY_HEX.getBytes(StandardCharsets.US_ASCII)), true);
    assertEquals(List.of(RowJson.toJson(RecordSchemaProvider.toRow(policy.protect(expected.meeting(), t -> t)))),
        rows(out, "meeting"));
    List<String> people = new ArrayList<>();
    expected.participants().forEach(p -> people.add(RowJson.toJson(RecordSchemaProvider.toRow(policy.protect(p)))));
    people.sort(null);
    assertEquals(people, rows(out, "participant_meeting"));
    assertEquals(th.participants(), people.size());
    assertEquals(expected.timeline().size(), rows(out, "meeting_timeline").size());
    assertEquals(List.of(), rows(out, "dead_letter"));

    JsonNode metrics = JSON.readTree(out.resolve("_METRICS.json").toFile()).get("beam_counters");
    assertEquals(th.retries(), metrics.get("stream/duplicates").asLong());
    assertEquals(th.distinctEvents(), metrics.get("stream/accepted").asLong());
    assertEquals(0, metrics.path("stream/too_late").asLong());

    List<String> onTime = onTimePanes(out);
    assertFalse(onTime.isEmpty());
    List<String> alerts = rows(out, "dropoff_alert");
    assertFalse(alerts.isEmpty(), "the generated mass drop-off raises an alert");
    JsonNode alert = JSON.readTree(alerts.get(0));
    long dropoffSecond = th.dropoffMs() / 1000;
    long alertEnd = java.time.Instant.parse(alert.get("window_end").asText()).getEpochSecond();
    assertTrue(alertEnd > dropoffSecond && alertEnd <= dropoffSecond + 120, alert.toString());
  }

  @Test
  void optionsAreCheckedBeforeAnythingRuns(@TempDir Path dir) {
    Run missing = meetscope("stream", "--input=" + dir.resolve("nope"), "--output=" + dir.resolve("out"));
    assertEquals(ExitCodes.MISSING_INPUT, missing.exit(), missing.err());
    Run badWindow = meetscope("stream", "--input=" + dir, "--windowSize=65s", "--windowPeriod=10s");
    assertEquals(ExitCodes.BAD_OPTIONS, badWindow.exit());
    assertTrue(badWindow.err().contains("--windowSize (PT1M5S) must be a multiple of --windowPeriod"), badWindow.err());
    Run badSource = meetscope("stream", "--source=kafka");
    assertEquals(ExitCodes.BAD_OPTIONS, badSource.exit());
    Run noSubscription = meetscope("stream", "--source=pubsub");
    assertTrue(noSubscription.err().contains("--subscription"), noSubscription.err());
    Run help = meetscope("stream", "--help");
    assertEquals(ExitCodes.OK, help.exit());
    assertTrue(help.out().contains("--maxIdle="), help.out());
  }

  @Test
  void flinkRunsGetCheckpointingAndSourcesThatShutDown() {
    assertEquals(List.of("--runner=FlinkRunner", "--maxIdle=5s", "--streaming=true",
            "--checkpointingInterval=10000", "--stateBackend=filesystem",
            "--stateBackendStoragePath=" + StreamCommand.DEFAULT_CHECKPOINTS, "--shutdownSourcesAfterIdleMs=0"),
        List.of(StreamCommand.withDefaults(new String[] {"--runner=FlinkRunner", "--maxIdle=5s"})));
    assertEquals(List.of("--runner=FlinkRunner", "--checkpointingInterval=500", "--stateBackend=rocksdb",
            "--streaming=true"),
        List.of(StreamCommand.withDefaults(new String[] {"--runner=FlinkRunner", "--checkpointingInterval=500",
            "--stateBackend=rocksdb"})));
    assertTrue(StreamCommand.DEFAULT_CHECKPOINTS.startsWith("file:/"), StreamCommand.DEFAULT_CHECKPOINTS);
    // The Direct runner (the default) runs without its per-element test checks unless they are asked for.
    assertEquals(List.of("--streaming=true", "--enforceImmutability=false", "--enforceEncodability=false"),
        List.of(StreamCommand.withDefaults(new String[0])));
    assertEquals(List.of("--enforceImmutability=true", "--streaming=true", "--enforceEncodability=false"),
        List.of(StreamCommand.withDefaults(new String[] {"--enforceImmutability=true"})));
  }
}
