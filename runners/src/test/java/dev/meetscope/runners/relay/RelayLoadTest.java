package dev.meetscope.runners.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.webhook.WebhookIntake;
import dev.meetscope.models.webhook.WebhookSignature;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few thousand signed deliveries from several client threads into the files sink, with small files so
 * many rolls happen, while a watcher reads every published file as soon as it appears: each delivery must
 * land exactly once and the watcher must never see a partial file.
 */
class RelayLoadTest {
  static final int CLIENTS = 4;
  static final int PER_CLIENT = 750;
  static final Instant NOW = Instant.parse("2026-03-02T15:41:25Z");

  @TempDir Path dir;

  @Test
  void noDeliveryIsLostOrDuplicatedAndNoFileIsSeenHalfWritten() throws Exception {
    WebhookSignature signature = new WebhookSignature("load-secret");
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    NdjsonFileSink sink = new NdjsonFileSink(dir, "load", 64 * 1024, Duration.ofMinutes(5), clock, true, 10_000);
    RelayServer server = new RelayServer(new RelayServer.Config(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/", 1 << 20, Duration.ofSeconds(10), 8),
        new WebhookIntake(signature, "/", WebhookIntake.DEFAULT_WINDOW), sink, clock).start();

    ObjectMapper json = new ObjectMapper();
    Map<String, Integer> seenByWatcher = new ConcurrentHashMap<>();
    List<String> watcherErrors = new ArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    Thread watcher = new Thread(() -> {
      Set<String> read = new HashSet<>();
      while (true) {
        boolean last = done.get();
        try (Stream<Path> s = Files.list(dir)) {
          for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".ndjson")
              && !p.getFileName().toString().startsWith(".")).toList()) {
            if (!read.add(p.getFileName().toString())) {
              continue;
            }
            byte[] bytes = Files.readAllBytes(p);
            if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
              watcherErrors.add(p.getFileName() + " does not end with a newline");
            }
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
              seenByWatcher.merge(json.readTree(line).path("request_id").asText(), 1, Integer::sum);
            }
          }
        } catch (IOException | RuntimeException e) {
          watcherErrors.add(e.toString());
        }
        if (last) {
          return;
        }
      }
    });
    watcher.start();

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/");
    String ts = Long.toString(NOW.getEpochSecond());
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Map<Integer, Integer>>> results = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      results.add(clients.submit(() -> {
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < PER_CLIENT; i++) {
          String id = String.format("%08x_%04x_4000_8000_%012x", client, i, client * 100_000L + i);
          byte[] body = ("{\"event\":\"meeting.participant_joined\",\"event_ts\":" + (1772466085000L + i)
              + ",\"payload\":{\"object\":{\"uuid\":\"aB3+cD9/eF1gH2iJ3kL4mN==\",\"participant\":{\"user_id\":\""
              + (16778240 + i) + "\",\"user_name\":\"Ada Example " + i + "\"}}}}").getBytes(StandardCharsets.UTF_8);
          HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
              .header("x-zm-request-timestamp", ts).header("x-zm-signature", signature.sign(ts, body))
              .header("x-zm-request-id", id).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
          statuses.merge(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), 1, Integer::sum);
        }
        return statuses;
      }));
    }
    Map<Integer, Integer> statuses = new HashMap<>();
    for (Future<Map<Integer, Integer>> f : results) {
      f.get().forEach((k, v) -> statuses.merge(k, v, Integer::sum));
    }
    clients.shutdown();
    server.close();
    done.set(true);
    watcher.join();

    int total = CLIENTS * PER_CLIENT;
    assertEquals(Map.of(204, total), statuses);
    assertEquals(List.of(), watcherErrors);
    assertEquals(total, seenByWatcher.size());
    assertTrue(seenByWatcher.values().stream().allMatch(n -> n == 1), "a request id was written twice");
    assertTrue(sink.filesPublished() > 10, "expected many rolls, got " + sink.filesPublished());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList());
    }
  }
}
