package dev.meetscope.models.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.webhook.WebhookDecision.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {
  static final Instant NOW = Instant.parse("2026-03-02T15:41:25.120Z");
  static final String TS = Long.toString(NOW.getEpochSecond());
  static final String EVENT = "{\"payload\":{\"account_id\":\"AbCdEfGhIjKlMnOpQrSt12\",\"object\":{\"uuid\":"
      + "\"aB3+cD9/eF1gH2iJ3kL4mN==\",\"participant\":{\"user_name\":\"Grace Sample\",\"user_id\":\"16779264\"},"
      + "\"id\":\"81234567890\",\"topic\":\"Weekly Sync\",\"score\":0.10000000000000000001,\"ratio\":1.50}},"
      + "\"event_ts\":1772466085123,\"event\":\"meeting.participant_left\"}";

  private final WebhookSignature signature = new WebhookSignature("s3cret");
  private final WebhookIntake intake = new WebhookIntake(signature, "/zoom", WebhookIntake.DEFAULT_WINDOW);

  private WebhookRequest signed(String body, String ts) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-zm-signature", List.of(signature.sign(ts, bytes)));
    headers.put("X-zm-request-timestamp", List.of(ts));
    headers.put("X-zm-request-id", List.of("a1b2c3d4_e5f6_4a5b_8c9d_0e1f2a3b4c5d"));
    headers.put("Content-type", List.of("application/json; charset=utf-8"));
    headers.put("Clientid", List.of("client-id-value"));
    headers.put("Authorization", List.of("legacy-verification-token"));
    headers.put("Traceparent", List.of("00-abc-def-01"));
    return new WebhookRequest("POST", "/zoom", headers, bytes, false);
  }

  @Test
  void acceptedEventBecomesAnEnvelopeWithoutSecretHeaders() throws Exception {
    WebhookDecision d = intake.decide(signed(EVENT, TS), NOW);
    assertEquals(204, d.status());
    assertEquals(Outcome.ACCEPTED, d.outcome());
    RelayEnvelope e = d.envelope();
    assertEquals("a1b2c3d4_e5f6_4a5b_8c9d_0e1f2a3b4c5d", e.requestId());
    assertEquals("meeting.participant_left", e.event());
    assertEquals(1772466085123L, e.eventTs());
    assertArrayEquals(EVENT.getBytes(StandardCharsets.UTF_8), e.rawBody());
    assertEquals(Map.of("request_id", "a1b2c3d4_e5f6_4a5b_8c9d_0e1f2a3b4c5d",
        "event", "meeting.participant_left", "event_ts", "1772466085123"), e.attributes());
    String line = new String(e.toNdjsonLine(new ObjectMapper()), StandardCharsets.UTF_8);
    String expectedHeaders = "{\"content-type\":\"application/json; charset=utf-8\","
        + "\"traceparent\":\"00-abc-def-01\",\"x-zm-request-id\":\"a1b2c3d4_e5f6_4a5b_8c9d_0e1f2a3b4c5d\","
        + "\"x-zm-request-timestamp\":\"" + TS + "\",\"x-zm-signature\":\"" + signature.sign(TS,
        EVENT.getBytes(StandardCharsets.UTF_8)) + "\"}";
    assertEquals("{\"request_id\":\"a1b2c3d4_e5f6_4a5b_8c9d_0e1f2a3b4c5d\","
        + "\"received_at\":\"2026-03-02T15:41:25.120Z\",\"headers\":" + expectedHeaders + ",\"body\":" + EVENT
        + "}\n", line);
    assertFalse(line.contains("client-id-value"));
    assertFalse(line.contains("legacy-verification-token"));
  }

  @Test
  void prettyPrintedBodyStaysOnOneLine() {
    String pretty = "{\n  \"event\": \"meeting.started\",\n  \"event_ts\": 1772466085123,\n  \"payload\": {}\n}";
    RelayEnvelope e = intake.decide(signed(pretty, TS), NOW).envelope();
    String line = new String(e.toNdjsonLine(new ObjectMapper()), StandardCharsets.UTF_8);
    assertTrue(line.endsWith("\"body\":{\"event\":\"meeting.started\",\"event_ts\":1772466085123,\"payload\":{}}}\n"),
        line);
    assertEquals(1, line.split("\n", -1).length - 1);
  }

  @Test
  void urlValidationIsAnsweredAndNotForwarded() {
    String body = "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1772466085123,"
        + "\"event\":\"endpoint.url_validation\"}";
    WebhookDecision d = intake.decide(signed(body, TS), NOW);
    assertEquals(200, d.status());
    assertEquals(Outcome.URL_VALIDATION, d.outcome());
    assertNull(d.envelope());
    assertEquals("{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\",\"encryptedToken\":\""
        + signature.encryptedToken("qgg8vlvZRS6UYooatFL8Aw") + "\"}",
        new String(d.responseJson(), StandardCharsets.UTF_8));
  }

  @Test
  void rejectionsInOrder() {
    WebhookRequest good = signed(EVENT, TS);
    assertEquals(Outcome.NOT_FOUND, intake.decide(
        new WebhookRequest("POST", "/other", good.headers(), good.body(), false), NOW).outcome());
    WebhookDecision get = intake.decide(new WebhookRequest("GET", "/zoom", good.headers(), good.body(), false), NOW);
    assertEquals(405, get.status());
    WebhookDecision big = intake.decide(new WebhookRequest("POST", "/zoom", Map.of(), new byte[0], true), NOW);
    assertEquals(413, big.status());
    assertEquals("{\"error\":\"BODY_TOO_LARGE\"}", new String(big.responseJson(), StandardCharsets.UTF_8));

    Map<String, List<String>> noSig = without(good.headers(), "x-zm-signature");
    assertDecision(401, Outcome.SIGNATURE_MISSING, new WebhookRequest("POST", "/zoom", noSig, good.body(), false));

    String staleTs = Long.toString(NOW.getEpochSecond() - 301);
    assertDecision(401, Outcome.TIMESTAMP_STALE, signed(EVENT, staleTs));
    String msTs = Long.toString(NOW.toEpochMilli());
    assertDecision(401, Outcome.TIMESTAMP_MALFORMED, signed(EVENT, msTs));

    Map<String, List<String>> tampered = new LinkedHashMap<>(good.headers());
    byte[] other = EVENT.replace("Grace", "Grade").getBytes(StandardCharsets.UTF_8);
    assertDecision(401, Outcome.SIGNATURE_MISMATCH, new WebhookRequest("POST", "/zoom", tampered, other, false));

    assertDecision(400, Outcome.MALFORMED_JSON, signed("{\"event\":", TS));
    assertDecision(400, Outcome.NOT_AN_EVENT, signed("[1,2]", TS));
    assertDecision(400, Outcome.NOT_AN_EVENT, signed("{\"payload\":{}}", TS));
    assertDecision(400, Outcome.NOT_AN_EVENT,
        signed("{\"event\":\"endpoint.url_validation\",\"payload\":{}}", TS));
  }

  @Test
  void missingRequestIdFallsBackToBodyHash() {
    WebhookRequest good = signed("{\"event\":\"meeting.ended\"}", TS);
    Map<String, List<String>> headers = without(good.headers(), "x-zm-request-id");
    RelayEnvelope e = intake.decide(new WebhookRequest("POST", "/zoom", headers, good.body(), false), NOW)
        .envelope();
    // sha256 of {"event":"meeting.ended"}, computed with sha256sum.
    assertEquals("sha256:77f44d4baf3c893ec2ee019532734c28180ef71b1e36ebaaa8b75947731b8188", e.requestId());
    assertNull(e.eventTs());
    assertEquals(Map.of("request_id", e.requestId(), "event", "meeting.ended"), e.attributes());
  }

  private static Map<String, List<String>> without(Map<String, List<String>> headers, String name) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    copy.remove(name);
    return copy;
  }

  private void assertDecision(int status, Outcome outcome, WebhookRequest request) {
    WebhookDecision d = intake.decide(request, NOW);
    assertEquals(outcome, d.outcome());
    assertEquals(status, d.status());
    assertNull(d.envelope());
  }
}
