package dev.meetscope.transforms.sink.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.WebhookDelivery;
import dev.meetscope.models.record.WebhookPayload;
import dev.meetscope.transforms.http.RetryPolicy;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Payload delivery against a real HTTP server on loopback that fails, delays and succeeds. */
public class PostWebhookPayloadsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static final byte[] SECRET = "0123456789abcdef-webhook".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");
  /** Waits the poster asked for, instead of sleeping. */
  static final List<Duration> WAITS = new CopyOnWriteArrayList<>();

  private HttpServer server;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<String> badSignatures = new CopyOnWriteArrayList<>();
  private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
  private final CountDownLatch releaseStuck = new CountDownLatch(1);
  private String base;

  @Before
  public void startServer() throws IOException {
    WAITS.clear();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::handle);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @After
  public void stopServer() {
    releaseStuck.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String meeting = new String(body, StandardCharsets.UTF_8).replaceAll(".*\"meeting_id\":\"([a-z]+)\".*", "$1");
    int n = calls.computeIfAbsent(meeting, k -> new AtomicInteger()).incrementAndGet();
    String ts = ex.getRequestHeaders().getFirst(WebhookPoster.TIMESTAMP_HEADER);
    String sig = ex.getRequestHeaders().getFirst(WebhookPoster.SIGNATURE_HEADER);
    if (ts == null || sig == null || !sig.equals("v1=" + WebhookPoster.sign(SECRET, ts, body))) {
      badSignatures.add(meeting);
    }
    idempotencyKeys.add(ex.getRequestHeaders().getFirst(WebhookPoster.IDEMPOTENCY_HEADER));
    int status;
    switch (meeting) {
      case "flaky" -> status = n <= 2 ? 500 : 200;
      case "limited" -> {
        status = n == 1 ? 429 : 204;
        ex.getResponseHeaders().add("Retry-After", "7");
      }
      case "stuck" -> {
        if (n == 1) {
          try {
            releaseStuck.await(); // never answers the first attempt: the client's timeout must fire
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.close();
          return;
        }
        status = 200;
      }
      case "rejected" -> status = 400;
      case "down" -> status = 503;
      default -> status = 200;
    }
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  private static WebhookPoster testPoster(String url, byte[] secret, Duration timeout) {
    return new WebhookPoster(new NetHttpTransport(), url, secret, timeout,
        new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), 2, Duration.ofSeconds(30)),
        WAITS::add, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  public void retriesThenDeliversOrDeadLettersWithTheStatus() throws IOException {
    File secretFile = tmp.newFile("secret");
    Files.write(secretFile.toPath(), (new String(SECRET, StandardCharsets.UTF_8) + "\n").getBytes());
    List<WebhookPayload> payloads = List.of("ok", "flaky", "limited", "stuck", "rejected", "down").stream()
        .map(m -> new WebhookPayload(m, m + "-v1", "{\"meeting_id\":\"" + m + "\"}")).toList();

    PCollectionTuple out = pipeline.apply(Create.of(payloads))
        .apply(PostWebhookPayloads.to(base + "/hook")
            .withSecret("file:" + secretFile.getPath())
            .withTimeout(Duration.ofMillis(500))
            .withPosterFactory(PostWebhookPayloadsTest::testPoster));

    PAssert.that(out.get(PostWebhookPayloads.DELIVERED).apply("Describe", MapElements
        .into(TypeDescriptors.strings())
        .via((WebhookDelivery d) -> d.meetingKey() + ":" + d.httpStatus() + ":" + d.attempts())))
        .containsInAnyOrder("ok:200:1", "flaky:200:3", "limited:204:2", "stuck:200:2");
    PAssert.that(out.get(PostWebhookPayloads.DEAD_LETTERS).apply("DescribeFailures", MapElements
        .into(TypeDescriptors.strings())
        .via((DeadLetter d) -> d.meetingKey() + ":" + d.stage() + ":" + d.reason() + ":" + d.rawText())))
        .containsInAnyOrder(
            "rejected:webhook:WEBHOOK_HTTP_400:{\"meeting_id\":\"rejected\"}",
            "down:webhook:WEBHOOK_HTTP_503:{\"meeting_id\":\"down\"}");
    pipeline.run().waitUntilFinish();

    assertEquals(List.of(), badSignatures);
    assertEquals(4, calls.get("down").get()); // 1 + 3 retries
    assertEquals(1, calls.get("rejected").get()); // a 4xx is final
    assertTrue(WAITS.contains(Duration.ofSeconds(7))); // Retry-After honoured
    assertTrue(idempotencyKeys.containsAll(List.of("ok-v1", "flaky-v1", "down-v1")));
  }

  @Test
  public void unreachableReceiverIsADeadLetterNotACrash() throws InterruptedException {
    server.stop(0);
    WebhookPoster.Outcome outcome = testPoster(base + "/hook", null, Duration.ofMillis(300))
        .post("k", "{}");
    assertEquals(false, outcome.delivered());
    assertEquals(0, outcome.status());
    assertEquals(4, outcome.attempts());
  }

  @Test
  public void signatureMatchesAnIndependentComputation() {
    // printf 'v1:1772503200:{"a":1}' | openssl dgst -sha256 -hmac '0123456789abcdef-webhook'
    assertEquals("63ccd795d4e51fe20605a25c4a8b5cba5faf641bfc3da1a11975b7c314f426f5",
        WebhookPoster.sign(SECRET, "1772503200", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
  }
}
