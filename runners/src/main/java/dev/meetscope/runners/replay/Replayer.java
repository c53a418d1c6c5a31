package dev.meetscope.runners.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.fixtures.TownHall;
import dev.meetscope.fixtures.TownHallEvent;
import dev.meetscope.models.webhook.RelayEnvelope;
import dev.meetscope.transforms.relay.EnvelopeSink;
import dev.meetscope.transforms.http.Sleeper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Publishes a recorded or generated town hall into the stream's sources at a chosen speed-up, through the
 * relay's own sinks, so what {@code meetscope stream} reads is byte for byte what a live relay writes: NDJSON
 * envelope files ({@code files:<folder>}) or Pub/Sub messages ({@code pubsub:<topic>}). Delivery {@code i}
 * is due at {@code start + (deliverAt(i) − deliverAt(0)) / speedup}; speed-up 0 publishes as fast as the
 * sink takes them. Retried deliveries are published again with the same request id, as Zoom sends them.
 */
public final class Replayer {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** At most this many deliveries wait for the sink at once (its queue holds 10,000). */
  private static final int MAX_IN_FLIGHT = 4_000;

  /** One delivery to publish: when it is due (replay clock), its event time, id and raw body. */
  public record Delivery(long deliverAtMs, long eventTsMs, String requestId, String event, byte[] body) {}

  /**
   * What was published.
   *
   * @param submittedAt event time (epoch ms) → wall time the first delivery of that event time was handed to
   *     the sink, for measuring event-to-output lag
   */
  public record Report(long published, Duration elapsed, TreeMap<Long, Long> submittedAt) {
    public double perSecond() {
      return elapsed.toMillis() == 0 ? published : published * 1000.0 / elapsed.toMillis();
    }
  }

  private final Clock clock;
  private final Sleeper sleeper;

  public Replayer(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  public static List<Delivery> of(TownHall townHall) {
    List<Delivery> out = new ArrayList<>(townHall.deliveries().size());
    for (TownHallEvent e : townHall.deliveries()) {
      out.add(new Delivery(e.deliverAtMs(), e.eventTsMs(), e.requestId(), e.event(),
          e.body().getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  /**
   * Deliveries recorded in NDJSON files (a file, or every {@code *.ndjson} of a folder in name order): relay
   * envelopes keep their request id and are due at {@code received_at}; bare webhook bodies get the id
   * {@code sha256:<body hash>} (as the relay does) and are due at {@code event_ts}. Lines that are not JSON
   * objects with an {@code event} are skipped and counted in {@code skipped}.
   */
  public static List<Delivery> recorded(Path input, int[] skipped) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(input)) {
      try (Stream<Path> s = Files.list(input)) {
        s.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().forEach(files::add);
      }
    } else {
      files.add(input);
    }
    List<Delivery> out = new ArrayList<>();
    for (Path f : files) {
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isBlank()) {
            continue;
          }
          Delivery d = parse(line);
          if (d == null) {
            skipped[0]++;
          } else {
            out.add(d);
          }
        }
      }
    }
    out.sort(Comparator.comparingLong(Delivery::deliverAtMs));
    return out;
  }

  private static Delivery parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      return null;
    }
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode body = node.has("body") && !node.has("event") ? node.get("body") : node;
    if (body.isTextual()) {
      try {
        body = JSON.readTree(body.asText());
      } catch (IOException e) {
        return null;
      }
    }
    if (!body.isObject() || !body.path("event").isTextual()) {
      return null;
    }
    byte[] raw = body.toString().getBytes(StandardCharsets.UTF_8);
    long eventTs = body.path("event_ts").asLong(0);
    String requestId = node != body && node.path("request_id").isTextual() ? node.get("request_id").asText()
        : "sha256:" + sha256(raw);
    long due = eventTs;
    if (node != body && node.path("received_at").isTextual()) {
      try {
        due = Instant.parse(node.get("received_at").asText()).toEpochMilli();
      } catch (RuntimeException e) {
        // keep event_ts
      }
    }
    return new Delivery(due, eventTs, requestId, body.get("event").asText(), raw);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes every delivery on schedule and waits until the sink holds them all; the caller closes it. */
  public Report replay(List<Delivery> deliveries, EnvelopeSink sink, double speedup)
      throws IOException, InterruptedException {
    if (speedup < 0) {
      throw new IllegalArgumentException("speed-up must be 0 (as fast as possible) or positive");
    }
    TreeMap<Long, Long> submittedAt = new TreeMap<>();
    Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    Instant started = clock.instant();
    long first = deliveries.isEmpty() ? 0 : deliveries.get(0).deliverAtMs();
    long published = 0;
    for (Delivery d : deliveries) {
      if (speedup > 0) {
        long dueWall = started.toEpochMilli() + (long) ((d.deliverAtMs() - first) / speedup);
        long wait = dueWall - clock.millis();
        if (wait > 0) {
          sleeper.sleep(Duration.ofMillis(wait));
        }
      }
      while (inFlight.size() >= MAX_IN_FLIGHT) {
        await(inFlight.poll());
      }
      Instant now = clock.instant();
      inFlight.add(sink.submit(envelope(d, now)));
      submittedAt.putIfAbsent(d.eventTsMs(), now.toEpochMilli());
      published++;
    }
    while (!inFlight.isEmpty()) {
      await(inFlight.poll());
    }
    return new Report(published, Duration.between(started, clock.instant()), submittedAt);
  }

  private static void await(CompletableFuture<Void> f) throws IOException, InterruptedException {
    try {
      f.get();
    } catch (ExecutionException e) {
      throw new IOException("the sink did not take a delivery: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The envelope the relay would have made of this delivery. */
  static RelayEnvelope envelope(Delivery d, Instant receivedAt) throws IOException {
    JsonNode body = JSON.readTree(d.body());
    Map<String, String> headers = Map.of(
        "content-type", "application/json; charset=utf-8",
        "user-agent", "meetscope-replay",
        "x-zm-request-id", d.requestId(),
        "x-zm-request-timestamp", Long.toString(receivedAt.getEpochSecond()));
    return new RelayEnvelope(d.requestId(), receivedAt, d.event(), d.eventTsMs() == 0 ? null : d.eventTsMs(),
        headers, body, d.body());
  }
}
