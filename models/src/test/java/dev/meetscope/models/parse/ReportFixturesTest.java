package dev.meetscope.models.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.ParticipantSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The participant-report and webhook fixture folders, parsed the way the pipeline parses them. */
class ReportFixturesTest {

  private static ParsedMeeting parse(String folder) throws IOException {
    List<InputFile> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(FormatSnifferReportTest.FIXTURES.resolve(folder))) {
      for (Path p : s.sorted().toList()) {
        files.add(new InputFile(p.getFileName().toString(), Files.readAllBytes(p)));
      }
    }
    return new MeetingFolderParser(null, List.of()).parse(folder, files);
  }

  private static FileStat stat(ParsedMeeting m, String file) {
    return m.fileStats().stream().filter(s -> s.sourceFile().equals(file)).findFirst().orElseThrow();
  }

  private static byte[] bytes(String file) throws IOException {
    return Files.readAllBytes(FormatSnifferReportTest.FIXTURES.resolve(file));
  }

  @Test
  void legacyPerSessionFixtureKeepsBomAndCrlfAndParsesInTheManifestZone() throws IOException {
    byte[] b = bytes("report-legacy-per-session/participants_81234567893.csv");
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(b, 3));
    assertTrue(new String(b, StandardCharsets.UTF_8).contains("Y\r\nAda Example"));
    ParsedMeeting m = parse("report-legacy-per-session");
    assertEquals(6, m.sessions().size());
    assertEquals(List.of(), m.deadLetters());
    ParticipantSession dana = m.sessions().get(0);
    assertEquals("81234567893", dana.meetingId());
    assertEquals(Instant.parse("2026-03-04T14:00:05Z"), dana.joinTime());
    assertEquals(2, m.sessions().stream().filter(s -> "Ada Example".equals(s.displayName())).count());
    ParticipantSession guest = m.sessions().get(3);
    assertEquals(List.of("Lee Placeholder", "UNKNOWN"), Arrays.asList(guest.displayName(),
        guest.recordingConsent()));
    assertEquals(true, guest.guest());
    assertEquals(null, guest.email());
    ParticipantSession renamed = m.sessions().get(4);
    assertEquals(List.of("Gracie", "Grace Sample"), List.of(renamed.displayName(), renamed.originalName()));
    assertEquals(List.of("layout:legacy_per_session", "original_name_heuristic"), renamed.flags());
    assertEquals("José Núñez", m.sessions().get(5).displayName());
    assertEquals(new FileStat("report-legacy-per-session", "participants_81234567893.csv", "participant_csv",
        "parsed", b.length, 6, 6, 0), stat(m, "participants_81234567893.csv"));
  }

  @Test
  void uniqueUsersFixture() throws IOException {
    ParsedMeeting m = parse("report-unique-users");
    assertEquals(List.of(7320L, 15600L, 2700L, 5280L, 60L),
        m.sessions().stream().map(ParticipantSession::durationSeconds).toList());
    assertTrue(m.sessions().stream().allMatch(s -> s.guest() == null && s.joinTime() == null));
    assertEquals(List.of("Dana Host", "Lab Room", "Grace Sample", "山田 花子", "Sam Tester 👍🏻"),
        m.sessions().stream().map(ParticipantSession::displayName).toList());
  }

  @Test
  void portal2026FixtureHoldsTwoMeetings() throws IOException {
    ParsedMeeting m = parse("report-portal-2026");
    assertFalse(new String(bytes("report-portal-2026/participants.csv"), StandardCharsets.UTF_8)
        .startsWith("\uFEFF"));
    assertEquals(List.of("81234567890", "81234567890", "81234567890", "81234567891", "81234567891"),
        m.sessions().stream().map(ParticipantSession::meetingId).toList());
    assertEquals(Arrays.asList("host", null, null, "host", null),
        m.sessions().stream().map(ParticipantSession::role).toList());
    assertEquals(List.of(2L, 3L, 4L, 7L, 8L), m.sessions().stream().map(ParticipantSession::sourceLine).toList());
    assertEquals(List.of("layout:portal_2026", "in_waiting_room"), m.sessions().get(2).flags());
  }

  @Test
  void excelResaveFixture() throws IOException {
    ParsedMeeting m = parse("report-excel-resave");
    assertEquals(4, m.sessions().size());
    assertTrue(m.sessions().stream().allMatch(s -> s.flags().equals(
        List.of("layout:legacy_per_session", "layout:excel"))));
    assertEquals(Instant.parse("2026-03-14T09:15:00Z"), m.sessions().get(2).joinTime());
    assertEquals(Arrays.asList(null, null), Arrays.asList(m.sessions().get(2).email(), m.sessions().get(2).guest()));
  }

  @Test
  void adminFixtureUsesTheManifestZoneAndDayFirstDates() throws IOException {
    ParsedMeeting m = parse("report-admin");
    assertEquals(List.of(Instant.parse("2026-04-16T13:00:00Z"), Instant.parse("2026-04-16T13:03:00Z"),
        Instant.parse("2026-04-16T13:10:00Z"), Instant.parse("2026-04-16T13:45:00Z")),
        m.sessions().stream().map(ParticipantSession::joinTime).toList());
    assertEquals("Ada Example (Example Base)", m.sessions().get(1).displayName());
    assertEquals("ada@example.org", m.sessions().get(1).email());
    assertEquals(3480L, m.sessions().get(1).durationSeconds());
  }

  @Test
  void reportApiAndPastMeetingFixtures() throws IOException {
    ParsedMeeting api = parse("report-api");
    assertEquals(List.of("16778240", "16779264", "16780288", "16781312", "16782336"),
        api.sessions().stream().map(ParticipantSession::userId).toList());
    assertEquals(Arrays.asList("DhOsTExampleUserId001", "aDaExampleUserId00002", null,
        "aDaExampleUserId00002", "gRaCeExampleUserId003"),
        api.sessions().stream().map(ParticipantSession::participantId).toList());
    assertEquals("bOmTgExample0001==", api.sessions().get(4).breakoutRoomId());
    ParsedMeeting past = parse("past-meeting-api");
    assertEquals(List.of("past_meeting_api_json"),
        past.sessions().stream().map(ParticipantSession::format).distinct().toList());
    assertEquals(3, past.sessions().size());
  }

  @Test
  void webhookFixtures() throws IOException {
    assertTrue(new String(bytes("events-webhooks/capture.http"), StandardCharsets.UTF_8)
        .contains("clientid: ExampleClientId0001\r\n"));
    ParsedMeeting m = parse("events-webhooks");
    assertEquals(List.of(), m.deadLetters());
    List<MeetingEvent> capture = m.events().stream().filter(e -> e.sourceFile().equals("capture.http")).toList();
    assertEquals(List.of("1a2b3c4d_5e6f_7a8b_9c0d_1e2f3a4b5c6d", "2b3c4d5e_6f7a_8b9c_0d1e_2f3a4b5c6d7e"),
        capture.stream().map(MeetingEvent::requestId).toList());
    List<MeetingEvent> ndjson = m.events().stream().filter(e -> e.sourceFile().equals("events.ndjson")).toList();
    assertEquals(List.of("meeting.started", "meeting.participant_joined", "meeting.participant_joined",
        "meeting.participant_joined", "meeting.chat_message_sent", "meeting.participant_left",
        "meeting.participant_joined", "meeting.ended", "meeting.participant_left"),
        ndjson.stream().map(MeetingEvent::event).toList());
    assertEquals("Ada Example", ndjson.get(4).displayName());
    assertEquals(List.of("16779264", "16781312"), ndjson.stream()
        .filter(e -> e.event().equals("meeting.participant_joined") && "Ada Example".equals(e.displayName()))
        .map(MeetingEvent::userId).toList());
  }

  @Test
  void malformedFixturesAreDeadLetteredPerRecord() throws IOException {
    ParsedMeeting m = parse("malformed");
    List<String> ours = m.deadLetters().stream()
        .filter(d -> d.sourceFile().equals("bad-rows.csv") || d.sourceFile().equals("broken-event.json"))
        .map(d -> d.sourceFile() + ":" + d.sourceLine() + ":" + d.reason()).toList();
    assertEquals(List.of("bad-rows.csv:3:CSV_COLUMN_COUNT", "bad-rows.csv:4:CSV_NEGATIVE_SESSION",
        "bad-rows.csv:5:CSV_BAD_TIME", "broken-event.json:1:WH_BAD_JSON"), ours);
    FileStat csv = stat(m, "bad-rows.csv");
    assertEquals(List.of(5L, 2L, 3L), List.of(csv.recordsRead(), csv.recordsParsed(), csv.recordsDeadLettered()));
    assertEquals("dead_lettered", stat(m, "broken-event.json").status());
    // CSV raw text has its line ends normalised (other files of this folder belong to other readers).
    assertTrue(m.deadLetters().stream().filter(d -> d.sourceFile().equals("bad-rows.csv"))
        .map(DeadLetter::rawText).noneMatch(r -> r.contains("\r")));
  }
}
