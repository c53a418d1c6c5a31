package dev.meetscope.models.webhook;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One accepted webhook delivery as the relay forwards it. {@code requestId} is Zoom's
 * {@code x-zm-request-id} (stable across Zoom's retries, the pipeline's dedup key); the raw body is kept
 * byte for byte for Pub/Sub, the parsed body for the NDJSON line.
 */
public final class RelayEnvelope {
  private static final DateTimeFormatter RECEIVED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String requestId;
  private final Instant receivedAt;
  private final String event;
  private final Long eventTs;
  private final SortedMap<String, String> headers;
  private final JsonNode body;
  private final byte[] rawBody;

  public RelayEnvelope(String requestId, Instant receivedAt, String event, Long eventTs,
      Map<String, String> headers, JsonNode body, byte[] rawBody) {
    this.requestId = requestId;
    this.receivedAt = receivedAt;
    this.event = event;
    this.eventTs = eventTs;
    this.headers = new TreeMap<>(headers);
    this.body = body;
    this.rawBody = rawBody.clone();
  }

  public String requestId() {
    return requestId;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public String event() {
    return event;
  }

  /** {@code event_ts} of the body (epoch ms), or null when absent. */
  public Long eventTs() {
    return eventTs;
  }

  public SortedMap<String, String> headers() {
    return new TreeMap<>(headers);
  }

  public JsonNode body() {
    return body.deepCopy();
  }

  public byte[] rawBody() {
    return rawBody.clone();
  }

  /** Pub/Sub message attributes: {@code request_id}, {@code event}, {@code event_ts} (when present). */
  public Map<String, String> attributes() {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("request_id", requestId);
    attrs.put("event", event);
    if (eventTs != null) {
      attrs.put("event_ts", Long.toString(eventTs));
    }
    return attrs;
  }

  /**
   * One NDJSON line, newline included:
   * {@code {"request_id":…,"received_at":…,"headers":{…},"body":{…}}}. The body is re-serialised compactly
   * (numbers exact), so a pretty-printed delivery still fits on one line.
   */
  public byte[] toNdjsonLine(ObjectMapper json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(rawBody.length + 512);
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("request_id", requestId);
      g.writeStringField("received_at", RECEIVED_AT.format(receivedAt));
      g.writeObjectFieldStart("headers");
      for (Map.Entry<String, String> h : headers.entrySet()) {
        g.writeStringField(h.getKey(), h.getValue());
      }
      g.writeEndObject();
      g.writeFieldName("body");
      json.writeTree(g, body);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "RelayEnvelope[request_id=" + requestId + ", event=" + event + "]";
  }
}
