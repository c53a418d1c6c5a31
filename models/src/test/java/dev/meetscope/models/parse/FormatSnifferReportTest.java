package dev.meetscope.models.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FormatSniffer on participant reports and webhook events, inline and from the fixture folders. */
class FormatSnifferReportTest {
  static final Path FIXTURES = Path.of("..", "fixtures", "meetings");
  private static final String PAGE = "{\"page_count\":1,\"next_page_token\":\"\",\"participants\":["
      + "{\"id\":\"\",\"user_id\":\"16778240\",\"name\":\"Ada Example\",\"user_email\":\"\",\"duration\":60}]}";
  private static final String PAST_PAGE = "{\"participants\":[{\"id\":\"\",\"name\":\"Ada Example\","
      + "\"internal_user\":false}]}";
  private static final String EVENT = "{\"payload\":{\"object\":{\"uuid\":\"u1\"}},\"event_ts\":1772463602120,"
      + "\"event\":\"meeting.started\"}";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "report-legacy-per-session/participants_81234567893.csv | PARTICIPANT_CSV",
      "report-unique-users/participants.csv                   | PARTICIPANT_CSV",
      "report-portal-2026/participants.csv                    | PARTICIPANT_CSV",
      "report-excel-resave/participants.csv                   | PARTICIPANT_CSV",
      "report-admin/active_hosts.csv                          | PARTICIPANT_CSV",
      "report-admin/meeting.json                              | MANIFEST",
      "report-legacy-per-session/meeting.json                 | MANIFEST",
      "report-api/report_participants_page1.json              | REPORT_API_JSON",
      "report-api/report_participants_page2.json              | REPORT_API_JSON",
      "past-meeting-api/participants.json                     | PAST_MEETING_API_JSON",
      "events-webhooks/events.ndjson                          | WEBHOOK_EVENTS",
      "events-webhooks/capture.http                           | WEBHOOK_EVENTS",
      "malformed/bad-rows.csv                                 | PARTICIPANT_CSV",
      "malformed/broken-event.json                            | WEBHOOK_EVENTS"})
  void fixtureFiles(String file, InputFormat expected) throws IOException {
    String text = new String(Files.readAllBytes(FIXTURES.resolve(file)), StandardCharsets.UTF_8);
    assertEquals(expected, FormatSniffer.sniff(text));
  }

  @Test
  void csvHeadersOfEveryLayout() {
    assertEquals(InputFormat.PARTICIPANT_CSV, FormatSniffer.sniff(
        "\uFEFFName (Original Name),User Email,Total Duration (Minutes),Guest\r\nAda,,5,\r\n"));
    assertEquals(InputFormat.PARTICIPANT_CSV, FormatSniffer.sniff(
        "Topic,Type,ID,Host name,Host email,Start time,End time,Participants\nWeekly Sync,Meeting,1,2,3,4,5,6\n"));
    assertEquals(InputFormat.PARTICIPANT_CSV, FormatSniffer.sniff(
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,\r\n"));
    assertEquals(InputFormat.PARTICIPANT_CSV, FormatSniffer.sniff(
        "name (original name),email,join time,leave time\nAda,,3/14/26 9:00,3/14/26 9:30\n"));
  }

  @Test
  void participantPagesInEveryShape() {
    assertEquals(InputFormat.REPORT_API_JSON, FormatSniffer.sniff(PAGE));
    assertEquals(InputFormat.REPORT_API_JSON, FormatSniffer.sniff(PAGE + "\n" + PAGE + "\n"));
    // Was UNKNOWN before: a JSON array of pages.
    assertEquals(InputFormat.REPORT_API_JSON, FormatSniffer.sniff("[" + PAGE + ",\n" + PAGE + "]"));
    assertEquals(InputFormat.PAST_MEETING_API_JSON, FormatSniffer.sniff(PAST_PAGE));
    assertEquals(InputFormat.PAST_MEETING_API_JSON, FormatSniffer.sniff("[" + PAGE + "," + PAST_PAGE + "]"));
    assertEquals(InputFormat.UNKNOWN, FormatSniffer.sniff("[1,2]"));
  }

  @Test
  void webhookEventsInEveryShape() {
    assertEquals(InputFormat.WEBHOOK_EVENTS, FormatSniffer.sniff(EVENT));
    assertEquals(InputFormat.WEBHOOK_EVENTS, FormatSniffer.sniff("{\n  \"event\": \"meeting.ended\",\n"
        + "  \"payload\": {}\n}\n"));
    assertEquals(InputFormat.WEBHOOK_EVENTS, FormatSniffer.sniff("[" + EVENT + "," + EVENT + "]"));
    assertEquals(InputFormat.WEBHOOK_EVENTS, FormatSniffer.sniff(EVENT + "\n" + EVENT + "\n"));
    assertEquals(InputFormat.WEBHOOK_EVENTS, FormatSniffer.sniff(
        "{\"request_id\":\"r1\",\"headers\":{},\"body\":" + EVENT + "}\n"));
    assertEquals(InputFormat.WEBHOOK_EVENTS, FormatSniffer.sniff(
        "POST /webhooks/zoom HTTP/1.1\r\nx-zm-request-id: r1\r\n\r\n" + EVENT + "\r\n"));
    assertEquals(InputFormat.WEBHOOK_EVENTS, FormatSniffer.sniff("{\"event\":\"meeting.participant_jo"));
  }
}
