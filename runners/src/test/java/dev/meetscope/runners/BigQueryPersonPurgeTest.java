package dev.meetscope.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.bigquery.model.Table;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meetscope.models.governance.Pseudonymizer;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.purge.PurgeCommand;
import dev.meetscope.transforms.governance.PseudonymKey;
import dev.meetscope.transforms.sink.bigquery.BigQueryDml;
import dev.meetscope.transforms.sink.bigquery.BigQueryPurgeSql;
import dev.meetscope.transforms.sink.bigquery.BigQueryTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code purge --person --bigqueryDataset} against a fake BigQuery REST API on loopback. */
class BigQueryPersonPurgeTest {
  private static final Clock APRIL_10 = Clock.fixed(Instant.parse("2026-04-10T03:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "/bigquery/v2/projects/acme-analytics";
  private static final String STREAMING = "UPDATE or DELETE statement over table p.d.utterance would affect rows in "
      + "the streaming buffer, which is not supported";
  private static final Map<String, Class<?>> SCHEMAS = Map.of("participant_meeting", ParticipantMeeting.class,
      "utterance", Utterance.class, "dead_letter", DeadLetter.class, "meeting", MeetingSummary.class);

  private HttpServer server;
  /** "METHOD path?query" of every request, in order. */
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<JsonNode> queries = Collections.synchronizedList(new ArrayList<>());

  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String query = x.getRequestURI().getQuery();
    requests.add(x.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
    // google-http-client gzips request bodies.
    java.io.InputStream in = "gzip".equals(x.getRequestHeaders().getFirst("Content-Encoding"))
        ? new java.util.zip.GZIPInputStream(x.getRequestBody()) : x.getRequestBody();
    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int status = 200;
    String answer;
    if (path.equals(API + "/datasets/ms/tables")) {
      answer = query != null && query.contains("pageToken=t2")
          ? "{\"tables\":[" + table("dead_letter", "TABLE") + "," + table("meeting", "TABLE") + "]}"
          : "{\"tables\":[" + table("participant_meeting", "TABLE") + "," + table("utterance", "TABLE") + ","
              + table("run_audit", "TABLE") + "," + table("meeting_host_view", "VIEW")
              + "],\"nextPageToken\":\"t2\"}";
    } else if (path.startsWith(API + "/datasets/ms/tables/")) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      answer = GsonFactory.getDefaultInstance().toString(new Table()
          .setSchema(BigQueryTables.tableSchema(SCHEMAS.get(name))));
    } else if (path.equals(API + "/queries")) {
      JsonNode q = JSON.readTree(body);
      queries.add(q);
      String sql = q.path("query").asText();
      if (sql.startsWith("SELECT DISTINCT meeting_key")) {
        answer = "{\"jobComplete\":true,\"rows\":[{\"f\":[{\"v\":\"m1\"}]},{\"f\":[{\"v\":\"m2\"}]}]}";
      } else if (sql.startsWith("SELECT DISTINCT display_name")) {
        answer = "{\"jobComplete\":true,\"rows\":[{\"f\":[{\"v\":\"Ada Example\"},{\"v\":\"ada@example.com\"}]}]}";
      } else if (sql.startsWith("DELETE FROM `acme-analytics.ms.participant_meeting`")) {
        answer = "{\"jobComplete\":false,\"jobReference\":{\"projectId\":\"acme-analytics\",\"jobId\":\"job1\",\"location\":\"EU\"}}";
      } else if (sql.startsWith("DELETE FROM `acme-analytics.ms.utterance`")) {
        status = 400;
        answer = "{\"error\":{\"code\":400,\"message\":\"" + STREAMING + "\",\"errors\":[{\"message\":\"" + STREAMING
            + "\",\"reason\":\"invalidQuery\"}],\"status\":\"INVALID_ARGUMENT\"}}";
      } else {
        String n = sql.startsWith("UPDATE `acme-analytics.ms.participant_meeting`") ? "1" : sql.startsWith("UPDATE `acme-analytics.ms.meeting`")
            ? "3" : "0";
        answer = "{\"jobComplete\":true,\"jobReference\":{\"jobId\":\"j\"},\"numDmlAffectedRows\":\"" + n + "\"}";
      }
    } else if (path.equals(API + "/queries/job1")) {
      answer = "{\"jobComplete\":true,\"numDmlAffectedRows\":\"2\"}";
    } else {
      status = 404;
      answer = "{\"error\":{\"code\":404,\"message\":\"no " + path + "\"}}";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(bytes);
    }
  }

  private static String table(String id, String type) {
    return "{\"tableReference\":{\"projectId\":\"acme-analytics\",\"datasetId\":\"d\",\"tableId\":\"" + id + "\"},\"type\":\""
        + type + "\"}";
  }

  private Run purge(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    all[0] = "purge";
    all[1] = "--bigqueryEndpoint=http://127.0.0.1:" + server.getAddress().getPort();
    System.arraycopy(args, 0, all, 2, args.length);
    int exit = new Meetscope(List.of(new PurgeCommand(APRIL_10, BigQueryDml::unauthenticatedLoopback))).run(all,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String sql(String table, int i) {
    return BigQueryPurgeSql.statements("acme-analytics", "ms", table, BigQueryTables.tableSchema(SCHEMAS.get(table)), true).get(i);
  }

  @Test
  void everyTableOfTheDatasetIsPurgedWithParametersAndABufferedTableIsReportedForARetry(@TempDir Path dir)
      throws IOException {
    Path key = Files.writeString(dir.resolve("k"), "0123456789abcdef0123456789abcdef");
    Pseudonymizer keys = PseudonymKey.of("file:" + key).pseudonymizer();

    Run run = purge("--bigqueryDataset=acme-analytics:ms", "--person=ada@example.com", "--pseudonymKey=file:" + key);

    assertEquals(ExitCodes.PIPELINE_FAILED, run.exit(), run.out() + run.err());
    assertEquals(List.of("GET " + API + "/datasets/ms/tables",
        "GET " + API + "/datasets/ms/tables?pageToken=t2",
        "GET " + API + "/datasets/ms/tables/participant_meeting",
        "GET " + API + "/datasets/ms/tables/utterance",
        "GET " + API + "/datasets/ms/tables/dead_letter",
        "GET " + API + "/datasets/ms/tables/meeting",
        "POST " + API + "/queries", "POST " + API + "/queries", "POST " + API + "/queries",
        "GET " + API + "/queries/job1?location=EU&timeoutMs=10000",
        "POST " + API + "/queries", "POST " + API + "/queries", "POST " + API + "/queries",
        "POST " + API + "/queries"), requests, "run_audit and the view are never read");

    List<String> sent = queries.stream().map(q -> q.path("query").asText()).toList();
    assertEquals(List.of(
        "SELECT DISTINCT meeting_key FROM `acme-analytics.ms.participant_meeting` WHERE meeting_key IS NOT NULL",
        "SELECT DISTINCT display_name, email FROM `acme-analytics.ms.participant_meeting` WHERE participant_key IN UNNEST(@keys)"
            + " OR LOWER(TRIM(email)) IN UNNEST(@emails)",
        sql("participant_meeting", 0), sql("participant_meeting", 1),
        sql("utterance", 0), sql("dead_letter", 0), sql("meeting", 0)), sent,
        "the utterance UPDATE is not tried after its DELETE met the streaming buffer");
    String emailKey = keys.participantKey("email:ada@example.com");
    for (String s : sent) {
      assertFalse(s.toLowerCase(Locale.ROOT).contains("ada") || s.contains(emailKey) || s.contains("run_audit"), s);
    }
    // The learned name adds its per-meeting keys and the redaction pattern.
    String pattern = "(?i)(^|[^\\p{L}\\p{N}])(?:\\Qada@example.com\\E|\\Qada\\E[\\s\\x0B\\x{3000}\\x{00A0}]+"
        + "\\Qexample\\E)|()(?:\\b\\B)";
    JsonNode delete = queries.get(2);
    assertEquals(false, delete.path("useLegacySql").asBoolean(true));
    assertEquals("NAMED", delete.path("parameterMode").asText());
    assertEquals(Map.of(
        "keys", List.of(emailKey, keys.participantKey("name:m1:ada example"),
            keys.participantKey("name:m2:ada example")),
        "emails", List.of("ada@example.com"),
        "names", List.of("ada example")), parameters(delete));
    assertEquals(Map.of("keys", List.of(emailKey, keys.participantKey("name:m1:ada example"),
        keys.participantKey("name:m2:ada example")), "pattern", pattern), parameters(queries.get(5)));
    assertEquals("ARRAY", delete.path("queryParameters").get(0).path("parameterType").path("type").asText());

    assertTrue(run.out().contains("bigquery participant_meeting: 2 rows deleted, 1 rows changed\n"), run.out());
    assertTrue(run.out().contains("bigquery utterance: not purged, retry after the buffer flushes (up to 90 minutes): "
        + "HTTP 400: " + STREAMING + "\n"), run.out());
    assertTrue(run.out().contains("bigquery dead_letter: 0 rows deleted, 0 rows changed\n"), run.out());
    assertTrue(run.out().contains("bigquery meeting: 0 rows deleted, 3 rows changed\n"), run.out());
    assertTrue(run.out().contains("meetscope purge: BigQuery acme-analytics:ms: 2 rows of the person deleted, 4 rows changed in 4 "
        + "tables; not purged: utterance (run the purge again). BigQuery keeps changed data for the dataset's "
        + "time-travel window"), run.out());
  }

  @Test
  void aDryRunPrintsTheStatementsAndParametersAndSendsNoQuery(@TempDir Path dir) throws IOException {
    Path key = Files.writeString(dir.resolve("k"), "0123456789abcdef0123456789abcdef");
    String emailKey = PseudonymKey.of("file:" + key).pseudonymizer().participantKey("email:ada@example.com");

    Run run = purge("--bigqueryDataset=acme-analytics:ms", "--person=ada@example.com", "--pseudonymKey=file:" + key,
        "--dryRun=true");

    assertEquals(ExitCodes.OK, run.exit(), run.out() + run.err());
    assertTrue(requests.stream().noneMatch(r -> r.contains("/queries")), requests.toString());
    assertTrue(run.out().contains("@keys = [" + emailKey + "]\n@emails = [ada@example.com]\n@names = []\n"
        + "@pattern = (?i)(^|[^\\p{L}\\p{N}])(?:\\Qada@example.com\\E)|()(?:\\b\\B)\n"), run.out());
    assertTrue(run.out().contains("would run on participant_meeting:\n" + sql("participant_meeting", 0) + ";\n"),
        run.out());
    assertTrue(run.out().contains("would run on meeting:\n" + sql("meeting", 0) + ";\n"), run.out());
    assertFalse(run.out().contains("run_audit"), run.out());
    assertTrue(run.out().contains("(dry run: nothing changed)"), run.out());
  }

  @Test
  void bigQueryOptionsAreChecked(@TempDir Path dir) throws IOException {
    Path key = Files.writeString(dir.resolve("k"), "0123456789abcdef0123456789abcdef");
    assertEquals(ExitCodes.BAD_OPTIONS, purge("--bigqueryDataset=acme-analytics:ms", "--olderThanDays=3").exit());
    assertEquals(ExitCodes.BAD_OPTIONS, purge("--bigqueryDataset=nodataset", "--person=ada@example.com",
        "--pseudonymKey=file:" + key).exit());
    assertTrue(requests.isEmpty(), requests.toString());
  }

  /** name → STRING value or list of ARRAY values. */
  private static Map<String, Object> parameters(JsonNode query) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (JsonNode p : query.path("queryParameters")) {
      JsonNode v = p.path("parameterValue");
      if (v.has("value")) {
        out.put(p.path("name").asText(), v.path("value").asText());
      } else {
        List<String> values = new ArrayList<>();
        v.path("arrayValues").forEach(e -> values.add(e.path("value").asText()));
        out.put(p.path("name").asText(), values);
      }
    }
    return out;
  }
}
