package dev.meetscope.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.meetscope.runners.cli.ExitCodes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nightly --webhookUrl} against a real HTTP server on loopback. */
class NightlyWebhookTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MEETING = NightlyJobTest.FIXTURES.resolve("2026-03-02-weekly-sync-0001");

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private String url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void eachMeetingPostsOnePayloadWithOneScorePerParticipant(@TempDir Path out) throws IOException {
    NightlyJobTest.Run run = NightlyJobTest.meetscope("nightly", "--input=" + MEETING, "--output=" + out,
        "--sink=jsonl", "--webhookUrl=" + url);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertEquals(1, bodies.size());
    JsonNode payload = JSON.readTree(bodies.get(0));
    List<String> people = NightlyJobTest.rows(out, "participant_meeting");
    assertEquals(people.size(), payload.get("scores").size());
    assertEquals(JSON.readTree(NightlyJobTest.rows(out, "meeting").get(0)).get("meeting_id").asText(),
        payload.get("meeting_id").asText());
    assertEquals("2026-03-02", payload.get("date").asText());
    assertEquals(0, NightlyJobTest.rows(out, "dead_letter").size());
  }

  @Test
  void aRejectedPayloadBecomesADeadLetterWithTheStatus(@TempDir Path out) throws IOException {
    status = 422;
    NightlyJobTest.Run run = NightlyJobTest.meetscope("nightly", "--input=" + MEETING, "--output=" + out,
        "--sink=jsonl", "--webhookUrl=" + url);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    List<String> dead = NightlyJobTest.rows(out, "dead_letter");
    assertEquals(1, dead.size());
    JsonNode d = JSON.readTree(dead.get(0));
    assertEquals("webhook", d.get("stage").asText());
    assertEquals("WEBHOOK_HTTP_422", d.get("reason").asText());
    assertTrue(d.get("raw_text").asText().contains("\"scores\""));
  }

  @Test
  void aSecretWithoutAUrlOrABadUrlIsABadOption(@TempDir Path out) {
    assertEquals(ExitCodes.BAD_OPTIONS, NightlyJobTest.meetscope("nightly", "--input=" + MEETING,
        "--output=" + out, "--webhookSecret=env:X").exit());
    assertEquals(ExitCodes.BAD_OPTIONS, NightlyJobTest.meetscope("nightly", "--input=" + MEETING,
        "--output=" + out, "--webhookUrl=ftp://example.org/x").exit());
  }
}
