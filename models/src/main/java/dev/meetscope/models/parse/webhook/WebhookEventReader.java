package dev.meetscope.models.parse.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.parse.DeadLetters;
import dev.meetscope.models.parse.FormatReader;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.parse.JsonErrors;
import dev.meetscope.models.parse.Line;
import dev.meetscope.models.parse.LineEnds;
import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.MeetingEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads Zoom webhook events (zoom-formats.md §4) in every form they are stored in:
 * <ul>
 *   <li>one event object, pretty or compact; several objects one after another; a JSON array of events;
 *   <li>NDJSON, one event per line, where a bad line is one dead letter and the others still count;
 *   <li>NDJSON of relay envelopes {@code {"request_id", "received_at", "headers", "body": {…event…}}}
 *       ({@code body} may also be the raw body as a string);
 *   <li>HTTP captures: {@code POST /path HTTP/1.1}, header lines, a blank line, the JSON body, repeated.
 * </ul>
 * The request id comes from the {@code x-zm-request-id} header or the envelope. Dead letters keep the raw
 * record with {@code clientid}/{@code authorization} header values and chat text redacted.
 */
public final class WebhookEventReader implements FormatReader<MeetingEvent> {
  private static final InputFormat FORMAT = InputFormat.WEBHOOK_EVENTS;
  /** Streams several top-level values. */
  private static final ObjectMapper STREAM = new ObjectMapper();
  /** Parses exactly one value (a line, a request body): trailing text is an error. */
  private static final ObjectMapper SINGLE = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Override
  public ParseResult<MeetingEvent> read(SourceText source, ParseContext ctx) {
    Emitter out = new Emitter(source, ctx);
    // SourceText numbers lines exactly as the normalised text does (see LineEnds).
    List<Line> lines = source.lines();
    Line first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse(null);
    if (first == null) {
      return out.result;
    }
    if (HttpCaptures.isRequestLine(first.text())) {
      readCaptures(lines, out);
    } else if (isLineDelimited(first, lines)) {
      for (Line line : lines) {
        if (!line.isBlank()) {
          readDocument(line.text(), line.number() - 1, line.text(), out);
        }
      }
    } else {
      readDocument(LineEnds.normalise(source.text()), 0, null, out);
    }
    return out.result;
  }

  /**
   * One delivery taken from a stream: a webhook body, a relay envelope or a JSON array of events, e.g. one
   * NDJSON line of a relay file or the body of a Pub/Sub message. Records and dead letters carry
   * {@code sourceFile} and {@code line}; {@code requestId} (a Pub/Sub attribute) is used when the text
   * carries no request id of its own. {@code meetingKey} may be null when the stream keys by meeting later.
   */
  public ParseResult<MeetingEvent> readDelivery(String text, String sourceFile, long line, String requestId,
      String meetingKey) {
    Emitter out = new Emitter(new SourceText(sourceFile, text), ParseContext.minimal(meetingKey));
    JsonNode node;
    try {
      node = SINGLE.readTree(text);
    } catch (JsonProcessingException e) {
      out.badJson(line, "Not valid JSON: " + JsonErrors.describe(e) + ".", Redaction.text(text));
      return out.result;
    }
    if (node == null || node.isMissingNode()) {
      out.badJson(line, "The delivery is empty.", "");
    } else if (node.isArray()) {
      node.forEach(n -> out.value(n, line, requestId, null));
    } else {
      out.value(node, line, requestId, null);
    }
    return out.result;
  }

  /** {@code raw} with secrets and chat text removed, as every webhook dead letter keeps it. */
  public static String redacted(String raw) {
    return Redaction.text(raw);
  }

  /** NDJSON: the first line holds more than an opening brace and some line is a whole object. */
  private static boolean isLineDelimited(Line first, List<Line> lines) {
    String head = first.text().strip();
    if (!head.startsWith("{") || head.equals("{")) {
      return false;
    }
    for (Line line : lines) {
      if (!line.isBlank() && line.text().strip().startsWith("{")) {
        try {
          if (SINGLE.readTree(line.text()).isObject()) {
            return true;
          }
        } catch (JsonProcessingException e) {
          // not a whole object on one line
        }
      }
    }
    return false;
  }

  private static void readCaptures(List<Line> lines, Emitter out) {
    for (HttpCaptures.Capture capture : HttpCaptures.split(lines)) {
      String raw = Redaction.text(capture.raw());
      String requestId = capture.headers().get("x-zm-request-id");
      if (capture.body().isEmpty()) {
        out.badJson(capture.line(), "The captured request has no body.", raw);
        continue;
      }
      JsonNode body;
      try {
        body = SINGLE.readTree(capture.body());
      } catch (JsonProcessingException e) {
        out.badJson(capture.line(), "The request body is not valid JSON: " + JsonErrors.describe(e) + ".",
            raw);
        continue;
      }
      if (body.isArray()) {
        body.forEach(n -> out.value(n, capture.line(), requestId, raw));
      } else {
        out.value(body, capture.line(), requestId, raw);
      }
    }
  }

  /**
   * Streams the top-level values of {@code text} (objects, or arrays of objects), each with the line where
   * it starts. At the first syntax error the rest of the text becomes one {@code WH_BAD_JSON} record.
   *
   * @param lineOffset added to the parser's line numbers (the text's first line is file line offset + 1)
   * @param raw the raw text to dead-letter on error; null = the text from the failing value to the end
   */
  private static void readDocument(String text, long lineOffset, String raw, Emitter out) {
    long valueLine = -1;
    try (JsonParser p = STREAM.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        valueLine = p.currentTokenLocation().getLineNr();
        if (token == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            valueLine = p.currentTokenLocation().getLineNr();
            out.value(STREAM.readTree(p), valueLine + lineOffset, null, null);
          }
        } else {
          out.value(STREAM.readTree(p), valueLine + lineOffset, null, null);
        }
        valueLine = -1;
      }
    } catch (IOException e) {
      long line = valueLine;
      if (line < 0) {
        line = e instanceof JsonProcessingException j && j.getLocation() != null
            ? Math.max(1, j.getLocation().getLineNr()) : 1;
      }
      String rest = raw != null ? raw : fromLine(text, line);
      out.badJson(line + lineOffset, "Not valid JSON: " + JsonErrors.describe(e) + ".",
          Redaction.text(rest));
    }
  }

  private static String fromLine(String text, long line) {
    int at = 0;
    for (long l = 1; l < line && at >= 0; l++) {
      at = text.indexOf('\n', at);
      at = at < 0 ? -1 : at + 1;
    }
    return at < 0 ? "" : text.substring(at);
  }

  /** Collects events and dead letters of one file. */
  private static final class Emitter {
    final ParseResult<MeetingEvent> result = new ParseResult<>();
    private final SourceText source;
    private final ParseContext ctx;

    Emitter(SourceText source, ParseContext ctx) {
      this.source = source;
      this.ctx = ctx;
    }

    /** One top-level value: an event, or a relay envelope around one. {@code raw} null = the value. */
    void value(JsonNode node, long line, String requestId, String raw) {
      JsonNode event = node;
      String id = requestId;
      if (isEnvelope(node)) {
        id = first(EventMapper.text(node, "request_id"), header(node.get("headers"), "x-zm-request-id"),
            requestId);
        event = node.get("body");
        if (event.isTextual()) {
          try {
            event = SINGLE.readTree(event.asText());
          } catch (JsonProcessingException e) {
            badJson(line, "The envelope's body is not valid JSON: " + JsonErrors.describe(e) + ".",
                raw != null ? raw : Redaction.node(node).toString());
            return;
          }
        }
      }
      try {
        result.add(EventMapper.map(event,
            new EventMapper.Origin(ctx.meetingKey(), source.sourceFile(), line, id)));
      } catch (EventMapper.Rejected e) {
        result.reject(DeadLetters.atLine(ctx, FORMAT, source, line, e.reason, e.getMessage(),
            raw != null ? raw : Redaction.node(node).toString()));
      }
    }

    void badJson(long line, String message, String redactedRaw) {
      result.reject(DeadLetters.atLine(ctx, FORMAT, source, line, "WH_BAD_JSON", message, redactedRaw));
    }

    private static boolean isEnvelope(JsonNode node) {
      return node.isObject() && !node.has("event") && node.has("body")
          && (node.get("body").isObject() || node.get("body").isTextual());
    }

    /** A header value from a relay's headers object, names compared case-insensitively. */
    private static String header(JsonNode headers, String name) {
      if (headers == null || !headers.isObject()) {
        return null;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getKey().equalsIgnoreCase(name)) {
          JsonNode v = f.getValue().isArray() ? f.getValue().path(0) : f.getValue();
          return v.isValueNode() && !v.asText().isBlank() ? v.asText().strip() : null;
        }
      }
      return null;
    }

    private static String first(String... values) {
      for (String v : values) {
        if (v != null) {
          return v;
        }
      }
      return null;
    }
  }
}
