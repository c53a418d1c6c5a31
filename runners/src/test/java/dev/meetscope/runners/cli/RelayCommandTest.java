package dev.meetscope.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.meetscope.models.webhook.WebhookSignature;
import dev.meetscope.runners.relay.RelayServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayCommandTest {
  static final Instant NOW = Instant.parse("2026-03-02T15:41:25Z");
  static final Map<String, String> ENV = Map.of("ZOOM_WEBHOOK_SECRET_TOKEN", "cmd-secret");

  @TempDir Path dir;
  final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);

  RelayCommand command(Map<String, String> env) {
    return new RelayCommand(env, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void forwardsToAPubsubRestEndpoint() throws Exception {
    List<String> published = new ArrayList<>();
    HttpServer pubsub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pubsub.createContext("/", ex -> {
      try (ex) {
        synchronized (published) {
          published.add(ex.getRequestURI().getRawPath() + " " + new String(ex.getRequestBody().readAllBytes(),
              StandardCharsets.UTF_8));
        }
        byte[] answer = "{\"messageIds\":[\"4242\"]}".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, answer.length);
        ex.getResponseBody().write(answer);
      }
    });
    pubsub.start();
    String body = "{\"event\":\"meeting.started\",\"event_ts\":1772466085123,\"payload\":{\"object\":{\"id\":\"81234567890\"}}}";
    try (RelayServer relay = command(ENV).start(new String[] {"--port=0", "--bind=127.0.0.1", "--path=/hooks/zoom",
        "--sink=pubsub:projects/demo/topics/zoom", "--pubsubAuth=none",
        "--pubsubRootUrl=http://127.0.0.1:" + pubsub.getAddress().getPort()}, out)) {
      assertEquals("meetscope relay: listening on http://127.0.0.1:" + relay.port()
          + "/hooks/zoom, forwarding to pubsub:projects/demo/topics/zoom\n", outBytes.toString(StandardCharsets.UTF_8));
      String ts = Long.toString(NOW.getEpochSecond());
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + relay.port() + "/hooks/zoom"))
          .header("x-zm-request-timestamp", ts)
          .header("x-zm-signature", new WebhookSignature("cmd-secret").sign(ts, bytes))
          .header("x-zm-request-id", "r-1").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(204, r.statusCode());
    } finally {
      pubsub.stop(0);
    }
    assertEquals(1, published.size());
    assertEquals("/v1/projects/demo/topics/zoom:publish {\"messages\":[{\"data\":\""
        + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
        + "\",\"attributes\":{\"request_id\":\"r-1\",\"event\":\"meeting.started\",\"event_ts\":\"1772466085123\"}}]}",
        published.get(0));
  }

  @Test
  void refusesToStartWithoutSecretOrWithABadSink() {
    assertEquals("meetscope relay: set ZOOM_WEBHOOK_SECRET_TOKEN in the environment to the app's webhook Secret"
        + " Token (it is never taken from the command line)",
        assertThrows(UsageException.class, () -> command(Map.of()).start(new String[] {"--sink=files:x"}, out))
            .getMessage());
    assertEquals("meetscope relay: --sink must be pubsub:projects/<p>/topics/<t> or files:<folder>, got 'kafka:x'",
        assertThrows(UsageException.class, () -> command(ENV).start(new String[] {"--sink=kafka:x"}, out))
            .getMessage());
    assertEquals("meetscope relay: --sink: Pub/Sub topic must be projects/<project>/topics/<topic>: topics/t",
        assertThrows(UsageException.class, () -> command(ENV).start(new String[] {"--sink=pubsub:topics/t",
            "--pubsubAuth=none"}, out)).getMessage());
    assertEquals("meetscope relay: --path must start with '/', got 'zoom'",
        assertThrows(UsageException.class, () -> command(ENV).start(new String[] {"--sink=files:" + dir,
            "--path=zoom"}, out)).getMessage());
  }

  @Test
  void helpListsEveryOptionWithItsDefault() throws Exception {
    assertEquals(ExitCodes.OK, command(ENV).run(new String[] {"--help"}, out, System.err));
    String help = outBytes.toString(StandardCharsets.UTF_8);
    for (String option : List.of("--sink=<value>", "--port=8080", "--bind=0.0.0.0", "--path=/",
        "--maxBodyBytes=1048576", "--ackTimeoutMs=2500", "--threads=16",
        "--pubsubRootUrl=https://pubsub.googleapis.com", "--pubsubAuth=adc", "--rollBytes=67108864",
        "--rollSeconds=60", "--instance=relay", "--fsync=true", "--help")) {
      assertTrue(help.contains("  " + option + "\n"), option + " missing in:\n" + help);
    }
  }
}
