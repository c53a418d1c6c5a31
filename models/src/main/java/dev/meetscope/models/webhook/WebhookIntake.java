package dev.meetscope.models.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meetscope.models.webhook.WebhookDecision.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Decides what to do with one webhook request, in this order: path (404), method (405), size (413),
 * signature headers and freshness (401), signature over the raw bytes (401), JSON (400), then either the
 * {@code endpoint.url_validation} answer or an envelope to persist before acknowledging. Authentication
 * comes before parsing so an unsigned caller learns nothing about the body's handling.
 *
 * <p>Every accepted delivery is forwarded, Zoom's retries included; the pipeline dedups on
 * {@code request_id} (conventions #9), which also covers restarts and several relay instances.
 */
public final class WebhookIntake {
  public static final String URL_VALIDATION_EVENT = "endpoint.url_validation";
  /** Zoom's documented freshness window for the signed timestamp. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = jsonMapper();

  private final WebhookSignature signature;
  private final String path;
  private final Duration window;

  public WebhookIntake(WebhookSignature signature, String path, Duration window) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("the webhook path must start with '/': " + path);
    }
    this.signature = signature;
    this.path = path;
    this.window = window;
  }

  /** The Jackson mapper the relay uses for bodies: exact numbers, no float rounding. */
  public static ObjectMapper jsonMapper() {
    return new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  }

  public WebhookDecision decide(WebhookRequest request, Instant now) {
    if (!path.equals(request.path())) {
      return reject(404, Outcome.NOT_FOUND);
    }
    if (!"POST".equals(request.method())) {
      return reject(405, Outcome.METHOD_NOT_ALLOWED);
    }
    if (request.bodyTooLarge()) {
      return reject(413, Outcome.BODY_TOO_LARGE);
    }
    String sig = request.header("x-zm-signature");
    if (sig == null || sig.isBlank()) {
      return reject(401, Outcome.SIGNATURE_MISSING);
    }
    String ts = request.header("x-zm-request-timestamp");
    switch (RequestTimestamp.check(ts, now, window)) {
      case MISSING -> {
        return reject(401, Outcome.TIMESTAMP_MISSING);
      }
      case MALFORMED -> {
        return reject(401, Outcome.TIMESTAMP_MALFORMED);
      }
      case STALE -> {
        return reject(401, Outcome.TIMESTAMP_STALE);
      }
      case FRESH -> { }
    }
    if (!signature.verify(ts.strip(), request.body(), sig)) {
      return reject(401, Outcome.SIGNATURE_MISMATCH);
    }
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (Exception e) {
      return reject(400, Outcome.MALFORMED_JSON);
    }
    if (body == null || !body.isObject() || !body.path("event").isTextual()
        || body.path("event").asText().isBlank()) {
      return reject(400, Outcome.NOT_AN_EVENT);
    }
    String event = body.get("event").asText();
    if (URL_VALIDATION_EVENT.equals(event)) {
      JsonNode plain = body.path("payload").path("plainToken");
      if (!plain.isTextual() || plain.asText().isEmpty()) {
        return reject(400, Outcome.NOT_AN_EVENT);
      }
      ObjectNode answer = JSON.createObjectNode();
      answer.put("plainToken", plain.asText());
      answer.put("encryptedToken", signature.encryptedToken(plain.asText()));
      return new WebhookDecision(200, Outcome.URL_VALIDATION, bytes(answer), null);
    }
    String requestId = request.header("x-zm-request-id");
    if (requestId == null || requestId.isBlank()) {
      // zoom-formats.md §4.1: the body hash is the other stable dedup key.
      requestId = "sha256:" + sha256Hex(request.body());
    }
    RelayEnvelope envelope = new RelayEnvelope(requestId.strip(), now, event, eventTs(body),
        HeaderRedaction.keep(request.headers()), body, request.body());
    return new WebhookDecision(204, Outcome.ACCEPTED, null, envelope);
  }

  private static Long eventTs(JsonNode body) {
    JsonNode ts = body.get("event_ts");
    if (ts == null) {
      return null;
    }
    if (ts.isIntegralNumber() && ts.canConvertToLong()) {
      return ts.asLong();
    }
    if (ts.isTextual() && ts.asText().matches("\\d{1,18}")) {
      return Long.parseLong(ts.asText());
    }
    return null;
  }

  private static WebhookDecision reject(int status, Outcome outcome) {
    ObjectNode error = JSON.createObjectNode();
    error.put("error", outcome.name());
    return new WebhookDecision(status, outcome, bytes(error), null);
  }

  private static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
