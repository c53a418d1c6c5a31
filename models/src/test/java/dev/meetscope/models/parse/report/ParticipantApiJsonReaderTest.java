package dev.meetscope.models.parse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.ParticipantSession;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParticipantApiJsonReaderTest {
  private static final String FILE = "participants.json";
  private static final String DANA = "{\"id\":\"DhOsT001\",\"user_id\":\"16778240\","
      + "\"participant_user_id\":\"DhOsT001\",\"name\":\"Dana Host\",\"user_email\":\"dana@example.com\","
      + "\"join_time\":\"2026-03-04T14:00:05Z\",\"leave_time\":\"2026-03-04T15:01:40Z\",\"duration\":3695,"
      + "\"registrant_id\":\"\",\"failover\":false,\"status\":\"in_meeting\",\"customer_key\":\"\"}";
  private static final String GUEST = "{\"id\":\"\",\"user_id\":\"16780288\",\"name\":\"José Núñez\","
      + "\"user_email\":\"\",\"join_time\":\"2026-03-04T14:05:00Z\",\"leave_time\":\"2026-03-04T14:58:20Z\","
      + "\"duration\":3200,\"registrant_id\":null,\"failover\":false,\"status\":\"in_meeting\"}";
  private static final String ADA_REJOIN = "{\"id\":\"aDa002\",\"user_id\":16781312,"
      + "\"participant_user_id\":\"aDa002\",\"name\":\"Ada Example\",\"user_email\":\"ada@example.com\","
      + "\"join_time\":\"2026-03-04T14:33:40Z\",\"leave_time\":\"2026-03-04T15:01:30Z\",\"duration\":\"1670\","
      + "\"registrant_id\":\"reg-9\",\"failover\":true,\"status\":\"in_meeting\",\"customer_key\":\"ck-7\","
      + "\"bo_mtg_id\":\"bOmTg1==\"}";

  private static ParseResult<ParticipantSession> read(String text) {
    return new ParticipantApiJsonReader().read(new SourceText(FILE, text), ParseContext.minimal("m1"));
  }

  private static ParticipantSession dana(long line, String format) {
    return new ParticipantSession("m1", FILE, line, format, null, null, "Dana Host", null,
        "dana@example.com", "DhOsT001", "DhOsT001", "16778240", null, null,
        Instant.parse("2026-03-04T14:00:05Z"), Instant.parse("2026-03-04T15:01:40Z"), 3695L, null, null,
        null, "in_meeting", null, List.of());
  }

  private static ParticipantSession guest(long line) {
    return new ParticipantSession("m1", FILE, line, "report_api_json", null, null, "José Núñez", null, null,
        null, null, "16780288", null, null, Instant.parse("2026-03-04T14:05:00Z"),
        Instant.parse("2026-03-04T14:58:20Z"), 3200L, null, null, null, "in_meeting", null, List.of());
  }

  private static ParticipantSession adaRejoin(long line) {
    return new ParticipantSession("m1", FILE, line, "report_api_json", null, null, "Ada Example", null,
        "ada@example.com", "aDa002", "aDa002", "16781312", "ck-7", "reg-9",
        Instant.parse("2026-03-04T14:33:40Z"), Instant.parse("2026-03-04T15:01:30Z"), 1670L, null, null,
        null, "in_meeting", "bOmTg1==", List.of("failover"));
  }

  private static DeadLetter dead(long line, String format, String reason, String message, String raw) {
    return new DeadLetter("m1", "parse", format, FILE, line, null, reason, message, raw);
  }

  @Test
  void onePrettyPageKeepsEachRowsLine() {
    String text = "\uFEFF{\r\n  \"page_count\": 1,\r\n  \"page_size\": 30,\r\n  \"total_records\": 2,\r\n"
        + "  \"next_page_token\": \"\",\r\n  \"participants\": [\r\n    " + DANA + ",\r\n    " + GUEST
        + "\r\n  ]\r\n}\r\n";
    ParseResult<ParticipantSession> r = read(text);
    assertEquals(List.of(dana(7, "report_api_json"), guest(8)), r.records());
    assertEquals(List.of(), r.deadLetters());
  }

  @Test
  void participantsBeforeTheEnvelopeFieldsAndNoFinalNewline() {
    String text = "{\"participants\":[" + DANA + "],\"page_count\":1,\"next_page_token\":\"\"}";
    assertEquals(List.of(dana(1, "report_api_json")), read(text).records());
  }

  @Test
  void jsonArrayOfPages() {
    String text = "[\n{\"next_page_token\":\"tok\",\"participants\":[\n" + DANA + ",\n" + GUEST + "\n]},\n"
        + "{\"next_page_token\":\"\",\"participants\":[\n" + ADA_REJOIN + "\n]}\n]\n";
    assertEquals(List.of(dana(3, "report_api_json"), guest(4), adaRejoin(7)), read(text).records());
  }

  @Test
  void ndjsonOfPages() {
    String text = "{\"next_page_token\":\"tok\",\"participants\":[" + DANA + "," + GUEST + "]}\n"
        + "\n"
        + "{\"next_page_token\":\"\",\"participants\":[" + ADA_REJOIN + "]}\n";
    assertEquals(List.of(dana(1, "report_api_json"), guest(1), adaRejoin(3)), read(text).records());
  }

  @Test
  void pastMeetingRowsCarryInternalUser() {
    String row = "{\"id\":\"DhOsT001\",\"name\":\"Dana Host\",\"user_id\":\"16778240\",\"registrant_id\":\"\","
        + "\"user_email\":\"dana@example.com\",\"join_time\":\"2026-03-04T14:00:05Z\","
        + "\"leave_time\":\"2026-03-04T15:01:40Z\",\"duration\":3695,\"failover\":false,"
        + "\"status\":\"in_meeting\",\"internal_user\":true}";
    String other = "{\"id\":\"\",\"name\":\"山田 花子\",\"user_id\":\"16779264\",\"user_email\":\"\","
        + "\"duration\":60,\"internal_user\":false}";
    ParseResult<ParticipantSession> r = read("{\"participants\":[\n" + row + ",\n" + other + "\n]}");
    assertEquals(List.of(
        new ParticipantSession("m1", FILE, 2, "past_meeting_api_json", null, null, "Dana Host", null,
            "dana@example.com", "DhOsT001", null, "16778240", null, null,
            Instant.parse("2026-03-04T14:00:05Z"), Instant.parse("2026-03-04T15:01:40Z"), 3695L, null, null,
            null, "in_meeting", null, List.of("internal_user:true")),
        new ParticipantSession("m1", FILE, 3, "past_meeting_api_json", null, null, "山田 花子", null, null,
            null, null, "16779264", null, null, null, null, 60L, null, null, null, null, null,
            List.of("internal_user:false"))),
        r.records());
  }

  @Test
  void badRowsAreDeadLetteredOneByOne() {
    String text = "{\"participants\":[\n"
        + "\"Dana Host\",\n"
        + "{\"id\":\"\",\"user_email\":\"x@example.com\",\"registrant_id\":null},\n"
        + "{\"name\":\"Ada Example\",\"join_time\":\"03/04/2026 09:00\"},\n"
        + "{\"name\":\"Grace Sample\",\"join_time\":\"2026-03-04T15:00:00Z\",\"leave_time\":\"2026-03-04T14:00:00Z\"},\n"
        + "{\"name\":\"Lee Placeholder\",\"duration\":\"long\"},\n"
        + DANA + "\n"
        + "]}\n";
    ParseResult<ParticipantSession> r = read(text);
    String f = "report_api_json";
    assertEquals(List.of(
        dead(2, f, "API_BAD_ROW", "A participants entry is not a JSON object.", "\"Dana Host\""),
        dead(3, f, "API_BAD_ROW", "The row has no name and no id (id, user_id, participant_user_id,"
            + " customer_key, registrant_id).", "{\"id\":\"\",\"user_email\":\"x@example.com\",\"registrant_id\":null}"),
        dead(4, f, "API_BAD_TIME", "join_time or leave_time is not an ISO-8601 UTC time: Text '03/04/2026"
            + " 09:00' could not be parsed at index 0.", "{\"name\":\"Ada Example\",\"join_time\":\"03/04/2026 09:00\"}"),
        dead(5, f, "API_NEGATIVE_SESSION", "leave_time 2026-03-04T14:00:00Z is before join_time"
            + " 2026-03-04T15:00:00Z.", "{\"name\":\"Grace Sample\",\"join_time\":\"2026-03-04T15:00:00Z\","
            + "\"leave_time\":\"2026-03-04T14:00:00Z\"}"),
        dead(6, f, "API_BAD_ROW", "duration 'long' is not a whole number of seconds.",
            "{\"name\":\"Lee Placeholder\",\"duration\":\"long\"}")),
        r.deadLetters());
    assertEquals(List.of(dana(7, f)), r.records());
    assertEquals(6, r.recordsRead());
  }

  @Test
  void aTopLevelValueThatIsNoPageIsDeadLettered() {
    String text = "{\"code\":3001,\"message\":\"Meeting does not exist.\"}\n{\"participants\":[" + DANA + "]}\n";
    ParseResult<ParticipantSession> r = read(text);
    assertEquals(List.of(dead(1, "report_api_json", "API_BAD_PAGE", "A top-level value is not a"
        + " participants page (an object with a 'participants' array).",
        "{\"code\":3001,\"message\":\"Meeting does not exist.\"}")), r.deadLetters());
    assertEquals(List.of(dana(2, "report_api_json")), r.records());
  }

  @Test
  void invalidJsonRejectsTheWholeFile() {
    String text = "{\"participants\":[" + DANA + ",\n{\"name\":\"Ada Ex";
    ParseResult<ParticipantSession> r = read(text);
    assertEquals(List.of(), r.records());
    assertEquals(1, r.deadLetters().size());
    DeadLetter d = r.deadLetters().get(0);
    assertEquals("API_BAD_JSON", d.reason());
    assertEquals("report_api_json", d.format());
    assertNull(d.sourceLine());
    assertEquals(0L, d.byteOffset());
    assertEquals(text, d.rawText());
    assertEquals("The file is not valid JSON: Unexpected end-of-input: was expecting closing quote for a"
        + " string value at line 2, column 16.", d.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n", "\uFEFF", "{\"page_count\":0,\"participants\":[]}", "[]"})
  void emptyInputIsNoData(String text) {
    assertEquals(0, read(text).recordsRead());
  }
}
