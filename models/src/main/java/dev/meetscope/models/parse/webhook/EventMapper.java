package dev.meetscope.models.parse.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.record.MeetingEvent;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maps one webhook event body to a {@link MeetingEvent}, by key name whatever the key order
 * (zoom-formats.md §4.2-4.3, §6 #46-49). Empty strings and nulls become null.
 */
final class EventMapper {
  static final String URL_VALIDATION = "endpoint.url_validation";
  static final String UNKNOWN_EVENT_FLAG = "unknown_event";
  static final String URL_VALIDATION_FLAG = "url_validation";

  /** The events of zoom-formats.md §4.3 and the RTMS triggers of §5. */
  private static final Set<String> KNOWN = Set.of(
      "meeting.started", "meeting.ended", "meeting.participant_joined", "meeting.participant_left",
      "meeting.participant_joined_waiting_room", "meeting.participant_left_waiting_room",
      "meeting.participant_admitted", "meeting.participant_put_in_waiting_room",
      "meeting.participant_joined_breakout_room", "meeting.participant_left_breakout_room",
      "meeting.participant_role_changed", "meeting.sharing_started", "meeting.sharing_ended",
      "meeting.chat_message_sent", "recording.started", "recording.stopped", "recording.completed",
      "recording.transcript_completed", "meeting.rtms_started", "meeting.rtms_stopped", URL_VALIDATION);
  private static final List<String> ACCEPTED_PREFIXES =
      List.of("meeting.", "recording.", "webinar.", "endpoint.");
  /** Known events whose meaning depends on the occurrence UUID (§6 #49: missing uuid → dead letter). */
  private static final Set<String> NEEDS_UUID = Set.of(
      "meeting.started", "meeting.ended", "meeting.participant_joined", "meeting.participant_left",
      "meeting.participant_joined_waiting_room", "meeting.participant_left_waiting_room",
      "meeting.participant_admitted", "meeting.participant_put_in_waiting_room",
      "meeting.participant_joined_breakout_room", "meeting.participant_left_breakout_room",
      "meeting.participant_role_changed", "meeting.sharing_started", "meeting.sharing_ended",
      "meeting.chat_message_sent", "recording.started", "recording.stopped", "recording.completed",
      "recording.transcript_completed");
  private static final String CHAT = "meeting.chat_message_sent";

  /** Why an event could not be used: a §6 reason code and a sentence. */
  static final class Rejected extends Exception {
    final String reason;

    Rejected(String reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }

  /** Where the event came from. */
  record Origin(String meetingKey, String sourceFile, long line, String requestId) {}

  private EventMapper() {}

  static MeetingEvent map(JsonNode node, Origin origin) throws Rejected {
    if (node == null || !node.isObject()) {
      throw new Rejected("WH_MISSING_FIELD", "The record is not a JSON object, so it has no 'event'.");
    }
    String event = text(node, "event");
    if (event == null) {
      throw new Rejected("WH_MISSING_FIELD", "The record has no 'event' name.");
    }
    List<String> flags = new ArrayList<>();
    if (event.equals(URL_VALIDATION)) {
      flags.add(URL_VALIDATION_FLAG);
    } else if (!KNOWN.contains(event)) {
      if (ACCEPTED_PREFIXES.stream().noneMatch(event::startsWith)) {
        throw new Rejected("WH_UNKNOWN_EVENT", "Event '" + event + "' is not a meeting, recording,"
            + " webinar or endpoint event.");
      }
      flags.add(UNKNOWN_EVENT_FLAG);
    }
    JsonNode payload = node.path("payload");
    JsonNode object = payload.path("object");
    String meetingUuid = first(text(object, "uuid"), text(payload, "meeting_uuid"),
        text(object, "meeting_uuid"));
    if (meetingUuid == null && NEEDS_UUID.contains(event)) {
      throw new Rejected("WH_MISSING_FIELD", "Event '" + event + "' has no payload.object.uuid.");
    }
    boolean chat = event.equals(CHAT);
    JsonNode person = chat ? object.get("chat_message") : object.get("participant");
    boolean needsPerson = chat || (event.startsWith("meeting.participant_") && KNOWN.contains(event))
        || event.startsWith("meeting.sharing_");
    if (needsPerson && (person == null || !person.isObject())) {
      throw new Rejected("WH_MISSING_FIELD", "Event '" + event + "' has no payload.object."
          + (chat ? "chat_message" : "participant") + " object.");
    }
    if (person == null || !person.isObject()) {
      person = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    Instant eventTime = epochMillis(node.get("event_ts"), flags);
    if (chat) {
      ChatContentFlags.add(person, flags);
    }
    return new MeetingEvent(
        origin.meetingKey(), origin.sourceFile(), origin.line(), InputFormat.WEBHOOK_EVENTS.id(), event,
        eventTime, origin.requestId(),
        text(payload, "account_id"),
        first(text(object, "id"), text(payload, "meeting_id"), text(object, "meeting_id")),
        meetingUuid,
        text(object, "topic"),
        text(object, "host_id"),
        time(object, "start_time"),
        time(object, "end_time"),
        text(object, "timezone"),
        text(person, chat ? "sender_name" : "user_name"),
        text(person, chat ? "sender_email" : "email"),
        chat ? null : text(person, "id"),
        chat ? null : text(person, "participant_user_id"),
        chat ? null : text(person, "user_id"),
        chat ? null : text(person, "participant_uuid"),
        chat ? null : text(person, "customer_key"),
        chat ? null : text(person, "registrant_id"),
        time(person, "join_time"),
        time(person, "leave_time"),
        text(person, "leave_reason"),
        flags);
  }

  /** {@code event_ts} is epoch milliseconds; a 10-digit value is taken as seconds and flagged. */
  private static Instant epochMillis(JsonNode v, List<String> flags) throws Rejected {
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return null;
    }
    long value;
    if (v.isIntegralNumber()) {
      value = v.asLong();
    } else {
      try {
        value = Long.parseLong(v.asText().strip());
      } catch (NumberFormatException e) {
        throw new Rejected("WH_BAD_TIME", "event_ts '" + v.asText() + "' is not epoch milliseconds.");
      }
    }
    if (value < 100_000_000_000L) {
      flags.add("event_ts_seconds");
      return Instant.ofEpochSecond(value);
    }
    return Instant.ofEpochMilli(value);
  }

  private static Instant time(JsonNode node, String key) throws Rejected {
    String s = text(node, key);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new Rejected("WH_BAD_TIME", key + " '" + s + "' is not an ISO-8601 UTC time.");
    }
  }

  /** A scalar as text (numbers too: {@code object.id} is a number in chat and recording events). */
  static String text(JsonNode node, String key) {
    JsonNode v = node == null ? null : node.get(key);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
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
