package dev.meetscope.models.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.record.MeetingManifest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code meeting.json}: {@code meeting_id}, {@code uuid}, {@code topic}, {@code host_name},
 * {@code host_email}, {@code host_id}, {@code scheduled_start} (ISO-8601 UTC), {@code duration_minutes},
 * {@code time_zone} (IANA), {@code recording_start} (ISO-8601 UTC), {@code analytics_enabled}. Unknown keys
 * are ignored; a bad value dead-letters the manifest (one record) and the meeting proceeds without it.
 */
public final class ManifestReader implements FormatReader<MeetingManifest> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public ParseResult<MeetingManifest> read(SourceText source, ParseContext ctx) {
    JsonNode node;
    try {
      node = JSON.readTree(source.text());
    } catch (Exception e) {
      return ParseResult.fileRejected(DeadLetters.wholeFile(ctx, InputFormat.MANIFEST,
          source.sourceFile(), "MANIFEST_BAD_JSON", "meeting.json is not valid JSON: " + e.getMessage(),
          source.text()));
    }
    try {
      String zone = text(node, "time_zone", text(node, "timezone", null));
      if (zone != null) {
        ZoneId.of(zone); // validate
      }
      Integer duration = node.hasNonNull("duration_minutes") ? node.get("duration_minutes").asInt() : null;
      Boolean enabled = node.hasNonNull("analytics_enabled")
          ? node.get("analytics_enabled").asBoolean() : null;
      String meetingId = text(node, "meeting_id", text(node, "id", null));
      MeetingManifest manifest = new MeetingManifest(
          meetingId == null ? null : meetingId.replace(" ", ""),
          text(node, "uuid", null),
          text(node, "topic", null),
          text(node, "host_name", null),
          text(node, "host_email", null),
          text(node, "host_id", null),
          instant(node, "scheduled_start", instant(node, "start_time", null)),
          duration,
          zone,
          instant(node, "recording_start", null),
          enabled);
      return new ParseResult<MeetingManifest>().add(manifest);
    } catch (DateTimeParseException | java.time.zone.ZoneRulesException e) {
      return ParseResult.fileRejected(DeadLetters.wholeFile(ctx, InputFormat.MANIFEST,
          source.sourceFile(), "MANIFEST_BAD_VALUE",
          "meeting.json has a bad time or time zone: " + e.getMessage(), source.text()));
    } catch (java.time.DateTimeException e) {
      return ParseResult.fileRejected(DeadLetters.wholeFile(ctx, InputFormat.MANIFEST,
          source.sourceFile(), "MANIFEST_BAD_VALUE", "meeting.json has a bad value: " + e.getMessage(),
          source.text()));
    }
  }

  private static String text(JsonNode node, String key, String fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? fallback : s;
  }

  private static Instant instant(JsonNode node, String key, Instant fallback) {
    String s = text(node, key, null);
    return s == null ? fallback : Instant.parse(s);
  }
}
