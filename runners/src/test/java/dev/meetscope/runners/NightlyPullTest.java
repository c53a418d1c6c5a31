package dev.meetscope.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.PullCommand;
import dev.meetscope.runners.nightly.NightlyCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meetscope nightly --pull}: one command fetches a day from a Zoom API (a real HTTP server on loopback)
 * into the day's landing partition and processes it; a rerun fetches nothing again.
 */
class NightlyPullTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T06:00:00Z"), ZoneOffset.UTC);
  private static final String UUID = "Zq1+abc/def==";
  private static final String UUID_PATH = "Zq1%252Babc%252Fdef%253D%253D";
  private static final String TRANSCRIPT = "WEBVTT\r\n\r\n1\r\n00:00:04.859 --> 00:00:07.410\r\n"
      + "Ada Example: Okay, so we're recording now.\r\n\r\n2\r\n00:00:08.000 --> 00:00:11.500\r\n"
      + "Grace Sample: Great, let's review the launch plan.\r\n\r\n";

  @TempDir Path dir;
  private HttpServer zoom;
  private final Map<String, String> routes = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startZoom() throws IOException {
    zoom = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    zoom.createContext("/", ex -> {
      try (ex) {
        ex.getRequestBody().readAllBytes();
        String q = ex.getRequestURI().getRawQuery();
        String key = ex.getRequestURI().getRawPath() + (q == null ? "" : "?" + q);
        requests.add(key);
        String body = routes.get(key);
        byte[] bytes = (body == null ? "{\"code\":3301,\"message\":\"This recording does not exist.\"}" : body)
            .getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        ex.getResponseBody().write(bytes);
      }
    });
    zoom.start();
    String base = "http://127.0.0.1:" + zoom.getAddress().getPort();
    routes.put("/oauth/token?grant_type=account_credentials&account_id=acct-1",
        "{\"access_token\":\"tok\",\"expires_in\":3599}");
    routes.put("/v2/users?status=active&page_size=300",
        "{\"next_page_token\":\"\",\"users\":[{\"id\":\"u1\",\"email\":\"dana.host@example.com\",\"timezone\":\"UTC\"}]}");
    routes.put("/v2/report/users/u1/meetings?type=past&from=2026-03-01&to=2026-03-03&page_size=300",
        "{\"next_page_token\":\"\",\"meetings\":[{\"uuid\":\"" + UUID + "\",\"id\":81234567890,\"topic\":\"Launch review\","
            + "\"user_email\":\"dana.host@example.com\",\"start_time\":\"2026-03-02T15:00:02Z\",\"end_time\":"
            + "\"2026-03-02T15:30:00Z\",\"duration\":30}]}");
    routes.put("/v2/report/meetings/" + UUID_PATH + "/participants?include_fields=registrant_id&page_size=300",
        "{\"next_page_token\":\"\",\"participants\":["
            + participant("p1", "Ada Example", "ada@example.com", "2026-03-02T15:00:00Z", "2026-03-02T15:30:00Z", 1800)
            + "," + participant("p2", "Grace Sample", "grace@example.com", "2026-03-02T15:01:00Z",
                "2026-03-02T15:29:00Z", 1680) + "]}");
    routes.put("/v2/meetings/" + UUID_PATH + "/recordings", "{\"uuid\":\"" + UUID + "\",\"id\":81234567890,"
        + "\"topic\":\"Launch review\",\"start_time\":\"2026-03-02T15:00:02Z\",\"timezone\":\"UTC\",\"duration\":30,"
        + "\"recording_files\":[{\"id\":\"f-tr\",\"recording_start\":\"2026-03-02T15:00:10Z\",\"recording_end\":"
        + "\"2026-03-02T15:30:00Z\",\"file_type\":\"TRANSCRIPT\",\"file_extension\":\"VTT\",\"file_size\":"
        + TRANSCRIPT.getBytes(StandardCharsets.UTF_8).length + ",\"download_url\":\"" + base
        + "/rec/download/f-tr\",\"status\":\"completed\"}]}");
    routes.put("/rec/download/f-tr", TRANSCRIPT);
  }

  private static String participant(String id, String name, String email, String join, String leave, int seconds) {
    return "{\"id\":\"" + id + "\",\"user_id\":\"1677" + id.charAt(1) + "\",\"name\":\"" + name
        + "\",\"user_email\":\"" + email + "\",\"join_time\":\"" + join + "\",\"leave_time\":\"" + leave
        + "\",\"duration\":" + seconds + "}";
  }

  @AfterEach
  void stopZoom() {
    zoom.stop(0);
  }

  private NightlyJobTest.Run meetscope(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = Map.of("ZOOM_ACCOUNT_ID", "acct-1", "ZOOM_CLIENT_ID", "client-1",
        "ZOOM_CLIENT_SECRET", "s3cret");
    PullCommand pull = new PullCommand(env, CLOCK, d -> { });
    int exit = new Meetscope(List.of(new NightlyCommand(CLOCK, pull))).run(args,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new NightlyJobTest.Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String[] args(String... extra) {
    String base = "http://127.0.0.1:" + zoom.getAddress().getPort();
    List<String> a = new ArrayList<>(List.of("nightly", "--pull", "--date=yesterday",
        "--input=" + dir.resolve("landing"), "--output=" + dir.resolve("tables"), "--sink=jsonl",
        "--apiBase=" + base + "/v2", "--oauthBase=" + base,
        // The pulled meeting.json carries no consent flag: pilot mode, and the includes to check it by name.
        "--consentMode=all", "--includeIdentities=true"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void pullsYesterdayIntoItsPartitionThenProcessesItAndARerunFetchesNothingAgain() throws IOException {
    NightlyJobTest.Run first = meetscope(args());
    assertEquals(ExitCodes.OK, first.exit(), first.err());
    assertTrue(first.out().contains("Pulled 1 meeting occurrences that ended on 2026-03-02"), first.out());
    Path day = dir.resolve("landing/2026-03-02");
    assertTrue(Files.exists(day.resolve("_pull_report.json")));
    Path tables = dir.resolve("tables/2026-03-02");
    assertEquals(2, NightlyJobTest.rows(tables, "participant_session").size());
    assertEquals(2, NightlyJobTest.rows(tables, "utterance").size());
    assertEquals(1, NightlyJobTest.rows(tables, "meeting").size());
    assertTrue(NightlyJobTest.rows(tables, "meeting").get(0).contains("Launch review"));
    assertEquals(1, requests.stream().filter(r -> r.equals("/rec/download/f-tr")).count());

    NightlyJobTest.Run rerun = meetscope(args());
    assertEquals(ExitCodes.OK, rerun.exit(), rerun.err());
    assertTrue(rerun.out().contains("0 files downloaded, 1 already present"), rerun.out());
    assertEquals(1, requests.stream().filter(r -> r.equals("/rec/download/f-tr")).count());
    assertEquals(2, NightlyJobTest.rows(tables, "participant_session").size());
    assertFalse((first.out() + first.err() + rerun.out() + rerun.err()).contains("s3cret"));
  }

  @Test
  void aFailedPullStopsTheJobBeforeItRuns() {
    routes.remove("/oauth/token?grant_type=account_credentials&account_id=acct-1");
    NightlyJobTest.Run run = meetscope(args());
    assertEquals(ExitCodes.PIPELINE_FAILED, run.exit());
    assertTrue(run.err().contains("the Zoom pull of 2026-03-02 failed"), run.err());
    assertFalse(Files.exists(dir.resolve("tables/2026-03-02/_METRICS.json")));
  }

  @Test
  void pullOptionsNeedPullAndPullNeedsADayAndALandingFolder() {
    NightlyJobTest.Run stray = meetscope("nightly", "--apiBase=http://127.0.0.1:1/v2", "--date=yesterday",
        "--input=" + dir, "--output=" + dir.resolve("t"));
    assertEquals(ExitCodes.BAD_OPTIONS, stray.exit());
    assertTrue(stray.err().contains("--apiBase is an option of the Zoom pull: add --pull"), stray.err());
    NightlyJobTest.Run noDate = meetscope("nightly", "--pull", "--input=" + dir, "--output=" + dir.resolve("t"));
    assertEquals(ExitCodes.BAD_OPTIONS, noDate.exit());
    assertTrue(noDate.err().contains("--pull fetches one day from Zoom"), noDate.err());
    assertEquals(List.of(), requests);
  }

  @Test
  void dryRunSaysWhatItWouldPullAndTouchesNothing() {
    NightlyJobTest.Run run = meetscope(args("--dryRun"));
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.out().contains("would first pull 2026-03-02 from Zoom into " + dir.resolve("landing/2026-03-02")),
        run.out());
    assertEquals(List.of(), requests);
    assertFalse(Files.exists(dir.resolve("landing")));
  }
}
