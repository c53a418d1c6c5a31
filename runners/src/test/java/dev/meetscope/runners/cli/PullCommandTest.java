package dev.meetscope.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullCommandTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T06:00:00Z"), ZoneOffset.UTC);
  static final String SECRET = "very-secret-value";
  static final String UUID = "aB3+cD9/eF1gH2iJ3kL4mN==";
  static final String UUID_PATH = "aB3%252BcD9%252FeF1gH2iJ3kL4mN%253D%253D";

  @TempDir Path dir;
  HttpServer zoom;
  final Map<String, String> routes = new HashMap<>();
  final List<Duration> sleeps = new ArrayList<>();
  final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  @BeforeEach
  void start() throws IOException {
    zoom = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    zoom.createContext("/", ex -> {
      try (ex) {
        ex.getRequestBody().readAllBytes();
        String q = ex.getRequestURI().getRawQuery();
        String key = ex.getRequestURI().getRawPath() + (q == null ? "" : "?" + q);
        String body = routes.get(key);
        byte[] bytes = (body == null ? "{\"code\":3301,\"message\":\"This recording does not exist.\"}" : body)
            .getBytes(StandardCharsets.UTF_8);
        int status = body == null ? 404 : body.startsWith("{\"reason\"") ? 400 : 200;
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
      }
    });
    zoom.start();
    String tokenQuery = "/oauth/token?grant_type=account_credentials&account_id=acct-1";
    routes.put(tokenQuery, "{\"access_token\":\"tok\",\"expires_in\":3599}");
    routes.put("/v2/users?status=active&page_size=300",
        "{\"next_page_token\":\"\",\"users\":[{\"id\":\"u1\",\"email\":\"dana.host@example.com\",\"timezone\":\"UTC\"}]}");
    routes.put("/v2/report/users/u1/meetings?type=past&from=2026-03-01&to=2026-03-03&page_size=300",
        "{\"next_page_token\":\"\",\"meetings\":[{\"uuid\":\"" + UUID + "\",\"id\":81234567890,\"topic\":\"Weekly Sync\","
            + "\"user_email\":\"dana.host@example.com\",\"start_time\":\"2026-03-02T15:00:02Z\",\"end_time\":"
            + "\"2026-03-02T16:01:30Z\",\"duration\":62}]}");
    routes.put("/v2/report/meetings/" + UUID_PATH + "/participants?include_fields=registrant_id&page_size=300",
        "{\"page_count\":1,\"page_size\":300,\"total_records\":1,\"next_page_token\":\"\",\"participants\":[{\"id\":\"\","
            + "\"user_id\":\"16778240\",\"name\":\"Ada Example\",\"user_email\":\"\",\"join_time\":\"2026-03-02T15:01:00Z\","
            + "\"leave_time\":\"2026-03-02T16:00:00Z\",\"duration\":3540}]}");
  }

  @AfterEach
  void stop() {
    zoom.stop(0);
  }

  private PullCommand command(Map<String, String> env) {
    return new PullCommand(env, CLOCK, sleeps::add);
  }

  private String[] args(String... extra) {
    List<String> a = new ArrayList<>(List.of("--date=yesterday", "--output=" + dir.resolve("landing"),
        "--apiBase=http://127.0.0.1:" + zoom.getAddress().getPort() + "/v2",
        "--oauthBase=http://127.0.0.1:" + zoom.getAddress().getPort()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void pullsADayWithCredentialsFromAFileAndNeverPrintsThem() throws Exception {
    Path creds = dir.resolve("zoom.properties");
    Files.writeString(creds, "ZOOM_ACCOUNT_ID=acct-1\nZOOM_CLIENT_ID=client-1\nZOOM_CLIENT_SECRET=" + SECRET + "\n");
    int code = command(Map.of()).run(args("--credentialsFile=" + creds), out, err);

    assertEquals(ExitCodes.OK, code, errBytes.toString(StandardCharsets.UTF_8));
    assertEquals("Pulled 1 meeting occurrences that ended on 2026-03-02 (UTC) into " + dir.resolve("landing")
        + ": 1 participant pages, 0 files downloaded, 0 already present, 0 gone (404), 0 still processing.\n",
        outBytes.toString(StandardCharsets.UTF_8));
    Path folder = dir.resolve("landing/20260302T150002Z_81234567890_aB3-cD9_eF1gH2iJ3kL4mN");
    assertTrue(Files.exists(folder.resolve("meeting.json")));
    assertTrue(Files.exists(folder.resolve("report_participants_page1.json")));
    assertTrue(Files.exists(dir.resolve("landing/_pull_report.json")));
    assertFalse(Files.exists(dir.resolve("landing/_staging")));
    assertEquals(List.of(), sleeps);
  }

  @Test
  void tokenRejectionFailsTheRunWithZoomsReasonAndNoSecret() throws Exception {
    routes.put("/oauth/token?grant_type=account_credentials&account_id=acct-1",
        "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
    int code = command(Map.of("ZOOM_ACCOUNT_ID", "acct-1", "ZOOM_CLIENT_ID", "client-1", "ZOOM_CLIENT_SECRET", SECRET))
        .run(args(), out, err);
    assertEquals(ExitCodes.PIPELINE_FAILED, code);
    String error = errBytes.toString(StandardCharsets.UTF_8);
    assertEquals("meetscope pull: Zoom token request failed: HTTP 400 (Invalid client_id or client_secret) for http://127.0.0.1:"
        + zoom.getAddress().getPort() + "/oauth/token\n", error);
    assertFalse(error.contains(SECRET) || outBytes.toString(StandardCharsets.UTF_8).contains(SECRET));
  }

  @Test
  void badOptionsAreRefusedWithClearMessages() {
    Map<String, String> env = Map.of("ZOOM_ACCOUNT_ID", "a", "ZOOM_CLIENT_ID", "b", "ZOOM_CLIENT_SECRET", "c");
    UsageException cli = assertThrows(UsageException.class,
        () -> command(env).run(args("--clientSecret=" + SECRET), out, err));
    assertEquals("meetscope pull: credentials are never taken from the command line; set ZOOM_ACCOUNT_ID,"
        + " ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET in the environment or use --credentialsFile", cli.getMessage());
    UsageException old = assertThrows(UsageException.class,
        () -> command(env).run(new String[] {"--date=2024-01-31", "--output=x"}, out, err));
    assertEquals("meetscope pull: --date=2024-01-31 is older than Zoom's report window: the Report API serves the"
        + " last 12 months, so the oldest date pullable today is 2025-03-04", old.getMessage());
    assertEquals("meetscope pull: --date is required: The day to pull, YYYY-MM-DD or 'yesterday' (in --timeZone);"
        + " meetings that ended that day. Required.",
        assertThrows(UsageException.class, () -> command(env).run(new String[] {"--output=x"}, out, err)).getMessage());
    assertEquals("meetscope pull: unknown option --outptu (see meetscope pull --help)",
        assertThrows(UsageException.class, () -> command(env).run(new String[] {"--outptu=x"}, out, err)).getMessage());
    assertEquals("meetscope pull: Zoom credentials missing: ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET (set"
        + " them in the environment or in the --credentialsFile properties file)",
        assertThrows(UsageException.class, () -> command(Map.of()).run(args(), out, err)).getMessage());
    assertThrows(MissingInputException.class,
        () -> command(Map.of()).run(args("--credentialsFile=" + dir.resolve("none.properties")), out, err));
    assertEquals("meetscope pull: --fileTypes accepts TRANSCRIPT, CHAT, CC; got 'MP4'",
        assertThrows(UsageException.class, () -> command(env).run(args("--fileTypes=TRANSCRIPT,MP4"), out, err))
            .getMessage());
  }

  @Test
  void helpListsEveryOptionWithItsDefault() throws Exception {
    assertEquals(ExitCodes.OK, command(Map.of()).run(new String[] {"--help"}, out, err));
    String help = outBytes.toString(StandardCharsets.UTF_8);
    for (String option : List.of("--date=<value>", "--output=<value>", "--timeZone=UTC", "--credentialsFile=<value>",
        "--apiBase=https://api.zoom.us/v2", "--oauthBase=https://zoom.us", "--fileTypes=TRANSCRIPT,CHAT,CC",
        "--maxRetries=5", "--maxRateLimitWaitSeconds=120", "--help")) {
      assertTrue(help.contains("  " + option + "\n"), option + " missing in:\n" + help);
    }
    assertEquals("pull", command(Map.of()).name());
  }
}
