package dev.meetscope.models.parse.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meetscope.models.parse.DeadLetters;
import dev.meetscope.models.parse.FormatReader;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.parse.JsonErrors;
import dev.meetscope.models.parse.LineEnds;
import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.ParticipantSession;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads participant pages of the Report API ({@code GET /v2/report/meetings/{id}/participants}) and the
 * Past-meeting API ({@code GET /v2/past_meetings/{uuid}/participants}), zoom-formats.md §3.2-3.3: one page
 * ({@code {…, "participants":[…]}}), a JSON array of pages, or several pages one after another (NDJSON).
 *
 * <p>The file is streamed with a Jackson {@link JsonParser} so that each row keeps the line where it
 * starts. Invalid JSON rejects the whole file (a half-read page cannot be trusted); a bad row or page is
 * one dead letter. A file whose rows carry {@code internal_user} is a past-meeting file.
 */
public final class ParticipantApiJsonReader implements FormatReader<ParticipantSession> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record RowAt(long line, JsonNode node) {}

  private record PageAt(long line, JsonNode node) {}

  /** What the stream held: rows, and root values that were not pages. */
  private static final class Stream {
    final List<RowAt> rows = new ArrayList<>();
    final List<PageAt> badPages = new ArrayList<>();
  }

  @Override
  public ParseResult<ParticipantSession> read(SourceText source, ParseContext ctx) {
    Stream stream = new Stream();
    try (JsonParser parser = JSON.getFactory().createParser(LineEnds.normalise(source.text()))) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_ARRAY) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            readPage(parser, stream);
          }
        } else {
          readPage(parser, stream);
        }
      }
    } catch (IOException e) {
      InputFormat format = sniffFormat(source.text());
      return ParseResult.fileRejected(DeadLetters.wholeFile(ctx, format, source.sourceFile(),
          "API_BAD_JSON", "The file is not valid JSON: " + JsonErrors.describe(e) + ".",
          source.text()));
    }
    InputFormat format = stream.rows.stream().anyMatch(r -> r.node().has("internal_user"))
        ? InputFormat.PAST_MEETING_API_JSON : InputFormat.REPORT_API_JSON;
    ParseResult<ParticipantSession> result = new ParseResult<>();
    for (PageAt page : stream.badPages) {
      result.reject(DeadLetters.atLine(ctx, format, source, page.line(), "API_BAD_PAGE",
          "A top-level value is not a participants page (an object with a 'participants' array).",
          page.node().toString()));
    }
    for (RowAt row : stream.rows) {
      mapRow(row, format, source, ctx, result);
    }
    return result;
  }

  /**
   * Reads one page object at the parser's current token, streaming its {@code participants} array so that
   * every row keeps its line. Other keys (page_count, next_page_token…) are kept only to show a bad page.
   */
  private static void readPage(JsonParser parser, Stream stream) throws IOException {
    long line = parser.currentTokenLocation().getLineNr();
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      stream.badPages.add(new PageAt(line, JSON.readTree(parser)));
      return;
    }
    ObjectNode page = JSON.createObjectNode();
    boolean participants = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("participants") && value == JsonToken.START_ARRAY) {
        participants = true;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          long rowLine = parser.currentTokenLocation().getLineNr();
          stream.rows.add(new RowAt(rowLine, JSON.readTree(parser)));
        }
      } else {
        page.set(field, JSON.readTree(parser));
      }
    }
    if (!participants) {
      stream.badPages.add(new PageAt(line, page));
    }
  }

  private static void mapRow(RowAt row, InputFormat format, SourceText source, ParseContext ctx,
      ParseResult<ParticipantSession> out) {
    JsonNode n = row.node();
    String raw = n.toString();
    if (!n.isObject()) {
      out.reject(DeadLetters.atLine(ctx, format, source, row.line(), "API_BAD_ROW",
          "A participants entry is not a JSON object.", raw));
      return;
    }
    String name = text(n, "name");
    String id = text(n, "id");
    String userId = text(n, "user_id");
    String participantUserId = text(n, "participant_user_id");
    String customerKey = text(n, "customer_key");
    String registrantId = text(n, "registrant_id");
    if (name == null && id == null && userId == null && participantUserId == null && customerKey == null
        && registrantId == null) {
      out.reject(DeadLetters.atLine(ctx, format, source, row.line(), "API_BAD_ROW",
          "The row has no name and no id (id, user_id, participant_user_id, customer_key,"
              + " registrant_id).", raw));
      return;
    }
    Instant join;
    Instant leave;
    try {
      join = instant(n, "join_time");
      leave = instant(n, "leave_time");
    } catch (DateTimeException e) {
      out.reject(DeadLetters.atLine(ctx, format, source, row.line(), "API_BAD_TIME",
          "join_time or leave_time is not an ISO-8601 UTC time: " + e.getMessage() + ".", raw));
      return;
    }
    if (join != null && leave != null && leave.isBefore(join)) {
      out.reject(DeadLetters.atLine(ctx, format, source, row.line(), "API_NEGATIVE_SESSION",
          "leave_time " + leave + " is before join_time " + join + ".", raw));
      return;
    }
    String durationText = text(n, "duration");
    Long duration;
    try {
      duration = durationText == null ? null : Long.valueOf(durationText);
    } catch (NumberFormatException e) {
      out.reject(DeadLetters.atLine(ctx, format, source, row.line(), "API_BAD_ROW",
          "duration '" + durationText + "' is not a whole number of seconds.", raw));
      return;
    }
    List<String> flags = new ArrayList<>();
    if (n.path("failover").asBoolean(false)) {
      flags.add("failover");
    }
    if (n.has("internal_user") && n.get("internal_user").isBoolean()) {
      flags.add("internal_user:" + n.get("internal_user").asBoolean());
    }
    out.add(new ParticipantSession(ctx.meetingKey(), source.sourceFile(), row.line(), format.id(), null,
        null, name, null, text(n, "user_email"), id, participantUserId, userId, customerKey, registrantId,
        join, leave, duration, null, null, null, text(n, "status"), text(n, "bo_mtg_id"), flags));
  }

  /** A scalar as text; absent, null, blank, or a container → null (zoom-formats.md §6 #40). */
  static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static Instant instant(JsonNode node, String key) {
    String s = text(node, key);
    return s == null ? null : OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /** For a broken file the format is guessed from its text, so the dead letter names the right API. */
  private static InputFormat sniffFormat(String text) {
    return text.contains("\"internal_user\"") ? InputFormat.PAST_MEETING_API_JSON
        : InputFormat.REPORT_API_JSON;
  }
}
