package dev.meetscope.transforms.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.sun.net.httpserver.HttpServer;
import dev.meetscope.models.webhook.RelayEnvelope;
import dev.meetscope.models.webhook.WebhookIntake;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaySinksTest {
  static final ObjectMapper JSON = WebhookIntake.jsonMapper();

  /** A clock tests move by hand. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static RelayEnvelope envelope(String id, Instant at) throws IOException {
    String body = "{\"event\":\"meeting.participant_joined\",\"event_ts\":1772466085123,\"payload\":{\"object\":"
        + "{\"uuid\":\"aB3+cD9/eF1gH2iJ3kL4mN==\",\"participant\":{\"user_name\":\"José Núñez\"}}}}";
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    return new RelayEnvelope(id, at, "meeting.participant_joined", 1772466085123L,
        Map.of("x-zm-request-id", id), JSON.readTree(raw), raw);
  }

  @TempDir Path dir;

  @Test
  void filesRollBySizeAndTimeAndOnlyCompleteFilesAreVisible() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-03-02T15:41:25Z"));
    int lineLength = envelope("req-0001", clock.instant()).toNdjsonLine(JSON).length;
    NdjsonFileSink sink = new NdjsonFileSink(dir, "test", 2L * lineLength, Duration.ofSeconds(60), clock, true, 100);
    sink.submit(envelope("req-0001", clock.instant())).get(5, TimeUnit.SECONDS);
    sink.submit(envelope("req-0002", clock.instant())).get(5, TimeUnit.SECONDS);
    // The third line does not fit: the first file (2 lines) is published.
    sink.submit(envelope("req-0003", clock.instant())).get(5, TimeUnit.SECONDS);
    assertEquals(List.of("events-20260302T154125Z-test-000001.ndjson"), published());
    assertEquals(List.of(".events-20260302T154125Z-test-000002.ndjson.inprogress"), hidden());
    // A minute later the open file is rolled by age; the next line starts a new file.
    clock.advance(Duration.ofSeconds(61));
    sink.submit(envelope("req-0004", clock.instant())).get(5, TimeUnit.SECONDS);
    sink.close();
    List<String> files = published();
    assertEquals(List.of("events-20260302T154125Z-test-000001.ndjson", "events-20260302T154125Z-test-000002.ndjson",
        "events-20260302T154226Z-test-000003.ndjson"), files);
    assertEquals(List.of("req-0001", "req-0002"), ids(files.get(0)));
    assertEquals(List.of("req-0003"), ids(files.get(1)));
    assertEquals(List.of("req-0004"), ids(files.get(2)));
    assertEquals(List.of(), hidden());
    assertEquals(3, sink.filesPublished());
    ExecutionException closed = assertThrows(ExecutionException.class,
        () -> sink.submit(envelope("req-0005", clock.instant())).get(5, TimeUnit.SECONDS));
    assertEquals("the file sink is closed", closed.getCause().getMessage());
  }

  @Test
  void leftoverOfACrashIsCutToWholeLinesAndPublished() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-03-02T16:00:00Z"), ZoneOffset.UTC);
    byte[] whole = envelope("req-crash-1", clock.instant()).toNdjsonLine(JSON);
    byte[] partial = "{\"request_id\":\"req-crash-2\",\"rece".getBytes(StandardCharsets.UTF_8);
    Path leftover = dir.resolve(".events-20260302T155900Z-test-000004.ndjson.inprogress");
    Files.write(leftover, concat(whole, partial));
    Files.write(dir.resolve(".events-20260302T155901Z-test-000005.ndjson.inprogress"), partial);
    new NdjsonFileSink(dir, "test", 1 << 20, Duration.ofSeconds(60), clock, false, 10).close();
    assertEquals(List.of("events-20260302T155900Z-test-000004.ndjson"), published());
    assertEquals(List.of(), hidden());
    assertEquals(whole.length, Files.size(dir.resolve("events-20260302T155900Z-test-000004.ndjson")));
  }

  @Test
  void pubsubPublishesRawBodyWithAttributesAndRetriesServerErrors() throws Exception {
    List<String> requests = new ArrayList<>();
    int[] calls = {0};
    HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fake.createContext("/", ex -> {
      try (ex) {
        byte[] body = ex.getRequestBody().readAllBytes();
        synchronized (requests) {
          calls[0]++;
          requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " "
              + new String(body, StandardCharsets.UTF_8));
        }
        byte[] answer;
        int status;
        if (calls[0] == 1) {
          status = 500;
          answer = "{\"error\":{\"code\":500,\"status\":\"INTERNAL\"}}".getBytes(StandardCharsets.UTF_8);
        } else {
          int n = JSON.readTree(body).path("messages").size();
          StringBuilder ids = new StringBuilder("{\"messageIds\":[");
          for (int i = 0; i < n; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(1000 + i).append('"');
          }
          answer = ids.append("]}").toString().getBytes(StandardCharsets.UTF_8);
          status = 200;
        }
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, answer.length);
        ex.getResponseBody().write(answer);
      }
    });
    fake.start();
    List<Duration> sleeps = new ArrayList<>();
    try {
      PubsubRestSink sink = new PubsubRestSink(new NetHttpTransport(),
          "http://127.0.0.1:" + fake.getAddress().getPort(), "projects/demo-project/topics/zoom-events", null,
          sleeps::add, 3, 100);
      RelayEnvelope e = envelope("a1b2c3d4_e5f6_4a5b_8c9d_0e1f2a3b4c5d", Instant.parse("2026-03-02T15:41:25Z"));
      sink.submit(e).get(10, TimeUnit.SECONDS);
      sink.close();
      assertEquals(2, requests.size());
      assertEquals(List.of(Duration.ofMillis(100)), sleeps);
      String last = requests.get(1);
      assertTrue(last.startsWith("POST /v1/projects/demo-project/topics/zoom-events:publish "), last);
      JsonNode message = JSON.readTree(last.substring(last.indexOf(' ', 5) + 1)).path("messages").get(0);
      assertEquals(new String(e.rawBody(), StandardCharsets.UTF_8),
          new String(Base64.getDecoder().decode(message.path("data").asText()), StandardCharsets.UTF_8));
      assertEquals(Map.of("request_id", "a1b2c3d4_e5f6_4a5b_8c9d_0e1f2a3b4c5d", "event", "meeting.participant_joined",
          "event_ts", "1772466085123"), JSON.convertValue(message.path("attributes"), Map.class));
    } finally {
      fake.stop(0);
    }
    assertThrows(IllegalArgumentException.class, () -> new PubsubRestSink(new NetHttpTransport(),
        "http://127.0.0.1:1", "topics/zoom-events", null, d -> { }, 1, 1));
  }

  private List<String> ids(String file) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
      ids.add(JSON.readTree(line).path("request_id").asText());
    }
    return ids;
  }

  private List<String> published() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ndjson") && !n.startsWith("."))
          .sorted().toList();
    }
  }

  private List<String> hidden() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
