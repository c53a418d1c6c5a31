package dev.meetscope.runners.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.fixtures.TownHall;
import dev.meetscope.fixtures.TownHallEvent;
import dev.meetscope.fixtures.TownHallEventGenerator;
import dev.meetscope.fixtures.TownHallSpec;
import dev.meetscope.models.webhook.RelayEnvelope;
import dev.meetscope.runners.Meetscope;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.transforms.relay.EnvelopeSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay tool: schedule, the relay's file format, recorded input, options. */
class ReplayerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A clock that only moves when the replayer sleeps. */
  static final class FakeTime extends Clock {
    long now = 1_000_000;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now);
    }

    void sleep(Duration d) {
      sleeps.add(d.toMillis());
      now += d.toMillis();
    }
  }

  /** Keeps what it is given. */
  static final class ListSink implements EnvelopeSink {
    final List<RelayEnvelope> got = new ArrayList<>();

    @Override
    public CompletableFuture<Void> submit(RelayEnvelope envelope) {
      got.add(envelope);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {}

    @Override
    public String describe() {
      return "list";
    }
  }

  private static Replayer.Delivery delivery(long at, String id) {
    String body = "{\"event\":\"meeting.started\",\"event_ts\":" + at + ",\"payload\":{\"object\":{\"uuid\":\"u\"}}}";
    return new Replayer.Delivery(at, at, id, "meeting.started", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void deliveriesAreDueAtTheirTimeDividedByTheSpeedUp() throws Exception {
    FakeTime time = new FakeTime();
    ListSink sink = new ListSink();
    Replayer.Report r = new Replayer(time, time::sleep).replay(List.of(delivery(5_000, "a"), delivery(6_000, "b"),
        delivery(6_000, "b"), delivery(66_000, "c")), sink, 10);
    assertEquals(List.of(100L, 6_000L), time.sleeps);
    assertEquals(4, r.published());
    assertEquals(Duration.ofMillis(6_100), r.elapsed());
    assertEquals(List.of("a", "b", "b", "c"), sink.got.stream().map(RelayEnvelope::requestId).toList());
    assertEquals(Long.valueOf(6_000), sink.got.get(1).eventTs());
    assertEquals("b", sink.got.get(2).headers().get("x-zm-request-id"));
    assertEquals(Long.valueOf(1_000_100), r.submittedAt().get(6_000L));
    // As fast as possible: no waiting at all.
    FakeTime fast = new FakeTime();
    new Replayer(fast, fast::sleep).replay(List.of(delivery(0, "a"), delivery(60_000, "b")), new ListSink(), 0);
    assertEquals(List.of(), fast.sleeps);
  }

  private static List<String> lines(Path folder) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList()) {
        out.addAll(Files.readAllLines(f));
      }
    }
    return out;
  }

  private static String idAndBody(String line) throws IOException {
    JsonNode n = JSON.readTree(line);
    return n.get("request_id").asText() + " " + n.get("body");
  }

  @Test
  void generatedAndRecordedTownHallsBecomeRelayFiles(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path first = dir.resolve("first");
    int exit = new Meetscope().run(new String[] {"replay", "--to=files:" + first, "--participants=40",
        "--minutes=10", "--seed=3", "--speedup=0"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(ExitCodes.OK, exit, err.toString(StandardCharsets.UTF_8));
    TownHall th = new TownHallEventGenerator().generate(TownHallSpec.of(40, 10, 3));
    List<String> expected = new ArrayList<>();
    for (TownHallEvent e : th.deliveries()) {
      expected.add(e.requestId() + " " + JSON.readTree(e.body()));
    }
    List<String> written = new ArrayList<>();
    for (String line : lines(first)) {
      written.add(idAndBody(line));
    }
    assertEquals(expected, written, "every delivery, retries included, in delivery order");
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("published " + th.deliveries().size() + " deliveries"));

    Path second = dir.resolve("second");
    exit = new Meetscope().run(new String[] {"replay", "--input=" + first, "--to=files:" + second, "--speedup=0"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(ExitCodes.OK, exit, err.toString(StandardCharsets.UTF_8));
    List<String> again = new ArrayList<>();
    for (String line : lines(second)) {
      again.add(idAndBody(line));
    }
    assertEquals(written.stream().sorted().toList(), again.stream().sorted().toList());
  }

  @Test
  void badOptionsAndMissingInput(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(ExitCodes.BAD_OPTIONS, new Meetscope().run(new String[] {"replay", "--to=files:" + dir,
        "--speedup=-1"}, o, e));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--speedup must be 0"));
    assertEquals(ExitCodes.BAD_OPTIONS, new Meetscope().run(new String[] {"replay"}, o, e));
    assertEquals(ExitCodes.BAD_OPTIONS, new Meetscope().run(new String[] {"replay", "--to=kafka:x"}, o, e));
    assertEquals(ExitCodes.MISSING_INPUT, new Meetscope().run(new String[] {"replay", "--to=files:" + dir,
        "--input=" + dir.resolve("none")}, o, e));
  }
}
