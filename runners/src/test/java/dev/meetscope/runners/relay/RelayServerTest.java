package dev.meetscope.runners.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.webhook.RelayEnvelope;
import dev.meetscope.models.webhook.WebhookDecision.Outcome;
import dev.meetscope.models.webhook.WebhookIntake;
import dev.meetscope.models.webhook.WebhookSignature;
import dev.meetscope.transforms.relay.EnvelopeSink;
import dev.meetscope.transforms.relay.NdjsonFileSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayServerTest {
  static final String SECRET = "relay-test-secret";
  static final Instant NOW = Instant.parse("2026-03-02T15:41:25.120Z");
  static final String TS = Long.toString(NOW.getEpochSecond());
  static final WebhookSignature SIGNATURE = new WebhookSignature(SECRET);
  static final String EVENT = "{\"payload\":{\"account_id\":\"AbCdEfGhIjKlMnOpQrSt12\",\"object\":{\"uuid\":"
      + "\"aB3+cD9/eF1gH2iJ3kL4mN==\",\"participant\":{\"leave_time\":\"2026-03-02T15:41:24Z\",\"user_id\":\"16779264\","
      + "\"user_name\":\"Grace Sample\",\"email\":\"\"},\"id\":\"81234567890\",\"topic\":\"Weekly Sync — Q1\"}},"
      + "\"event_ts\":1772466085123,\"event\":\"meeting.participant_left\"}";

  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  RelayServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  RelayServer start(EnvelopeSink sink, Duration ackTimeout) throws IOException {
    server = new RelayServer(new RelayServer.Config(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        "/zoom/webhook", 1024 * 1024, ackTimeout, 4),
        new WebhookIntake(SIGNATURE, "/zoom/webhook", WebhookIntake.DEFAULT_WINDOW), sink,
        Clock.fixed(NOW, ZoneOffset.UTC)).start();
    return server;
  }

  NdjsonFileSink files() throws IOException {
    return new NdjsonFileSink(dir, "t", 1 << 20, Duration.ofMinutes(1), Clock.fixed(NOW, ZoneOffset.UTC), true, 1000);
  }

  HttpResponse<String> post(String path, byte[] body, String ts, String signature, String requestId)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "Zoom Marketplace/1.0a")
        .header("clientid", "the-client-id")
        .header("authorization", "legacy-verification-token")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (ts != null) {
      b.header("x-zm-request-timestamp", ts);
    }
    if (signature != null) {
      b.header("x-zm-signature", signature);
    }
    if (requestId != null) {
      b.header("x-zm-request-id", requestId);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> signed(String body, String ts, String requestId) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return post("/zoom/webhook", bytes, ts, SIGNATURE.sign(ts, bytes), requestId);
  }

  @Test
  void urlValidationIsAnsweredWithTheEncryptedToken() throws Exception {
    start(files(), Duration.ofSeconds(2));
    HttpResponse<String> r = signed("{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},"
        + "\"event_ts\":1772466085123,\"event\":\"endpoint.url_validation\"}", TS, "v-1");
    assertEquals(200, r.statusCode());
    assertEquals("{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\",\"encryptedToken\":\""
        + SIGNATURE.encryptedToken("qgg8vlvZRS6UYooatFL8Aw") + "\"}", r.body());
    assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    server.close();
    server = null;
    assertEquals(List.of(), lines());
  }

  @Test
  void acceptedEventsArePersistedThenAckedAndReplaysAreForwardedWithTheSameRequestId() throws Exception {
    start(files(), Duration.ofSeconds(2));
    String rid = "a1b2c3d4_e5f6_4a5b_8c9d_0e1f2a3b4c5d";
    assertEquals(204, signed(EVENT, TS, rid).statusCode());
    // Zoom's retry: same body and request id, a new timestamp and signature.
    String retryTs = Long.toString(NOW.getEpochSecond() + 20);
    assertEquals(204, signed(EVENT, retryTs, rid).statusCode());
    server.close();
    server = null;

    List<String> lines = lines();
    assertEquals(2, lines.size());
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertEquals(rid, first.path("request_id").asText());
    assertEquals("2026-03-02T15:41:25.120Z", first.path("received_at").asText());
    assertEquals(json.readTree(EVENT), first.path("body"));
    assertEquals(TS, first.path("headers").path("x-zm-request-timestamp").asText());
    assertEquals("Zoom Marketplace/1.0a", first.path("headers").path("user-agent").asText());
    assertFalse(first.path("headers").has("clientid"));
    assertFalse(first.path("headers").has("authorization"));
    assertEquals(rid, json.readTree(lines.get(1)).path("request_id").asText());
    String all = String.join("\n", lines);
    assertFalse(all.contains("the-client-id") || all.contains("legacy-verification-token") || all.contains(SECRET));
    assertTrue(lines.get(0).contains("Weekly Sync — Q1"));
  }

  @Test
  void badRequestsAreRejectedAndNothingIsForwarded() throws Exception {
    start(files(), Duration.ofSeconds(2));
    byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);
    assertEquals(401, post("/zoom/webhook", body, TS, "v0=" + "0".repeat(64), "r1").statusCode());
    assertEquals(401, post("/zoom/webhook", body, TS, null, "r2").statusCode());
    assertEquals(401, post("/zoom/webhook", body, null, SIGNATURE.sign(TS, body), "r3").statusCode());
    String stale = Long.toString(NOW.getEpochSecond() - 301);
    HttpResponse<String> staleAnswer = signed(EVENT, stale, "r4");
    assertEquals(401, staleAnswer.statusCode());
    assertEquals("{\"error\":\"TIMESTAMP_STALE\"}", staleAnswer.body());
    String future = Long.toString(NOW.getEpochSecond() + 301);
    assertEquals(401, signed(EVENT, future, "r5").statusCode());
    assertEquals(400, signed("{\"event\":\"meeting.ended\",", TS, "r6").statusCode());

    byte[] big = new byte[1024 * 1024 + 1];
    Arrays.fill(big, (byte) ' ');
    HttpResponse<String> tooBig = post("/zoom/webhook", big, TS, SIGNATURE.sign(TS, big), "r7");
    assertEquals(413, tooBig.statusCode());
    assertEquals("{\"error\":\"BODY_TOO_LARGE\"}", tooBig.body());
    byte[] exactly = new byte[1024 * 1024];
    Arrays.fill(exactly, (byte) ' ');
    byte[] ev = "{\"event\":\"meeting.ended\"}".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(ev, 0, exactly, 0, ev.length);
    assertEquals(204, post("/zoom/webhook", exactly, TS, SIGNATURE.sign(TS, exactly), "r8").statusCode());

    assertEquals(404, post("/elsewhere", body, TS, SIGNATURE.sign(TS, body), "r9").statusCode());
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/zoom/webhook")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    assertEquals(1, server.count(Outcome.SIGNATURE_MISMATCH));
    assertEquals(2, server.count(Outcome.TIMESTAMP_STALE));
    assertEquals(1, server.count(Outcome.BODY_TOO_LARGE));
    server.close();
    server = null;
    List<String> ids = new ArrayList<>();
    for (String line : lines()) {
      ids.add(new ObjectMapper().readTree(line).path("request_id").asText());
    }
    assertEquals(List.of("r8"), ids);
  }

  @Test
  void aSinkThatCannotPersistInTimeGets503SoZoomRetries() throws Exception {
    EnvelopeSink stuck = new EnvelopeSink() {
      @Override
      public CompletableFuture<Void> submit(RelayEnvelope envelope) {
        return new CompletableFuture<>();
      }

      @Override
      public void close() {}

      @Override
      public String describe() {
        return "stuck";
      }
    };
    start(stuck, Duration.ofMillis(200));
    HttpResponse<String> r = signed(EVENT, TS, "r1");
    assertEquals(503, r.statusCode());
    assertEquals("{\"error\":\"NOT_PERSISTED\"}", r.body());
    assertEquals(1, server.notPersisted());
  }

  private List<String> lines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        assertTrue(p.getFileName().toString().endsWith(".ndjson") && !p.getFileName().toString().startsWith("."),
            p.toString());
        lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }
}
