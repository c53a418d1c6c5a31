package dev.meetscope.transforms.zoomapi;

import dev.meetscope.transforms.http.RetryPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.parse.FormatSniffer;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.transforms.zoomapi.FakeZoom.Resp;
import dev.meetscope.transforms.zoomapi.PullReport.FileStatus;
import dev.meetscope.transforms.zoomapi.PullReport.ParticipantsStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoomDayPullerTest {
  static final Instant NOW = Instant.parse("2026-03-03T06:00:00Z");
  static final String A = "aB3+cD9/eF1gH2iJ3kL4mN==";
  static final String A_PATH = "aB3%252BcD9%252FeF1gH2iJ3kL4mN%253D%253D";
  static final String B = "/Zk9Qw+Rt//5LmNoPq1Rsw==";
  static final String B_PATH = "%252FZk9Qw%252BRt%252F%252F5LmNoPq1Rsw%253D%253D";
  static final String D = "qwErTy12UiOp34AsDf56Gh==";
  static final String D_PATH = "qwErTy12UiOp34AsDf56Gh%3D%3D";
  static final String FOLDER_A = "20260302T150002Z_81234567890_aB3-cD9_eF1gH2iJ3kL4mN";
  static final String FOLDER_B = "20260302T200000Z_85550001111__Zk9Qw-Rt__5LmNoPq1Rsw";
  static final String FOLDER_D = "20260301T233000Z_87770002222_qwErTy12UiOp34AsDf56Gh";
  static final String RANGE = "type=past&from=2026-03-01&to=2026-03-03&page_size=300";
  static final String PARTS = "include_fields=registrant_id&page_size=300";

  static final byte[] TRANSCRIPT_A = ("WEBVTT\r\n\r\n1\r\n00:00:04.859 --> 00:00:07.410\r\n"
      + "Ada Example: Okay, so we're recording now.\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  static final byte[] CHAT_A = "00:05:16\tAda Example:\tLet’s keep mics muted unless speaking\r\n"
      .getBytes(StandardCharsets.UTF_8);
  static final byte[] CC_A = "WEBVTT\r\n\r\n00:01:08.000 --> 00:01:09.000\r\nThat one doesn't.\r\n\r\n"
      .getBytes(StandardCharsets.UTF_8);
  static final byte[] CHAT_B = "00:00:30\tGrace Sample:\tHello 👍🏻\r\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path out;
  FakeZoom zoom;

  @BeforeEach
  void start() throws IOException {
    zoom = new FakeZoom();
  }

  @AfterEach
  void stop() {
    zoom.close();
  }

  private ZoomApiClient client(TestClock clock) {
    return new ZoomApiClient(zoom.apiBase(), zoom.base(),
        new ZoomCredentials(FakeZoom.ACCOUNT, FakeZoom.CLIENT_ID, FakeZoom.CLIENT_SECRET), clock, clock,
        RetryPolicy.DEFAULT);
  }

  private PullReport pull(TestClock clock) throws IOException {
    ZoomDayPuller puller = new ZoomDayPuller(client(clock), new BeamLandingStore(out.toString()), clock,
        ZoomDayPuller.DEFAULT_FILE_TYPES);
    return puller.pull(PullWindow.of("2026-03-02", ZoneOffset.UTC, clock));
  }

  static String participantsPage(String token, String... rows) {
    return "{\"page_count\":2,\"page_size\":300,\"total_records\":" + rows.length + ",\"next_page_token\":\""
        + token + "\",\"participants\":[" + String.join(",", rows) + "]}";
  }

  static String row(String id, String userId, String name, String email, String join, String leave, int seconds) {
    return "{\"id\":\"" + id + "\",\"user_id\":\"" + userId + "\",\"name\":\"" + name + "\",\"user_email\":\""
        + email + "\",\"join_time\":\"" + join + "\",\"leave_time\":\"" + leave + "\",\"duration\":" + seconds
        + ",\"registrant_id\":\"\",\"failover\":false,\"status\":\"in_meeting\",\"customer_key\":\"\"}";
  }

  static String file(String base, String id, String type, String ext, String start, Integer size, String status) {
    return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"meeting_id\":\"x\",\"recording_start\":\"" + start
        + "\",\"recording_end\":\"2026-03-02T16:01:20Z\",\"file_type\":\"" + type + "\",\"file_extension\":\""
        + ext + "\"" + (size == null ? "" : ",\"file_size\":" + size) + ",\"download_url\":\"" + base
        + "/rec/download/" + (id == null ? "cc-" + start.substring(11, 13) : id) + "\""
        + (status == null ? "" : ",\"status\":\"" + status + "\"") + "}";
  }

  /** Two users on two pages, four meetings of which three ended on 2026-03-02 (UTC). */
  private void account() {
    String b = zoom.base();
    zoom.route("/v2/users?status=active&page_size=300", Resp.json(200, "{\"page_count\":2,\"page_number\":1,"
        + "\"page_size\":300,\"total_records\":2,\"next_page_token\":\"usr-p2\",\"users\":[{\"id\":\"u1\","
        + "\"first_name\":\"Dana\",\"last_name\":\"Host\",\"email\":\"dana.host@example.com\",\"type\":2,"
        + "\"timezone\":\"America/New_York\",\"status\":\"active\"}]}"));
    zoom.route("/v2/users?status=active&page_size=300&next_page_token=usr-p2", Resp.json(200,
        "{\"page_count\":2,\"page_size\":300,\"total_records\":2,\"next_page_token\":\"\",\"users\":[{\"id\":\"u2\","
        + "\"email\":\"grace@example.com\",\"timezone\":\"Europe/Berlin\",\"status\":\"active\"}]}"));
    zoom.route("/v2/report/users/u1/meetings?" + RANGE, Resp.json(200, "{\"from\":\"2026-03-01\",\"to\":\"2026-03-03\","
        + "\"page_count\":2,\"page_size\":300,\"total_records\":3,\"next_page_token\":\"mtg-p2\",\"meetings\":["
        + "{\"uuid\":\"" + A + "\",\"id\":81234567890,\"type\":2,\"topic\":\"Weekly Sync\",\"user_name\":\"Dana Host\","
        + "\"user_email\":\"dana.host@example.com\",\"start_time\":\"2026-03-02T15:00:02Z\",\"end_time\":"
        + "\"2026-03-02T16:01:30Z\",\"duration\":62,\"total_minutes\":180,\"participants_count\":3},"
        + "{\"uuid\":\"old+Occurrence/0001AAAA==\",\"id\":81234567890,\"type\":2,\"topic\":\"Weekly Sync\","
        + "\"user_email\":\"dana.host@example.com\",\"start_time\":\"2026-03-01T10:00:00Z\",\"end_time\":"
        + "\"2026-03-01T11:00:00Z\",\"duration\":60}]}"));
    zoom.route("/v2/report/users/u1/meetings?" + RANGE + "&next_page_token=mtg-p2", Resp.json(200,
        "{\"page_count\":2,\"page_size\":300,\"total_records\":3,\"next_page_token\":\"\",\"meetings\":["
        + "{\"uuid\":\"" + B + "\",\"id\":85550001111,\"type\":8,\"topic\":\"Example Seminar\","
        + "\"user_email\":\"dana.host@example.com\",\"start_time\":\"2026-03-02T20:00:00Z\",\"end_time\":"
        + "\"2026-03-02T21:10:00Z\",\"duration\":70},"
        + "{\"uuid\":\"late+Ending/0002BBBB==\",\"id\":85550001111,\"type\":8,\"topic\":\"Example Seminar\","
        + "\"user_email\":\"dana.host@example.com\",\"start_time\":\"2026-03-02T23:30:00Z\",\"end_time\":"
        + "\"2026-03-03T00:20:00Z\",\"duration\":50}]}"));
    zoom.route("/v2/report/users/u2/meetings?" + RANGE, Resp.json(200, "{\"page_size\":300,\"total_records\":1,"
        + "\"next_page_token\":\"\",\"meetings\":[{\"uuid\":\"" + D + "\",\"id\":87770002222,\"type\":1,"
        + "\"topic\":\"山田 花子 office hour\",\"user_email\":\"grace@example.com\",\"start_time\":"
        + "\"2026-03-01T23:30:00Z\",\"end_time\":\"2026-03-02T00:45:00Z\",\"duration\":75}]}"));

    zoom.route("/v2/report/meetings/" + A_PATH + "/participants?" + PARTS, Resp.json(200, participantsPage("A-p2",
        row("dana-id", "16778240", "Dana Host", "dana.host@example.com", "2026-03-02T15:00:02Z", "2026-03-02T16:01:30Z", 3688),
        row("", "16779264", "Lee Placeholder", "", "2026-03-02T15:03:15Z", "2026-03-02T15:58:28Z", 3313))));
    zoom.route("/v2/report/meetings/" + A_PATH + "/participants?" + PARTS + "&next_page_token=A-p2",
        Resp.json(200, participantsPage("",
            row("ada-id", "16780288", "Ada Example", "ada@example.com", "2026-03-02T15:01:00Z", "2026-03-02T16:00:00Z", 3540))));
    zoom.route("/v2/report/meetings/" + B_PATH + "/participants?" + PARTS, Resp.json(200, participantsPage("",
        row("dana-id", "16778240", "Dana Host", "dana.host@example.com", "2026-03-02T20:00:00Z", "2026-03-02T21:10:00Z", 4200),
        row("", "16779264", "José Núñez", "", "2026-03-02T20:05:00Z", "2026-03-02T21:00:00Z", 3300))));
    zoom.route("/v2/report/meetings/" + D_PATH + "/participants?" + PARTS, Resp.json(200, participantsPage("",
        row("grace-id", "16778240", "Grace Sample", "grace@example.com", "2026-03-01T23:30:00Z", "2026-03-02T00:45:00Z", 4500),
        row("", "16779264", "Ada Example", "", "2026-03-01T23:31:00Z", "2026-03-02T00:40:00Z", 4140))));

    zoom.route("/v2/meetings/" + A_PATH + "/recordings", Resp.json(200, "{\"uuid\":\"" + A + "\",\"id\":81234567890,"
        + "\"account_id\":\"AbCdEfGhIjKlMnOpQrSt12\",\"host_id\":\"u1\",\"topic\":\"Weekly Sync\",\"type\":2,"
        + "\"start_time\":\"2026-03-02T15:00:02Z\",\"timezone\":\"America/New_York\",\"duration\":62,"
        + "\"total_size\":123460000,\"recording_count\":5,\"recording_files\":["
        + file(b, "f-mp4", "MP4", "MP4", "2026-03-02T15:00:10Z", 123456789, "completed") + ","
        + file(b, "f-tr", "TRANSCRIPT", "VTT", "2026-03-02T15:00:10Z", TRANSCRIPT_A.length, "completed") + ","
        + file(b, "f-chat", "CHAT", "TXT", "2026-03-02T15:00:10Z", CHAT_A.length, "completed") + ","
        + file(b, null, "CC", "VTT", "2026-03-02T15:00:10Z", null, null) + ","
        + file(b, "f-tl", "TIMELINE", "JSON", "2026-03-02T15:00:10Z", 2048, "completed") + "]}"));
    zoom.route("/rec/download/f-tr", Resp.bytes(TRANSCRIPT_A));
    zoom.route("/rec/download/f-chat", Resp.bytes(CHAT_A));
    zoom.route("/rec/download/cc-15", Resp.bytes(CC_A));
    zoom.route("/v2/meetings/" + B_PATH + "/recordings", Resp.json(200, "{\"uuid\":\"" + B + "\",\"id\":85550001111,"
        + "\"timezone\":\"\",\"recording_files\":["
        + file(b, "f-tr-b", "TRANSCRIPT", "VTT", "2026-03-02T20:00:05Z", 5120, "completed") + ","
        + file(b, "f-chat-b", "CHAT", "TXT", "2026-03-02T20:00:05Z", CHAT_B.length, "completed") + "]}"));
    zoom.route("/rec/download/f-tr-b", Resp.json(404, "{\"code\":3301,\"message\":\"This recording does not exist.\"}"));
    // Zoom's download URLs redirect to a signed storage URL; the signature must arrive byte for byte.
    zoom.route("/rec/download/f-chat-b", new Resp(302, Map.of("Location",
        b + "/storage/f-chat-b?sig=ab%2Bcd%2F%3D&exp=1772500000"), new byte[0]));
    zoom.route("/storage/f-chat-b?sig=ab%2Bcd%2F%3D&exp=1772500000", Resp.bytes(CHAT_B));
    zoom.route("/v2/meetings/" + D_PATH + "/recordings",
        Resp.json(404, "{\"code\":3301,\"message\":\"This recording does not exist.\"}"));
  }

  @Test
  void pullsEveryOccurrenceOnceThroughFaultsAndRerunFetchesNothingNew() throws IOException {
    account();
    zoom.fault("/v2/report/meetings/" + D_PATH + "/participants",
        Resp.json(503, "{\"code\":503,\"message\":\"Service unavailable\"}"), Resp.json(502, ""));
    zoom.fault("/v2/report/meetings/" + B_PATH + "/participants",
        Resp.json(429, "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit for this API.\"}")
            .withHeader("Retry-After", "7").withHeader("X-RateLimit-Type", "QPS")
            .withHeader("X-RateLimit-Category", "Heavy"));
    zoom.fault("/rec/download/f-chat", Resp.json(500, "{}"));
    zoom.expireTokensAt("/v2/meetings/" + A_PATH + "/recordings");

    TestClock clock = new TestClock(NOW);
    PullReport report = pull(clock);

    assertFalse(report.failed(), report.problems().toString());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(7)),
        clock.sleeps());
    assertEquals(2, zoom.tokensIssued());
    assertEquals(Map.of(
        FOLDER_A, List.of("GMT20260302-150010_Recording.cc.vtt", "GMT20260302-150010_Recording.transcript.vtt",
            "GMT20260302-150010_RecordingnewChat.txt", "meeting.json", "report_participants_page1.json",
            "report_participants_page2.json"),
        FOLDER_B, List.of("GMT20260302-200005_RecordingnewChat.txt", "meeting.json",
            "report_participants_page1.json"),
        FOLDER_D, List.of("meeting.json", "report_participants_page1.json"),
        LandingLayout.PULL_REPORT, List.of()), tree());

    assertEquals("{\"meeting_id\":\"81234567890\",\"uuid\":\"aB3+cD9/eF1gH2iJ3kL4mN==\",\"topic\":\"Weekly Sync\","
        + "\"host_id\":\"u1\",\"host_email\":\"dana.host@example.com\",\"scheduled_start\":\"2026-03-02T15:00:02Z\","
        + "\"duration_minutes\":62,\"time_zone\":\"America/New_York\",\"recording_start\":\"2026-03-02T15:00:10Z\"}\n",
        read(FOLDER_A + "/meeting.json"));
    assertEquals("{\"meeting_id\":\"85550001111\",\"uuid\":\"/Zk9Qw+Rt//5LmNoPq1Rsw==\",\"topic\":\"Example Seminar\","
        + "\"host_id\":\"u1\",\"host_email\":\"dana.host@example.com\",\"scheduled_start\":\"2026-03-02T20:00:00Z\","
        + "\"duration_minutes\":70,\"time_zone\":\"America/New_York\",\"recording_start\":\"2026-03-02T20:00:05Z\"}\n",
        read(FOLDER_B + "/meeting.json"));
    assertEquals("{\"meeting_id\":\"87770002222\",\"uuid\":\"qwErTy12UiOp34AsDf56Gh==\",\"topic\":\"山田 花子 office hour\","
        + "\"host_id\":\"u2\",\"host_email\":\"grace@example.com\",\"scheduled_start\":\"2026-03-01T23:30:00Z\","
        + "\"duration_minutes\":75,\"time_zone\":\"Europe/Berlin\",\"recording_start\":null}\n",
        read(FOLDER_D + "/meeting.json"));
    assertTrue(read(FOLDER_A + "/report_participants_page2.json").contains("\"name\":\"Ada Example\""));
    assertTrue(read(FOLDER_B + "/report_participants_page1.json").contains("José Núñez"));
    assertArrayEquals(TRANSCRIPT_A, Files.readAllBytes(out.resolve(FOLDER_A + "/GMT20260302-150010_Recording.transcript.vtt")));
    assertArrayEquals(CHAT_A, Files.readAllBytes(out.resolve(FOLDER_A + "/GMT20260302-150010_RecordingnewChat.txt")));
    assertArrayEquals(CC_A, Files.readAllBytes(out.resolve(FOLDER_A + "/GMT20260302-150010_Recording.cc.vtt")));
    assertArrayEquals(CHAT_B, Files.readAllBytes(out.resolve(FOLDER_B + "/GMT20260302-200005_RecordingnewChat.txt")));

    // Double-encoded UUID paths arrived as such; each file was fetched once (plus the retried 500).
    List<String> targets = zoom.log().stream().map(FakeZoom.Request::target).toList();
    assertEquals(1, count(targets, "/v2/report/meetings/" + A_PATH + "/participants?" + PARTS));
    assertEquals(2, count(targets, "/v2/report/meetings/" + B_PATH + "/participants?" + PARTS));
    assertEquals(3, count(targets, "/v2/report/meetings/" + D_PATH + "/participants?" + PARTS));
    assertEquals(1, count(targets, "/rec/download/f-tr"));
    assertEquals(2, count(targets, "/rec/download/f-chat"));
    assertEquals(1, count(targets, "/rec/download/cc-15"));
    assertEquals(1, count(targets, "/rec/download/f-tr-b"));
    assertEquals(0, count(targets, "/rec/download/f-mp4") + count(targets, "/rec/download/f-tl"));
    List<FakeZoom.Request> storage = zoom.log().stream().filter(r -> r.rawPath().startsWith("/storage/")).toList();
    assertEquals(1, storage.size());
    assertEquals("/storage/f-chat-b?sig=ab%2Bcd%2F%3D&exp=1772500000", storage.get(0).target());
    assertEquals(null, storage.get(0).authorization());
    assertTrue(targets.stream().noneMatch(t -> t.contains("old%2BOccurrence") || t.contains("late%2BEnding")));
    // The request after the token expired was retried with the renewed token.
    List<FakeZoom.Request> recA = zoom.log().stream()
        .filter(r -> r.rawPath().equals("/v2/meetings/" + A_PATH + "/recordings")).toList();
    assertEquals(List.of("Bearer tok-1", "Bearer tok-2"), recA.stream().map(FakeZoom.Request::authorization).toList());

    // The nightly reader recognises what was written by content.
    assertEquals(InputFormat.MANIFEST, FormatSniffer.sniff(read(FOLDER_A + "/meeting.json")));
    assertEquals(InputFormat.REPORT_API_JSON, FormatSniffer.sniff(read(FOLDER_A + "/report_participants_page1.json")));
    assertEquals(InputFormat.CLOUD_TRANSCRIPT,
        FormatSniffer.sniff(read(FOLDER_A + "/GMT20260302-150010_Recording.transcript.vtt")));
    assertEquals(InputFormat.CLOUD_CHAT, FormatSniffer.sniff(read(FOLDER_A + "/GMT20260302-150010_RecordingnewChat.txt")));
    assertEquals(InputFormat.UNKNOWN, FormatSniffer.sniff(read(LandingLayout.PULL_REPORT)));

    JsonNode json = new ObjectMapper().readTree(out.resolve(LandingLayout.PULL_REPORT).toFile());
    assertEquals("2026-03-02", json.path("date").asText());
    assertEquals(3, json.path("counts").path("occurrences").asInt());
    assertEquals(4, json.path("counts").path("participant_pages_written").asInt());
    assertEquals(4, json.path("counts").path("files_downloaded").asInt());
    assertEquals(1, json.path("counts").path("files_not_found").asInt());
    JsonNode b = json.path("occurrences").get(2);
    assertEquals(FOLDER_B, b.path("folder").asText());
    assertEquals("downloaded", b.path("files").get(0).path("status").asText());
    assertEquals("not_found", b.path("files").get(1).path("status").asText());
    assertEquals("GMT20260302-200005_Recording.transcript.vtt", b.path("files").get(1).path("name").asText());
    assertEquals("none", json.path("occurrences").get(0).path("recordings").asText());

    // Rerun: same answers, fresh process; nothing is fetched again.
    Map<String, List<String>> before = tree();
    long mtime = Files.getLastModifiedTime(out.resolve(FOLDER_A + "/GMT20260302-150010_Recording.transcript.vtt")).toMillis();
    zoom.clearLog();
    PullReport rerun = pull(new TestClock(NOW.plusSeconds(3600)));
    assertFalse(rerun.failed(), rerun.problems().toString());
    List<String> again = zoom.log().stream().map(FakeZoom.Request::rawPath).toList();
    assertTrue(again.stream().noneMatch(p -> p.contains("/participants") || p.startsWith("/rec/download")), again.toString());
    assertEquals(before, tree());
    assertEquals(mtime, Files.getLastModifiedTime(out.resolve(FOLDER_A + "/GMT20260302-150010_Recording.transcript.vtt")).toMillis());
    assertEquals(List.of(ParticipantsStatus.SKIPPED_EXISTING, ParticipantsStatus.SKIPPED_EXISTING,
        ParticipantsStatus.SKIPPED_EXISTING), rerun.occurrences().stream().map(PullReport.Occurrence::participants).toList());
    assertEquals(4, rerun.count(FileStatus.SKIPPED_EXISTING));
    assertEquals(1, rerun.count(FileStatus.NOT_FOUND));
    assertEquals(0, rerun.count(FileStatus.DOWNLOADED));
  }

  @Test
  void withoutReportScopeListsFromRecordingsAndReadsPastMeetingParticipants() throws IOException {
    String scopeError = "{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:[report:read:admin].\"}";
    zoom.route("/v2/users?status=active&page_size=300", Resp.json(200, "{\"next_page_token\":\"\",\"users\":"
        + "[{\"id\":\"u1\",\"email\":\"dana.host@example.com\",\"timezone\":\"UTC\"}]}"));
    zoom.route("/v2/report/users/u1/meetings?" + RANGE, Resp.json(400, scopeError));
    zoom.route("/v2/users/u1/recordings?from=2026-03-01&to=2026-03-03&page_size=300", Resp.json(200,
        "{\"from\":\"2026-03-01\",\"to\":\"2026-03-03\",\"next_page_token\":\"\",\"meetings\":[{\"uuid\":\"" + A
            + "\",\"id\":81234567890,\"host_id\":\"u1\",\"topic\":\"Weekly Sync\",\"start_time\":"
            + "\"2026-03-02T15:00:02Z\",\"duration\":62,\"recording_files\":[]}]}"));
    zoom.route("/v2/past_meetings/" + A_PATH + "/participants?page_size=300", Resp.json(200,
        participantsPage("past-2", "{\"id\":\"dana-id\",\"name\":\"Dana Host\",\"user_id\":\"16778240\","
            + "\"user_email\":\"dana.host@example.com\",\"duration\":3688,\"failover\":false,\"status\":\"in_meeting\","
            + "\"internal_user\":true}")));
    zoom.route("/v2/past_meetings/" + A_PATH + "/participants?page_size=300&next_page_token=past-2", Resp.json(200,
        participantsPage("", "{\"id\":\"\",\"name\":\"Lee Placeholder\",\"user_id\":\"16779264\",\"user_email\":\"\","
            + "\"duration\":3313,\"failover\":false,\"status\":\"in_meeting\",\"internal_user\":false}")));
    zoom.route("/v2/meetings/" + A_PATH + "/recordings", Resp.json(200, "{\"uuid\":\"" + A + "\",\"timezone\":"
        + "\"Europe/Berlin\",\"recording_files\":["
        + file(zoom.base(), "f-tr", "TRANSCRIPT", "VTT", "2026-03-02T15:00:10Z", TRANSCRIPT_A.length, "completed")
        + "]}"));
    zoom.route("/rec/download/f-tr", Resp.bytes(TRANSCRIPT_A));

    TestClock clock = new TestClock(NOW);
    PullReport report = pull(clock);

    assertFalse(report.failed(), report.problems().toString());
    assertEquals("recordings", report.listedVia());
    assertEquals(ParticipantsStatus.PAST_MEETINGS, report.occurrences().get(0).participants());
    assertEquals(Map.of(FOLDER_A, List.of("GMT20260302-150010_Recording.transcript.vtt", "meeting.json",
        "past_participants_page1.json", "past_participants_page2.json"), LandingLayout.PULL_REPORT, List.of()), tree());
    assertTrue(zoom.log().stream().noneMatch(r -> r.rawPath().startsWith("/v2/report/meetings/")));
    assertTrue(read(FOLDER_A + "/meeting.json").contains("\"time_zone\":\"Europe/Berlin\""));
    assertEquals(InputFormat.PAST_MEETING_API_JSON, FormatSniffer.sniff(read(FOLDER_A + "/past_participants_page2.json")));
  }

  @Test
  void reportParticipantsWithoutScopeFallBackOnceForAllMeetings() throws IOException {
    account();
    String noScope = "{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:[report:read:admin].\"}";
    for (String p : List.of(A_PATH, B_PATH, D_PATH)) {
      zoom.route("/v2/report/meetings/" + p + "/participants?" + PARTS, Resp.json(400, noScope));
      zoom.route("/v2/past_meetings/" + p + "/participants?page_size=300", Resp.json(200, participantsPage("",
          "{\"id\":\"\",\"name\":\"Ada Example\",\"user_id\":\"16778240\",\"user_email\":\"\",\"duration\":60,"
              + "\"internal_user\":false}")));
    }
    PullReport report = pull(new TestClock(NOW));

    assertFalse(report.failed(), report.problems().toString());
    assertEquals("report", report.listedVia());
    assertEquals(List.of(ParticipantsStatus.PAST_MEETINGS, ParticipantsStatus.PAST_MEETINGS,
        ParticipantsStatus.PAST_MEETINGS), report.occurrences().stream().map(PullReport.Occurrence::participants).toList());
    assertEquals(1, zoom.log().stream().filter(r -> r.rawPath().startsWith("/v2/report/meetings/")).count());
    assertTrue(Files.exists(out.resolve(FOLDER_B + "/past_participants_page1.json")));
  }

  @Test
  void dailyLimitStopsTheRunWithAClearReport() throws IOException {
    account();
    zoom.fault("/v2/report/meetings/" + A_PATH + "/participants",
        Resp.json(429, "{\"code\":429,\"message\":\"You have exceeded the daily rate limit (30000) of Heavy API requests.\"}")
            .withHeader("Retry-After", "2026-03-04T00:00:00Z").withHeader("X-RateLimit-Type", "Daily-limit")
            .withHeader("X-RateLimit-Remaining", "0"));
    TestClock clock = new TestClock(NOW);
    PullReport report = pull(clock);

    assertTrue(report.failed());
    assertEquals(List.of(), clock.sleeps());
    JsonNode json = new ObjectMapper().readTree(out.resolve(LandingLayout.PULL_REPORT).toFile());
    String aborted = json.path("aborted").asText();
    assertTrue(aborted.contains("Daily-limit") && aborted.contains("64800 s"), aborted);
    // D (earlier) completed; A stopped the run; B was never started.
    assertEquals(List.of(FOLDER_D, FOLDER_A), report.occurrences().stream().map(PullReport.Occurrence::folder).toList());
    assertFalse(Files.exists(out.resolve(FOLDER_A + "/meeting.json")));
  }

  @Test
  void persistentServerErrorsFailOneMeetingAndTheOthersContinue() throws IOException {
    account();
    Resp down = Resp.json(503, "{\"code\":503,\"message\":\"Service unavailable\"}");
    zoom.fault("/v2/report/meetings/" + B_PATH + "/participants", down, down, down, down, down, down);
    TestClock clock = new TestClock(NOW);
    PullReport report = pull(clock);

    assertTrue(report.failed());
    assertEquals(1, report.problems().size());
    assertTrue(report.problems().get(0).startsWith(B + ": participants: Zoom call failed after 5 retries: HTTP 503"),
        report.problems().get(0));
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L), clock.sleeps().stream().map(Duration::toSeconds).toList());
    assertFalse(Files.exists(out.resolve(FOLDER_B + "/meeting.json")));
    assertTrue(Files.exists(out.resolve(FOLDER_B + "/GMT20260302-200005_RecordingnewChat.txt")));
    assertTrue(Files.exists(out.resolve(FOLDER_A + "/meeting.json")));
    assertTrue(Files.exists(out.resolve(FOLDER_D + "/meeting.json")));
  }

  private static long count(List<String> targets, String target) {
    return targets.stream().filter(target::equals).count();
  }

  private String read(String rel) throws IOException {
    return Files.readString(out.resolve(rel), StandardCharsets.UTF_8);
  }

  /** Top-level entries of the landing folder with their (sorted) files; files map to an empty list. */
  private Map<String, List<String>> tree() throws IOException {
    Map<String, List<String>> t = new TreeMap<>();
    try (Stream<Path> top = Files.list(out)) {
      for (Path p : top.toList()) {
        if (Files.isDirectory(p)) {
          try (Stream<Path> files = Files.list(p)) {
            t.put(p.getFileName().toString(), files.map(f -> f.getFileName().toString()).sorted()
                .collect(Collectors.toList()));
          }
        } else {
          t.put(p.getFileName().toString(), List.of());
        }
      }
    }
    return t;
  }
}
