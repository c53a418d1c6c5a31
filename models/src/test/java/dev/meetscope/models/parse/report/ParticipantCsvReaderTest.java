package dev.meetscope.models.parse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.ParticipantSession;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParticipantCsvReaderTest {
  private static final String FILE = "participants.csv";
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final String PER_SESSION = "layout:legacy_per_session";

  private static ParseContext ctx(ZoneId zone) {
    return new ParseContext("m1", zone, null, null, Set.of(), List.of());
  }

  private static ParseResult<ParticipantSession> read(String text, ZoneId zone) {
    return new ParticipantCsvReader().read(new SourceText(FILE, text), ctx(zone));
  }

  private static ParticipantSession csv(long line, String meetingId, String name, String original,
      String email, String join, String leave, Long seconds, Boolean guest, String role, String consent,
      String... flags) {
    return new ParticipantSession("m1", FILE, line, "participant_csv", meetingId, null, name, original,
        email, null, null, null, null, null, join == null ? null : Instant.parse(join),
        leave == null ? null : Instant.parse(leave), seconds, guest, role, consent, null, null,
        List.of(flags));
  }

  private static DeadLetter dead(long line, String reason, String message, String raw) {
    return new DeadLetter("m1", "parse", "participant_csv", FILE, line, null, reason, message, raw);
  }

  private static void assertCounted(ParseResult<?> r) {
    assertEquals(r.records().size() + r.deadLetters().size(), r.recordsRead());
  }

  @Test
  void legacyPerSessionWithPreambleBomAndCrlf() {
    String text = "\uFEFFMeeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,\r\n"
        + "81234567893,Example Seminar,03/04/2026 09:00:05 AM,03/04/2026 10:01:40 AM,dana@example.com,62,3,\r\n"
        + "\r\n"
        + "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent\r\n"
        + "Dana Host,dana@example.com,03/04/2026 09:00:05 AM,03/04/2026 10:01:40 AM,62,No,Y\r\n"
        + "Ada Example,ada@example.com,03/04/2026 09:02:11 AM,03/04/2026 09:30:00 AM,28,No,Y\r\n"
        + "Ada Example,ada@example.com,03/04/2026 09:33:40 AM,03/04/2026 10:01:30 AM,28,No,Y\r\n"
        + "Lee Placeholder,,03/04/2026 09:05:00 AM,03/04/2026 09:58:20 AM,54,Yes,\r\n"
        + "Gracie (Grace Sample),grace@example.com,03/04/2026 9:08:30 AM,03/04/2026 10:00:00 AM,52,No,Y\r\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of(
        csv(5, "81234567893", "Dana Host", null, "dana@example.com", "2026-03-04T14:00:05Z",
            "2026-03-04T15:01:40Z", 3720L, false, null, "YES", PER_SESSION),
        csv(6, "81234567893", "Ada Example", null, "ada@example.com", "2026-03-04T14:02:11Z",
            "2026-03-04T14:30:00Z", 1680L, false, null, "YES", PER_SESSION),
        csv(7, "81234567893", "Ada Example", null, "ada@example.com", "2026-03-04T14:33:40Z",
            "2026-03-04T15:01:30Z", 1680L, false, null, "YES", PER_SESSION),
        csv(8, "81234567893", "Lee Placeholder", null, null, "2026-03-04T14:05:00Z",
            "2026-03-04T14:58:20Z", 3240L, true, null, "UNKNOWN", PER_SESSION),
        csv(9, "81234567893", "Gracie", "Grace Sample", "grace@example.com", "2026-03-04T14:08:30Z",
            "2026-03-04T15:00:00Z", 3120L, false, null, "YES", PER_SESSION, "original_name_heuristic")),
        r.records());
    assertEquals(List.of(), r.deadLetters());
  }

  @Test
  void uniqueUsersHaveOnlyATotalDurationAndBlankGuestIsUnknown() {
    String text = "Name (Original Name),User Email,Total Duration (Minutes),Guest\r\n"
        + "Dana Host,dana@example.com,122,No\r\n"
        + "Lab Room (Ada Example),,260,Yes\r\n"
        + "Grace Sample,grace@example.com,45,\r\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of(
        csv(2, null, "Dana Host", null, "dana@example.com", null, null, 7320L, false, null, null,
            "layout:unique_users"),
        csv(3, null, "Lab Room", "Ada Example", null, null, null, 15600L, true, null, null,
            "layout:unique_users", "original_name_heuristic"),
        csv(4, null, "Grace Sample", null, "grace@example.com", null, null, 2700L, null, null, null,
            "layout:unique_users")),
        r.records());
  }

  @Test
  void uniqueUsersWithPreambleTakeTheMeetingIdFromIt() {
    String text = "\uFEFFMeeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,\r\n"
        + "81234567890,Example Seminar: Sample Topic,03/14/2025 09:00:05 AM,03/14/2025 11:00:40 AM,"
        + "dana@example.com,121,42,\r\n"
        + ",,,,,,\r\n"
        + "Name (Original Name),User Email,Total Duration (Minutes),Guest\r\n"
        + "Dana Host,dana@example.com,122,No\r\n";
    assertEquals(List.of(csv(5, "81234567890", "Dana Host", null, "dana@example.com", null, null, 7320L,
        false, null, null, "layout:unique_users", "layout:excel")), read(text, NEW_YORK).records());
  }

  @Test
  void adminExportResolvesDuplicateHeadersByPosition() {
    String header = "Topic,Meeting ID,User Name,User Email,Department,Group,Has Zoom Rooms,Creation Time,"
        + "Start Time,End Time,Duration (Minutes),Participants,Name (Original Name),User Email,Join Time,"
        + "Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room\r\n";
    String meeting = "Admin Export,812 3456 7894,Dana Host,dana@example.com,Research,,No,02/03/2026 10:00,"
        + "16/04/2026 14:00,16/04/2026 15:05,65,2,";
    String text = "\uFEFF" + header
        + meeting + "Ada Example (Example Base),ada@example.org,16/04/2026 14:03,16/04/2026 15:01,58,Yes,OK,No\r\n"
        + meeting + "Grace Sample,grace@example.com,16/04/2026 14:10,16/04/2026 14:40,30,No,No Response,Yes\r\n";
    ParseResult<ParticipantSession> r = read(text, ZoneId.of("Europe/London"));
    assertEquals(List.of(
        csv(2, "81234567894", "Ada Example (Example Base)", null, "ada@example.org",
            "2026-04-16T13:03:00Z", "2026-04-16T14:01:00Z", 3480L, true, null, "YES", "layout:admin",
            "name_parentheses_kept"),
        csv(3, "81234567894", "Grace Sample", null, "grace@example.com", "2026-04-16T13:10:00Z",
            "2026-04-16T13:40:00Z", 1800L, false, null, "NO_RESPONSE", "layout:admin", "in_waiting_room")),
        r.records());
  }

  @Test
  void portal2026WithTwoMeetingsHostSuffixPlaceholdersAndQuotedTimes() {
    String header = "Topic,Type,ID,Host name,Host email,Start time,End time,Participants,Duration (minutes),"
        + "Total participant minutes,Department,Group,Source,Unique viewers,Max concurrent views,"
        + "Creation time,Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,"
        + "Recording disclaimer response,In waiting room\n";
    String m1 = "Weekly Sync,Meeting,812 3456 7890,Dana Host,dana@example.com,\"05/04/2026 05:00:10 PM\","
        + "\"05/04/2026 06:01:30 PM\",2,62,118,Sales,,Zoom,-,-,\"04/20/2026 09:15:00 AM\",";
    String m2 = "Project Review,Meeting,812 3456 7891,Dana Host,dana@example.com,\"05/05/2026 10:00:00 AM\","
        + "\"05/05/2026 10:45:00 AM\",1,45,45,Sales,,Zoom,-,-,\"04/21/2026 08:00:00 AM\",";
    String text = header
        + m1 + "Dana Host (Host),dana@example.com,\"05/04/2026 05:00:10 PM\",\"05/04/2026 06:01:30 PM\",62,No,OK,No\n"
        + m1 + "Ada Example,-,\"05/04/2026 05:03:15 PM\",\"05/04/2026 05:58:28 PM\",56,Yes,No Response,No\n"
        + "\n"
        + header
        + m2 + "山田 花子,hanako@example.com,\"05/05/2026 10:00:00 AM\",\"05/05/2026 10:45:00 AM\",45,-,-,-\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    String p = "layout:portal_2026";
    assertEquals(List.of(
        csv(2, "81234567890", "Dana Host", null, "dana@example.com", "2026-05-04T21:00:10Z",
            "2026-05-04T22:01:30Z", 3720L, false, "host", "YES", p),
        csv(3, "81234567890", "Ada Example", null, null, "2026-05-04T21:03:15Z", "2026-05-04T21:58:28Z",
            3360L, true, null, "NO_RESPONSE", p),
        csv(6, "81234567891", "山田 花子", null, "hanako@example.com", "2026-05-05T14:00:00Z",
            "2026-05-05T14:45:00Z", 2700L, null, null, "UNKNOWN", p)),
        r.records());
  }

  @Test
  void excelResaveWithShortYearsPaddingStrayColumnAndNa() {
    String text = "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,\r\n"
        + "81234567895,Example Workshop,3/14/26 9:00,3/14/26 10:30,dana@example.com,90,3,\r\n"
        + ",,,,,,,\r\n"
        + "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Column1,,\r\n"
        + "Dana Host,dana@example.com,3/14/26 9:00,3/14/26 10:30,90,No,,,\r\n"
        + "Lee Placeholder,NA,3/14/26 9:15,3/14/26 9:48,33,NA,,,\r\n"
        + "Ada Example,ada@example.com,3/14/26 9:40,3/14/26 10:05,NA,No,,,\r\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of(
        csv(5, "81234567895", "Dana Host", null, "dana@example.com", "2026-03-14T13:00:00Z",
            "2026-03-14T14:30:00Z", 5400L, false, null, null, PER_SESSION, "layout:excel"),
        csv(6, "81234567895", "Lee Placeholder", null, null, "2026-03-14T13:15:00Z",
            "2026-03-14T13:48:00Z", 1980L, null, null, null, PER_SESSION, "layout:excel"),
        csv(7, "81234567895", "Ada Example", null, "ada@example.com", "2026-03-14T13:40:00Z",
            "2026-03-14T14:05:00Z", null, false, null, null, PER_SESSION, "layout:excel")),
        r.records());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,,\nAda,,3/14/2026 9:00,3/14/2026 9:10,10,No,,\n",
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\nAda,,3/14/2026 9:00,3/14/2026 9:10,10,No,,\n",
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\nAda,NA,3/14/2026 9:00,3/14/2026 9:10,10,No\n",
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\nAda,,3/14/26 9:00,3/14/26 9:10,10,No\n"})
  void eachReSaveSignAloneAddsTheExcelFlag(String text) {
    assertEquals(List.of(PER_SESSION, "layout:excel"), read(text, NEW_YORK).records().get(0).flags());
  }

  @Test
  void zoomWrittenFileHasNoExcelFlag() {
    String text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        + "Ada,,03/14/2026 09:00:00 AM,03/14/2026 09:10:00 AM,10,No\n";
    assertEquals(List.of(PER_SESSION), read(text, NEW_YORK).records().get(0).flags());
  }

  @Test
  void headerMatchingIgnoresCaseSpacingAndBom() {
    String text = "  NAME(original   name) ,USER\u00A0EMAIL, join time ,Leave Time,DURATION ( MINUTES ),guest\n"
        + "Ada Example,ada@example.com,03/04/2026 09:02:11 AM,03/04/2026 09:30:00 AM,28,no\n";
    assertEquals(List.of(csv(2, null, "Ada Example", null, "ada@example.com", "2026-03-04T14:02:11Z",
        "2026-03-04T14:30:00Z", 1680L, false, null, null, PER_SESSION)), read(text, NEW_YORK).records());
  }

  @Test
  void shortRowsArePaddedWithNulls() {
    String text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        + "Ada Example,ada@example.com\n";
    assertEquals(List.of(csv(2, null, "Ada Example", null, "ada@example.com", null, null, null, null, null,
        null, PER_SESSION)), read(text, NEW_YORK).records());
  }

  @Test
  void quotedCommaIsPartOfTheNameAndAMultiLineCellKeepsLaterLineNumbersRight() {
    String text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n"
        + "\"Sample, Grace\",grace@example.com,03/04/2026 09:00:00 AM,03/04/2026 09:10:00 AM,10,No\r\n"
        + "\"Lee\nPlaceholder\",,03/04/2026 09:00:00 AM,03/04/2026 09:10:00 AM,10,Yes\r\n"
        + "Ada Example,,03/04/2026 09:00:00 AM,03/04/2026 09:10:00 AM,10,Yes\r\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of("Sample, Grace", "Lee\nPlaceholder", "Ada Example"),
        r.records().stream().map(ParticipantSession::displayName).toList());
    assertEquals(List.of(2L, 3L, 5L), r.records().stream().map(ParticipantSession::sourceLine).toList());
  }

  @Test
  void badRowsAreDeadLetteredAndGoodRowsKept() {
    String text = "\uFEFFName (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n"
        + "Dana Host,dana@example.com,03/04/2026 09:00:05 AM,03/04/2026 10:01:40 AM,62,No\r\n"
        + "Sample, Grace,grace@example.com,03/04/2026 09:08:30 AM,03/04/2026 10:00:00 AM,52,No\r\n"
        + "Ada Example,ada@example.com,03/04/2026 09:30:00 AM,03/04/2026 09:02:11 AM,28,No\r\n"
        + "Lee Placeholder,,03/04/2026 09:05:00 AM,soon after ten,54,Yes\r\n"
        + "José Núñez,jose@example.com,03/04/2026 9:10:00 AM,03/04/2026 9:45:10 AM,about 36,No\r\n"
        + "Sam Tester,sam@example.com,03/04/2026 9:10:00 AM,03/04/2026 9:45:10 AM,36,No,,\r\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of(
        csv(2, null, "Dana Host", null, "dana@example.com", "2026-03-04T14:00:05Z", "2026-03-04T15:01:40Z",
            3720L, false, null, null, PER_SESSION, "layout:excel"),
        csv(7, null, "Sam Tester", null, "sam@example.com", "2026-03-04T14:10:00Z", "2026-03-04T14:45:10Z",
            2160L, false, null, null, PER_SESSION, "layout:excel")),
        r.records());
    assertEquals(List.of(
        dead(3, "CSV_COLUMN_COUNT", "Row has a value in column 7 but the header has 6 columns (an unquoted"
            + " comma in a name?).",
            "Sample, Grace,grace@example.com,03/04/2026 09:08:30 AM,03/04/2026 10:00:00 AM,52,No"),
        dead(4, "CSV_NEGATIVE_SESSION", "Leave time 2026-03-04T14:02:11Z is before join time"
            + " 2026-03-04T14:30:00Z.",
            "Ada Example,ada@example.com,03/04/2026 09:30:00 AM,03/04/2026 09:02:11 AM,28,No"),
        dead(5, "CSV_BAD_TIME", "Join or leave time cannot be read: unrecognised time 'soon after ten'.",
            "Lee Placeholder,,03/04/2026 09:05:00 AM,soon after ten,54,Yes"),
        dead(6, "CSV_BAD_NUMBER", "Duration 'about 36' is not a number of minutes.",
            "José Núñez,jose@example.com,03/04/2026 9:10:00 AM,03/04/2026 9:45:10 AM,about 36,No")),
        r.deadLetters());
    assertEquals(6, r.recordsRead());
    assertCounted(r);
  }

  @Test
  void rowsBeforeAnyHeaderAreOrphans() {
    String text = "Exported by Dana Host on 2026-03-05,,\n"
        + "Name (Original Name),User Email,Guest\n"
        + "Ada Example,,Yes\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of(dead(1, "CSV_ORPHAN_ROW", "Row comes before any participant header row.",
        "Exported by Dana Host on 2026-03-05,,")), r.deadLetters());
    assertEquals(List.of(csv(2 + 1, null, "Ada Example", null, null, null, null, null, true, null, null,
        PER_SESSION)), r.records());
  }

  @Test
  void fileWithoutANameColumnIsRejectedWhole() {
    String text = "Topic,Start,Attendees\nWeekly Sync,today,5\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of(new DeadLetter("m1", "parse", "participant_csv", FILE, null, 0L,
        "CSV_UNKNOWN_HEADER", "No participant header row found: no row has a participant name column"
            + " ('Name (Original Name)', 'Name', …) followed by e-mail, join, leave, duration or guest"
            + " columns.", text)), r.deadLetters());
    assertEquals(List.of(), r.records());
    assertEquals(1, r.recordsRead());
  }

  @Test
  void undecidable24HourSlashDatesRejectTheWholeFile() {
    String text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        + "Ada Example,,03/04/2026 09:00,03/04/2026 09:30,30,No\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of(new DeadLetter("m1", "parse", "participant_csv", FILE, null, 0L,
        "CSV_AMBIGUOUS_DATE", "Cannot tell DD/MM from MM/DD: no date in the file has a day above 12 (e.g."
            + " '03/04/2026 09:00') and no date order is configured.", text)), r.deadLetters());
    assertEquals(List.of(), r.records());
  }

  @Test
  void aConfiguredOrderReadsAnUndecidableFile() {
    String text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        + "Ada Example,,03/04/2026 09:00,03/04/2026 09:30,30,No\n";
    ParseResult<ParticipantSession> r = new ParticipantCsvReader(DateOrder.DAY_FIRST)
        .read(new SourceText(FILE, text), ctx(NEW_YORK));
    assertEquals(List.of(csv(2, null, "Ada Example", null, null, "2026-04-03T13:00:00Z",
        "2026-04-03T13:30:00Z", 1800L, false, null, null, PER_SESSION)), r.records());
  }

  @Test
  void aLaterDayAboveTwelveFixesTheOrderOfEarlierRows() {
    String text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        + "Ada Example,,03/04/2026 09:00,03/04/2026 09:30,30,No\n"
        + "Grace Sample,,13/04/2026 09:00,13/04/2026 09:30,30,No\n";
    ParseResult<ParticipantSession> r = read(text, ZoneId.of("Europe/London"));
    assertEquals(List.of(Instant.parse("2026-04-03T08:00:00Z"), Instant.parse("2026-04-13T08:00:00Z")),
        r.records().stream().map(ParticipantSession::joinTime).toList());
  }

  @Test
  void usAmPmLayoutIsAlwaysMonthFirst() {
    String text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        + "Ada Example,,03/04/2026 09:00:00 AM,03/04/2026 09:30:00 AM,30,No\n";
    assertEquals(Instant.parse("2026-03-04T14:00:00Z"), read(text, NEW_YORK).records().get(0).joinTime());
  }

  @Test
  void headerOnlyAndEmptyFilesAreNoData() {
    for (String text : List.of("", "\uFEFF", "\r\n\r\n", ",,,,\n",
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n")) {
      ParseResult<ParticipantSession> r = read(text, NEW_YORK);
      assertEquals(0, r.recordsRead(), () -> "for " + text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\n", "\r", "\r\r\n"})
  void everyLineEndGivesTheSameRecordsAndLines(String eol) {
    String text = "\uFEFFMeeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants," + eol
        + "81234567893,Example Seminar,03/04/2026 09:00:05 AM,03/04/2026 10:01:40 AM,dana@example.com,62,2,"
        + eol + eol
        + "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest" + eol
        + "José Núñez,jose@example.com,03/04/2026 09:00:05 AM,03/04/2026 10:01:40 AM,62,No" + eol
        + "山田 花子,,03/04/2026 09:10:00 AM,03/04/2026 09:20:00 AM,10,Yes"; // no final line end
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of(
        csv(5, "81234567893", "José Núñez", null, "jose@example.com", "2026-03-04T14:00:05Z",
            "2026-03-04T15:01:40Z", 3720L, false, null, null, PER_SESSION),
        csv(6, "81234567893", "山田 花子", null, null, "2026-03-04T14:10:00Z", "2026-03-04T14:20:00Z",
            600L, true, null, null, PER_SESSION)),
        r.records());
  }

  @Test
  void emojiNamesAreKeptVerbatim() {
    String text = "Name (Original Name),User Email,Total Duration (Minutes),Guest\n"
        + "Sam Tester 👍🏻,,5,No\n"
        + "🎧 Lee (Lee Placeholder),,7,Yes\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of(
        csv(2, null, "Sam Tester 👍🏻", null, null, null, null, 300L, false, null, null, "layout:unique_users"),
        csv(3, null, "🎧 Lee", "Lee Placeholder", null, null, null, 420L, true, null, null,
            "layout:unique_users", "original_name_heuristic")),
        r.records());
  }

  @Test
  void recordingConsentAndGuestValuesAreNormalised() {
    String text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,"
        + "Recording Consent\n"
        + "A,,,,1,Yes,Y\n"
        + "B,,,,1,No,OK\n"
        + "C,,,,1,,No Response\n"
        + "D,,,,1,Maybe,\n"
        + "E,,,,1,no,Declined\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertEquals(List.of("YES", "YES", "NO_RESPONSE", "UNKNOWN", "UNKNOWN"),
        r.records().stream().map(ParticipantSession::recordingConsent).toList());
    assertEquals(java.util.Arrays.asList(true, false, null, null, false),
        r.records().stream().map(ParticipantSession::guest).toList());
    assertEquals(List.of(PER_SESSION, "guest_unrecognised"), r.records().get(3).flags());
    assertEquals(List.of(PER_SESSION, "recording_consent_unrecognised"), r.records().get(4).flags());
  }

  @Test
  void missingZoneMeansUtcAndIsFlagged() {
    String text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        + "Ada Example,,03/04/2026 09:00:00 AM,03/04/2026 09:30:00 AM,30,No\n";
    ParticipantSession s = read(text, null).records().get(0);
    assertEquals(Instant.parse("2026-03-04T09:00:00Z"), s.joinTime());
    assertEquals(List.of(PER_SESSION, "tz_assumed_utc"), s.flags());
    String noTimes = "Name (Original Name),User Email,Total Duration (Minutes),Guest\nAda Example,,5,No\n";
    assertEquals(List.of("layout:unique_users"), read(noTimes, null).records().get(0).flags());
  }

  @Test
  void unbalancedQuoteAtEndOfFileStillYieldsARecord() {
    String text = "Name (Original Name),User Email,Guest\nAda Example,\"ada@example.com,Yes\n";
    ParseResult<ParticipantSession> r = read(text, NEW_YORK);
    assertCounted(r);
    assertEquals(1, r.recordsRead());
    assertTrue(r.records().get(0).email().startsWith("ada@example.com"));
  }
}
