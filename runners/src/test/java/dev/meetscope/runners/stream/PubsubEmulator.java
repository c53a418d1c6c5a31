package dev.meetscope.runners.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Google's Pub/Sub emulator (the {@code google-cloud-cli-pubsub-emulator} package) as a child process on a free
 * loopback port, for tests that need a real Pub/Sub endpoint: REST on {@link #rootUrl()}. Closed by the test
 * that started it (the process and its children are ended by handle).
 */
final class PubsubEmulator implements AutoCloseable {
  /** Where the Debian package installs the emulator; {@code PUBSUB_EMULATOR_BIN} overrides. */
  static final Path DEFAULT_BIN =
      Path.of("/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final String project;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();

  static Path binary() {
    String env = System.getenv("PUBSUB_EMULATOR_BIN");
    return env != null && !env.isBlank() ? Path.of(env) : DEFAULT_BIN;
  }

  static boolean installed() {
    return Files.isExecutable(binary());
  }

  /** Starts the emulator and returns once it listens (it prints "Server started, listening on PORT"). */
  static PubsubEmulator start(String project) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p = new ProcessBuilder(binary().toString(), "--host=localhost", "--port=" + port)
        .redirectErrorStream(true).start();
    PubsubEmulator emulator = new PubsubEmulator(p, port, project);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      emulator.log.add(line);
      if (line.contains("Server started, listening on")) {
        break;
      }
    }
    if (line == null) {
      emulator.close();
      throw new IOException("the Pub/Sub emulator stopped before it listened: " + String.join("\n", emulator.log));
    }
    Thread drain = new Thread(() -> {
      try {
        for (String l = out.readLine(); l != null; l = out.readLine()) {
          emulator.log.add(l);
        }
      } catch (IOException e) {
        // The process ended.
      }
    }, "pubsub-emulator-log");
    drain.setDaemon(true);
    drain.start();
    return emulator;
  }

  private PubsubEmulator(Process process, int port, String project) {
    this.process = process;
    this.port = port;
    this.project = project;
  }

  String rootUrl() {
    return "http://localhost:" + port;
  }

  String topic(String name) {
    return "projects/" + project + "/topics/" + name;
  }

  String subscription(String name) {
    return "projects/" + project + "/subscriptions/" + name;
  }

  void createTopic(String name) throws IOException, InterruptedException {
    call("PUT", topic(name), "{}");
  }

  void createSubscription(String name, String topicName) throws IOException, InterruptedException {
    call("PUT", subscription(name), "{\"topic\":\"" + topic(topicName) + "\",\"ackDeadlineSeconds\":60}");
  }

  /** A message as a subscriber sees it: the data as text and the attributes. */
  record Message(String data, Map<String, String> attributes) {}

  /** Pulls and acknowledges until the subscription has nothing left. */
  List<Message> drain(String subscriptionName) throws IOException, InterruptedException {
    List<Message> out = new ArrayList<>();
    while (true) {
      JsonNode r = call("POST", subscription(subscriptionName) + ":pull",
          "{\"returnImmediately\":true,\"maxMessages\":1000}");
      JsonNode received = r.path("receivedMessages");
      if (received.isEmpty()) {
        return out;
      }
      List<String> acks = new ArrayList<>();
      for (JsonNode m : received) {
        acks.add(m.get("ackId").asText());
        JsonNode message = m.get("message");
        String data = new String(Base64.getDecoder().decode(message.path("data").asText("")), StandardCharsets.UTF_8);
        Map<String, String> attributes = JSON.convertValue(message.path("attributes"),
            JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        out.add(new Message(data, attributes == null ? Map.of() : attributes));
      }
      call("POST", subscription(subscriptionName) + ":acknowledge",
          JSON.writeValueAsString(Map.of("ackIds", acks)));
    }
  }

  private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rootUrl() + "/v1/" + path))
        .header("content-type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(method + " " + path + " → " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body().isBlank() ? "{}" : r.body());
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
