package dev.meetscope.models.parse.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookEventReaderTest {
  private static final String FILE = "events";
  private static final String UUID = "aB3+cD9/eF1gH2iJ3kL4mN==";
  private static final String STARTED = "{\"event\":\"meeting.started\",\"payload\":{\"account_id\":\"Acc1\","
      + "\"object\":{\"id\":\"81234567890\",\"uuid\":\"" + UUID + "\",\"host_id\":\"DhOsT001\","
      + "\"topic\":\"Weekly Sync\",\"type\":2,\"start_time\":\"2026-03-02T15:00:02Z\",\"timezone\":\"\","
      + "\"duration\":60}},\"event_ts\":1772463602120}";
  /** participant_joined starts with "payload" and ends with "event" (zoom-formats.md §4.2). */
  private static final String JOINED = "{\"payload\":{\"account_id\":\"Acc1\",\"object\":{\"uuid\":\"" + UUID
      + "\",\"participant\":{\"user_id\":\"16780288\",\"user_name\":\"José Núñez\",\"id\":\"\","
      + "\"participant_uuid\":\"2C3D4E5F-6071-8293-A4B5-C6D7E8F9A0B1\",\"join_time\":\"2026-03-02T15:02:30Z\","
      + "\"email\":\"\",\"registrant_id\":null,\"participant_user_id\":\"\",\"customer_key\":\"\"},"
      + "\"id\":\"81234567890\",\"type\":2,\"topic\":\"Weekly Sync\",\"start_time\":\"2026-03-02T15:00:02Z\","
      + "\"timezone\":\"America/New_York\",\"host_id\":\"DhOsT001\"}},\"event_ts\":1772463750010,"
      + "\"event\":\"meeting.participant_joined\"}";
  private static final String LEFT = "{\"payload\":{\"account_id\":\"Acc1\",\"object\":{\"uuid\":\"" + UUID
      + "\",\"participant\":{\"leave_time\":\"2026-03-02T15:41:24Z\",\"user_id\":\"16779264\","
      + "\"user_name\":\"山田 花子\",\"registrant_id\":\"reg-1\",\"participant_user_id\":\"yAmA003\","
      + "\"id\":\"yAmA003\",\"leave_reason\":\"left the meeting. Reason : Host ended the meeting.\","
      + "\"email\":\"hanako@example.com\",\"participant_uuid\":\"0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0\","
      + "\"customer_key\":\"ck-3\"},\"id\":\"81234567890\",\"type\":2,\"topic\":\"Weekly Sync\","
      + "\"start_time\":\"2026-03-02T15:00:02Z\",\"timezone\":\"America/New_York\"}},"
      + "\"event_ts\":1772466085123,\"event\":\"meeting.participant_left\"}";
  private static final String CHAT = "{\"event\":\"meeting.chat_message_sent\",\"event_ts\":1772464000500,"
      + "\"payload\":{\"account_id\":\"Acc1\",\"object\":{\"id\":81234567890,\"uuid\":\"" + UUID + "\","
      + "\"chat_message\":{\"date_time\":\"2026-03-02T15:06:40Z\",\"sender_session_id\":\"16779264\","
      + "\"sender_name\":\"Sam Tester 👍🏻\",\"sender_email\":\"sam@example.com\",\"sender_type\":\"default\","
      + "\"recipient_type\":\"everyone\",\"message_id\":\"Msg1\","
      + "\"message_content\":\"my secret question\",\"file_ids\":[]}}}}";

  private static ParseResult<MeetingEvent> read(String text) {
    return new WebhookEventReader().read(new SourceText(FILE, text), ParseContext.minimal("m1"));
  }

  private static MeetingEvent started(long line, String requestId) {
    return new MeetingEvent("m1", FILE, line, "webhook_events", "meeting.started",
        Instant.parse("2026-03-02T15:00:02.120Z"), requestId, "Acc1", "81234567890", UUID, "Weekly Sync",
        "DhOsT001", Instant.parse("2026-03-02T15:00:02Z"), null, null, null, null, null, null, null, null,
        null, null, null, null, null, List.of());
  }

  private static MeetingEvent joined(long line, String requestId) {
    return new MeetingEvent("m1", FILE, line, "webhook_events", "meeting.participant_joined",
        Instant.parse("2026-03-02T15:02:30.010Z"), requestId, "Acc1", "81234567890", UUID, "Weekly Sync",
        "DhOsT001", Instant.parse("2026-03-02T15:00:02Z"), null, "America/New_York", "José Núñez", null,
        null, null, "16780288", "2C3D4E5F-6071-8293-A4B5-C6D7E8F9A0B1", null, null,
        Instant.parse("2026-03-02T15:02:30Z"), null, null, List.of());
  }

  private static MeetingEvent left(long line, String requestId) {
    return new MeetingEvent("m1", FILE, line, "webhook_events", "meeting.participant_left",
        Instant.parse("2026-03-02T15:41:25.123Z"), requestId, "Acc1", "81234567890", UUID, "Weekly Sync",
        null, Instant.parse("2026-03-02T15:00:02Z"), null, "America/New_York", "山田 花子",
        "hanako@example.com", "yAmA003", "yAmA003", "16779264", "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",
        "ck-3", "reg-1", null, Instant.parse("2026-03-02T15:41:24Z"),
        "left the meeting. Reason : Host ended the meeting.", List.of());
  }

  private static DeadLetter dead(long line, String reason, String message, String raw) {
    return new DeadLetter("m1", "parse", "webhook_events", FILE, line, null, reason, message, raw);
  }

  private static String pretty(String compact) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
    return m.writerWithDefaultPrettyPrinter().writeValueAsString(m.readTree(compact));
  }

  @Test
  void oneCompactEventWhateverTheKeyOrder() {
    assertEquals(List.of(joined(1, null)), read(JOINED).records());
    assertEquals(List.of(left(1, null)), read(LEFT + "\n").records());
  }

  @Test
  void onePrettyEventWithBomAndCrlf() throws Exception {
    String text = "\uFEFF" + pretty(STARTED).replace("\n", "\r\n") + "\r\n";
    assertEquals(List.of(started(1, null)), read(text).records());
  }

  @Test
  void jsonArrayOfEventsKeepsEachElementsLine() {
    String text = "[\n" + STARTED + ",\n" + JOINED + ",\n\n" + LEFT + "\n]";
    assertEquals(List.of(started(2, null), joined(3, null), left(5, null)), read(text).records());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r", "\r\r\n"})
  void ndjsonWithABadLineKeepsTheOthers(String eol) {
    String text = STARTED + eol + "{\"event\":\"meeting.participant_joined\",\"payload\":{" + eol + eol
        + JOINED + eol + LEFT;
    ParseResult<MeetingEvent> r = read(text);
    assertEquals(List.of(started(1, null), joined(4, null), left(5, null)), r.records());
    assertEquals(1, r.deadLetters().size());
    DeadLetter d = r.deadLetters().get(0);
    assertEquals(2L, d.sourceLine());
    assertEquals("WH_BAD_JSON", d.reason());
    assertEquals("{\"event\":\"meeting.participant_joined\",\"payload\":{", d.rawText());
    assertEquals(4, r.recordsRead());
  }

  @Test
  void relayEnvelopesGiveTheRequestId() {
    String text = "{\"request_id\":\"1a2b3c4d_5e6f_7a8b_9c0d_1e2f3a4b5c6d\",\"received_at\":"
        + "\"2026-03-02T15:00:03Z\",\"headers\":{\"clientid\":\"c1\"},\"body\":" + STARTED + "}\n"
        + "{\"received_at\":\"2026-03-02T15:02:31Z\",\"headers\":{\"X-Zm-Request-Id\":"
        + "\"2b3c4d5e_6f7a_8b9c_0d1e_2f3a4b5c6d7e\"},\"body\":" + JOINED + "}\n"
        + "{\"request_id\":\"3c4d5e6f_7a8b_9c0d_1e2f_3a4b5c6d7e8f\",\"body\":"
        + new com.fasterxml.jackson.databind.node.TextNode(LEFT) + "}\n";
    ParseResult<MeetingEvent> r = read(text);
    assertEquals(List.of(started(1, "1a2b3c4d_5e6f_7a8b_9c0d_1e2f3a4b5c6d"),
        joined(2, "2b3c4d5e_6f7a_8b9c_0d1e_2f3a4b5c6d7e"), left(3, "3c4d5e6f_7a8b_9c0d_1e2f_3a4b5c6d7e8f")),
        r.records());
  }

  @Test
  void envelopeDeadLettersAreRedacted() {
    String text = "{\"request_id\":\"r1\",\"headers\":{\"clientid\":\"SecretClient\",\"Authorization\":"
        + "\"LegacyToken\",\"x-zm-request-id\":\"r1\"},\"body\":{\"event_ts\":1772463602120,\"payload\":{}}}\n";
    ParseResult<MeetingEvent> r = read(text);
    assertEquals(List.of(dead(1, "WH_MISSING_FIELD", "The record has no 'event' name.",
        "{\"request_id\":\"r1\",\"headers\":{\"clientid\":\"[REDACTED]\",\"Authorization\":\"[REDACTED]\","
            + "\"x-zm-request-id\":\"r1\"},\"body\":{\"event_ts\":1772463602120,\"payload\":{}}}")),
        r.deadLetters());
  }

  @Test
  void httpCapturesGiveRequestIdsAndRedactSecretsInDeadLetters() throws Exception {
    String capture1 = "POST /webhooks/zoom HTTP/1.1\r\n"
        + "host: relay.example.com\r\n"
        + "content-type: application/json; charset=utf-8\r\n"
        + "clientid: SecretClient\r\n"
        + "x-zm-request-id: 1a2b3c4d_5e6f_7a8b_9c0d_1e2f3a4b5c6d\r\n"
        + "x-zm-request-timestamp: 1772463750\r\n"
        + "\r\n"
        + JOINED + "\r\n";
    String capture2 = "POST /webhooks/zoom HTTP/1.1\r\n"
        + "Authorization: LegacyToken\r\n"
        + "X-Zm-Request-Id: 2b3c4d5e_6f7a_8b9c_0d1e_2f3a4b5c6d7e\r\n"
        + "\r\n"
        + "{\"event\":\"meeting.participant_left\",\"payload\":{\r\n";
    String capture3 = "POST /webhooks/zoom HTTP/1.1\r\n"
        + "x-zm-request-id: 3c4d5e6f_7a8b_9c0d_1e2f_3a4b5c6d7e8f\r\n"
        + "\r\n"
        + pretty(LEFT);
    ParseResult<MeetingEvent> r = read(capture1 + capture2 + capture3);
    assertEquals(List.of(joined(1, "1a2b3c4d_5e6f_7a8b_9c0d_1e2f3a4b5c6d"),
        left(14, "3c4d5e6f_7a8b_9c0d_1e2f_3a4b5c6d7e8f")), r.records());
    assertEquals(1, r.deadLetters().size());
    DeadLetter d = r.deadLetters().get(0);
    assertEquals(9L, d.sourceLine());
    assertEquals("WH_BAD_JSON", d.reason());
    assertEquals("POST /webhooks/zoom HTTP/1.1\nAuthorization: [REDACTED]\n"
        + "X-Zm-Request-Id: 2b3c4d5e_6f7a_8b9c_0d1e_2f3a4b5c6d7e\n\n"
        + "{\"event\":\"meeting.participant_left\",\"payload\":{", d.rawText());
  }

  @Test
  void captureClientIdIsRedactedWhenItsEventIsRejected() {
    String text = "POST /hook HTTP/1.1\nclientid: SecretClient\nx-zm-request-id: r9\n\n"
        + "{\"event\":\"zoomroom.checked_in\",\"event_ts\":1772463602120}\n";
    ParseResult<MeetingEvent> r = read(text);
    assertEquals(List.of(dead(1, "WH_UNKNOWN_EVENT", "Event 'zoomroom.checked_in' is not a meeting,"
        + " recording, webinar or endpoint event.", "POST /hook HTTP/1.1\nclientid: [REDACTED]\n"
        + "x-zm-request-id: r9\n\n{\"event\":\"zoomroom.checked_in\",\"event_ts\":1772463602120}")),
        r.deadLetters());
  }

  @Test
  void chatSenderIsTheParticipantAndTheMessageTextIsNeverKept() {
    ParseResult<MeetingEvent> r = read(CHAT);
    assertEquals(List.of(new MeetingEvent("m1", FILE, 1, "webhook_events", "meeting.chat_message_sent",
        Instant.parse("2026-03-02T15:06:40.500Z"), null, "Acc1", "81234567890", UUID, null, null, null, null,
        null, "Sam Tester 👍🏻", "sam@example.com", null, null, null, null, null, null, null, null, null,
        List.of())), r.records());
    assertFalse(r.records().get(0).toString().contains("secret question"));
    // A rejected chat event keeps its raw JSON, but not the message text.
    ParseResult<MeetingEvent> bad = read(CHAT.replace("\"uuid\":\"" + UUID + "\",", ""));
    assertEquals("WH_MISSING_FIELD", bad.deadLetters().get(0).reason());
    assertTrue(bad.deadLetters().get(0).rawText().contains("\"message_content\":\"[REDACTED]\""));
    assertFalse(bad.deadLetters().get(0).rawText().contains("secret question"));
    // Unparseable chat JSON is redacted textually.
    ParseResult<MeetingEvent> broken = read(CHAT.substring(0, CHAT.indexOf("\"file_ids\"")));
    assertEquals("WH_BAD_JSON", broken.deadLetters().get(0).reason());
    assertFalse(broken.deadLetters().get(0).rawText().contains("secret question"));
  }

  @Test
  void unknownEventsUnderKnownPrefixesAreKeptAndFlagged() {
    ParseResult<MeetingEvent> r = read("{\"event\":\"webinar.started\",\"event_ts\":1772463602120,"
        + "\"payload\":{\"account_id\":\"Acc1\",\"object\":{\"id\":81234567899,\"uuid\":\"wUuId==\"}}}\n"
        + "{\"event\":\"meeting.some_future_event\",\"payload\":{}}\n"
        + "{\"event\":\"user.created\",\"payload\":{}}\n");
    assertEquals(List.of(List.of("unknown_event"), List.of("unknown_event")),
        r.records().stream().map(MeetingEvent::flags).toList());
    assertEquals("81234567899", r.records().get(0).meetingId());
    assertEquals(List.of(dead(3, "WH_UNKNOWN_EVENT", "Event 'user.created' is not a meeting, recording,"
        + " webinar or endpoint event.", "{\"event\":\"user.created\",\"payload\":{}}")), r.deadLetters());
  }

  @Test
  void urlValidationIsAcceptedAndFlagged() {
    ParseResult<MeetingEvent> r = read("{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},"
        + "\"event_ts\":1772463602120,\"event\":\"endpoint.url_validation\"}");
    assertEquals(List.of(new MeetingEvent("m1", FILE, 1, "webhook_events", "endpoint.url_validation",
        Instant.parse("2026-03-02T15:00:02.120Z"), null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, List.of("url_validation"))),
        r.records());
  }

  @Test
  void missingFieldsAndBadTimesAreDeadLettered() {
    String noEvent = "{\"event_ts\":1772463602120,\"payload\":{}}";
    String noUuid = STARTED.replace("\"uuid\":\"" + UUID + "\",", "");
    String noParticipant = "{\"event\":\"meeting.participant_joined\",\"payload\":{\"object\":{\"uuid\":\"u1\"}}}";
    String badJoin = JOINED.replace("2026-03-02T15:02:30Z", "yesterday");
    String badTs = STARTED.replace("1772463602120", "\"soon\"");
    String notObject = "[1]";
    ParseResult<MeetingEvent> r = read(String.join("\n", noEvent, noUuid, noParticipant, badJoin, badTs,
        notObject));
    assertEquals(List.of(
        List.of(1L, "WH_MISSING_FIELD", "The record has no 'event' name."),
        List.of(2L, "WH_MISSING_FIELD", "Event 'meeting.started' has no payload.object.uuid."),
        List.of(3L, "WH_MISSING_FIELD", "Event 'meeting.participant_joined' has no"
            + " payload.object.participant object."),
        List.of(4L, "WH_BAD_TIME", "join_time 'yesterday' is not an ISO-8601 UTC time."),
        List.of(5L, "WH_BAD_TIME", "event_ts 'soon' is not epoch milliseconds."),
        List.of(6L, "WH_MISSING_FIELD", "The record is not a JSON object, so it has no 'event'.")),
        r.deadLetters().stream().map(d -> List.<Object>of(d.sourceLine(), d.reason(), d.message())).toList());
    assertEquals(List.of(), r.records());
  }

  @Test
  void truncatedPrettyEventIsOneBadJsonRecordFromItsStart() throws Exception {
    String text = pretty(JOINED);
    text = text.substring(0, text.indexOf("\"join_time\""));
    ParseResult<MeetingEvent> r = read(text);
    assertEquals(List.of(), r.records());
    assertEquals(1, r.deadLetters().size());
    assertEquals(1L, r.deadLetters().get(0).sourceLine());
    assertEquals("WH_BAD_JSON", r.deadLetters().get(0).reason());
    assertEquals(text, r.deadLetters().get(0).rawText());
  }

  @Test
  void brokenElementOfAnArrayKeepsTheElementsBeforeIt() {
    String text = "[\n" + STARTED + ",\n{\"event\":\"meeting.ended\",\"payload\":\n";
    ParseResult<MeetingEvent> r = read(text);
    assertEquals(List.of(started(2, null)), r.records());
    assertEquals(List.of(3L), r.deadLetters().stream().map(DeadLetter::sourceLine).toList());
    assertEquals("{\"event\":\"meeting.ended\",\"payload\":\n", r.deadLetters().get(0).rawText());
  }

  @Test
  void eventTsInSecondsIsReadAndFlagged() {
    MeetingEvent e = read(STARTED.replace("1772463602120", "1772463602")).records().get(0);
    assertEquals(Instant.parse("2026-03-02T15:00:02Z"), e.eventTime());
    assertEquals(List.of("event_ts_seconds"), e.flags());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "\uFEFF", "   \r\n  "})
  void emptyInputIsNoData(String text) {
    assertEquals(0, read(text).recordsRead());
  }

  @Test
  void redactionCoversHeaderLinesAndJsonStrings() {
    assertEquals("clientid: [REDACTED]\nAUTHORIZATION : [REDACTED]\nx-zm-request-id: r1",
        Redaction.text("clientid: abc\nAUTHORIZATION : Bearer xyz\nx-zm-request-id: r1"));
    assertEquals("{\"clientid\":\"[REDACTED]\",\"message_content\":\"[REDACTED]",
        Redaction.text("{\"clientid\":\"a\\\"b\",\"message_content\":\"unfinished"));
  }
}
