package dev.meetscope.runners;

import static dev.meetscope.runners.NightlyJobTest.FIXTURES;
import static dev.meetscope.runners.NightlyJobTest.meetscope;
import static dev.meetscope.runners.NightlyJobTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.governance.Pseudonymizer;
import dev.meetscope.models.report.ManagerDigestPage;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.transforms.sink.ParquetTableFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governance promises of docs/governance.md, checked on whole nightly runs of fixture meetings by reading
 * every file the runs wrote: consent skips, an opted-out person appears nowhere, no name or email in default
 * outputs, keys stable under one key and different after rotation, audit rows accumulate, purge removes a
 * person everywhere.
 *
 * <p>Input: the weekly sync (12 people; allowed by meeting id on the consent allow list) and the
 * transcript-only meeting (no manifest, not allowed: skipped).
 */
@Tag("slow")
class GovernanceJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SYNC = FIXTURES.resolve("2026-03-02-weekly-sync-0001");
  private static final String OPTED_OUT_EMAIL = "renee.hussain@example.com";
  private static final String OPTED_OUT_NAME = "Renée Hussain";
  private static final String PURGED_EMAIL = "tariq.okafor@example.com";
  private static final String PURGED_NAME = "Tariq Okafor";

  @Test
  void consentOptOutPseudonymsAuditAndPurgeOnWholeRuns(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("in");
    copy(SYNC, input.resolve("weekly-sync"));
    copy(FIXTURES.resolve("transcript-only"), input.resolve("transcript-only"));
    Path allow = Files.writeString(dir.resolve("allow.txt"), "# pilot team\nmeeting:815 6210 3117\n");
    Path optOut = Files.writeString(dir.resolve("optout.txt"), "# asked on 2026-03-01\n" + OPTED_OUT_EMAIL
        + "\n");
    byte[] k1 = "first-key-0123456789abcdef-0001".getBytes(StandardCharsets.UTF_8);
    byte[] k2 = "rotated-key-0123456789abcdef-02".getBytes(StandardCharsets.UTF_8);
    Path key1 = Files.write(dir.resolve("k1"), k1);
    Path key2 = Files.write(dir.resolve("k2"), k2);
    Map<String, String> people = csvPeople(SYNC.resolve("participants.csv"));
    assertEquals(12, people.size());
    Path a = dir.resolve("a");

    // Run 1: default outputs (no identities), key 1.
    NightlyJobTest.Run run = meetscope("nightly", "--input=" + input, "--output=" + a, "--sink=jsonl",
        "--consentMode=manifest", "--consentAllowList=" + allow, "--optOut=" + optOut,
        "--pseudonymKey=file:" + key1);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.out().contains("(1 skipped without consent)"), run.out());

    JsonNode totals = JSON.readTree(a.resolve("_METRICS.json").toFile()).get("totals");
    assertTrue(totals.get("counts_add_up").asBoolean(), totals.toString());
    assertEquals(totals.get("records_read").asLong(), totals.get("parsed").asLong()
        + totals.get("dead_lettered").asLong() + totals.get("skipped").asLong(), totals.toString());
    assertEquals(25, totals.get("skipped").asLong(), "the 25 cues of the skipped transcript-only meeting");
    assertEquals(1, totals.get("meetings_skipped").asLong());
    assertEquals(Set.of("T6Ab60rgKwmh3JPBcFliYg=="), column(a, "meeting", "meeting_key"),
        "only the allow-listed meeting is analysed");

    // The opted-out person counts in the meeting totals, has no row, and appears in no file at all.
    assertEquals(12, table(a, "meeting").get(0).get("participants").asInt());
    assertEquals(11, table(a, "participant_meeting").size());
    assertAbsentEverywhere(a, List.of(OPTED_OUT_EMAIL, OPTED_OUT_NAME), false);
    assertFalse(column(a, "participant_meeting", "participant_key")
        .contains(new Pseudonymizer(k1).participantKey("email:" + OPTED_OUT_EMAIL)));
    // No email or display name of anybody in default outputs (every table, dead letters, metrics, audit).
    List<String> identities = new ArrayList<>(people.keySet());
    people.values().stream().filter(e -> !e.isEmpty()).forEach(identities::add);
    assertAbsentEverywhere(a, identities, false);

    // Keys are the keyed HMAC of the stable identity.
    Set<String> keysRun1 = column(a, "participant_meeting", "participant_key");
    String hostKey = new Pseudonymizer(k1).participantKey("email:taro.yamada@example.com");
    assertTrue(keysRun1.contains(hostKey), keysRun1.toString());

    // Views: the host's folder holds the per-person rows of their meeting; people ops one org-week of 11
    // people; no manager view without a roster.
    assertEquals(11, jsonLines(a.resolve("views/host/host_key=" + hostKey)).size());
    List<JsonNode> org = jsonLines(a.resolve("views/people_ops/org_week"));
    assertEquals(1, org.size());
    assertEquals(11, org.get(0).get("people").asInt());
    assertEquals("2026-03-02", org.get(0).get("week_start").asText());
    assertFalse(Files.exists(a.resolve("views/manager")));

    // Run 2: same key, same output folder: the same keys, and a second audit row beside the first.
    run = meetscope("nightly", "--input=" + input, "--output=" + a, "--sink=jsonl", "--consentMode=manifest",
        "--consentAllowList=" + allow, "--optOut=" + optOut, "--pseudonymKey=file:" + key1);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertEquals(keysRun1, column(a, "participant_meeting", "participant_key"));
    List<JsonNode> audit = auditRows(a);
    assertEquals(2, audit.size());
    assertNotEquals(audit.get(0).get("run_id").asText(), audit.get(1).get("run_id").asText());
    for (JsonNode row : audit) {
      assertEquals("succeeded", row.get("status").asText());
      assertEquals("manifest", row.get("consent_mode").asText());
      assertEquals(1, row.get("meetings_analysed").asLong());
      assertEquals("NO_CONSENT", row.get("meetings_skipped").get(0).get("name").asText());
      assertEquals(1, row.get("opted_out_people").asLong());
      assertEquals(new Pseudonymizer(k1).keyId(), row.get("pseudonym_key_id").asText());
      assertEquals(11, tableRows(row, "participant_meeting"));
      assertEquals(5, row.get("input_files").asLong(), "4 files of the sync and the skipped transcript");
      assertEquals(bytesUnder(input), row.get("input_bytes").asLong());
      assertTrue(row.toString().contains("\"pseudonymKey\",\"value\":\"file:" + key1), row.toString());
    }

    // Run 3: rotated key and --includeIdentities=true, other folder.
    Path b = dir.resolve("b");
    // Roster: team A has 6 of the meeting's people (reported), team B 4 (suppressed: under 5).
    Path roster = Files.writeString(dir.resolve("roster.csv"), "person,manager_email,department\n"
        + "taro.yamada@example.com,boss-a@example.com,Eng\nalex.zukauskas@example.com,boss-a@example.com,Eng\n"
        + "mateo.moreau@example.com,boss-a@example.com,Eng\ntariq.okafor@example.com,boss-a@example.com,Eng\n"
        + "helene.moreau@example.com,boss-a@example.com,Eng\npedro.lefevre@example.com,boss-a@example.com,Eng\n"
        + "haeun.park@example.com,boss-b@example.com,Sales\nethan.johansson@example.com,boss-b@example.com,Sales\n"
        + "mateo.adeyemi@example.com,boss-b@example.com,Sales\nsara.schafer@example.com,boss-b@example.com,Sales\n");
    run = meetscope("nightly", "--input=" + input, "--output=" + b, "--sink=jsonl", "--consentMode=manifest",
        "--consentAllowList=" + allow, "--optOut=" + optOut, "--pseudonymKey=file:" + key2,
        "--includeIdentities=true", "--roster=" + roster);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    Pseudonymizer rotated = new Pseudonymizer(k2);
    List<JsonNode> teamA = jsonLines(b.resolve("views/manager/manager_key="
        + rotated.participantKey("email:boss-a@example.com")));
    assertEquals(1, teamA.size());
    assertEquals(6, teamA.get(0).get("people").asInt());
    assertFalse(Files.exists(b.resolve("views/manager/manager_key="
        + rotated.participantKey("email:boss-b@example.com"))), "a team of 4 is suppressed");
    // The manager digest pages follow the same suppression: team A's page, none for team B.
    String digestA = Files.readString(b.resolve("reports/managers/" + ManagerDigestPage.fileName(
        rotated.participantKey("email:boss-a@example.com"))));
    assertTrue(digestA.contains("<h1>Team digest</h1>") && digestA.contains("<td>6</td>"), digestA);
    assertFalse(digestA.contains("boss-a@example.com"));
    assertFalse(Files.exists(b.resolve("reports/managers/" + ManagerDigestPage.fileName(
        rotated.participantKey("email:boss-b@example.com")))), "no digest for a suppressed team");
    // Departments: Eng 6 is reported; Sales 4 and the 1 person without department are suppressed together.
    List<JsonNode> departments = jsonLines(b.resolve("views/people_ops/department_week"));
    assertEquals(1, departments.size(), departments.toString());
    assertEquals("Eng", departments.get(0).get("department").asText());
    Set<String> keysRun3 = column(b, "participant_meeting", "participant_key");
    assertEquals(11, keysRun3.size());
    Set<String> both = new TreeSet<>(keysRun1);
    both.retainAll(keysRun3);
    assertEquals(Set.of(), both, "a rotated key unlinks every key");
    assertTrue(column(b, "participant_meeting", "display_name").contains(PURGED_NAME));
    assertAbsentEverywhere(b, List.of(OPTED_OUT_EMAIL, OPTED_OUT_NAME), false);

    // Purge one person from run 3's outputs: rows gone, and their key, name and email in no file.
    String purgedKey = new Pseudonymizer(k2).participantKey("email:" + PURGED_EMAIL);
    assertTrue(keysRun3.contains(purgedKey));
    run = meetscope("purge", "--output=" + b, "--person=" + PURGED_EMAIL, "--pseudonymKey=file:" + key2);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertEquals(10, table(b, "participant_meeting").size());
    assertEquals(10, jsonLines(b.resolve("views/host/host_key=" + rotated.participantKey(
        "email:taro.yamada@example.com"))).size());
    assertAbsentEverywhere(b, List.of(PURGED_EMAIL, PURGED_NAME, purgedKey), false);
    List<JsonNode> auditAfter = auditRows(b);
    assertEquals(2, auditAfter.size(), "the nightly run's row, left alone, and the purge's own");
    assertEquals(Set.of("nightly", "purge"), Set.of(auditAfter.get(0).get("command").asText(),
        auditAfter.get(1).get("command").asText()));
  }

  /**
   * Purge on the nightly job's default sink: the Parquet tables are read, the person's rows deleted, the other
   * rows scrubbed and the files written back with their schema, so the decoded rows of every table no longer
   * name them.
   */
  @Test
  void purgeRemovesAPersonFromParquetOutputs(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("in");
    copy(SYNC, input.resolve("weekly-sync"));
    Path key = Files.write(dir.resolve("k"), "parquet-key-0123456789abcdef-03".getBytes(StandardCharsets.UTF_8));
    Path out = dir.resolve("out");
    NightlyJobTest.Run run = meetscope("nightly", "--input=" + input, "--output=" + out, "--consentMode=all",
        "--pseudonymKey=file:" + key, "--includeIdentities=true");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    String purgedKey = new Pseudonymizer(Files.readAllBytes(key)).participantKey("email:" + PURGED_EMAIL);
    Map<String, List<Map<String, Object>>> before = parquetTables(out);
    assertTrue(before.size() >= 8, before.keySet().toString());
    int people = before.get("participant_meeting").size();
    assertEquals(12, people);
    String all = fold(before.toString());
    assertTrue(all.contains(fold(PURGED_NAME)) && all.contains(PURGED_EMAIL) && all.contains(purgedKey),
        "the person is in the Parquet tables before the purge");

    run = meetscope("purge", "--output=" + out, "--person=" + PURGED_EMAIL, "--pseudonymKey=file:" + key);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.out().contains("rewrite participant_meeting/"), run.out());

    Map<String, List<Map<String, Object>>> after = parquetTables(out);
    assertEquals(people - 1, after.get("participant_meeting").size());
    assertEquals(before.get("meeting").size(), after.get("meeting").size(), "meeting rows stay, scrubbed");
    assertAbsentEverywhere(out, List.of(PURGED_EMAIL, PURGED_NAME, purgedKey), false);
    try (Stream<Path> s = Files.walk(out)) {
      assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".purge-tmp")).toList());
    }
  }

  /** Every Parquet table under {@code root}, decoded: folder path (table and partitions) → rows. */
  private static Map<String, List<Map<String, Object>>> parquetTables(Path root) throws IOException {
    Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList()) {
        tables.computeIfAbsent(root.relativize(f.getParent()).toString(), t -> new ArrayList<>())
            .addAll(ParquetTableFile.read(Files.readAllBytes(f)).rows());
      }
    }
    return tables;
  }

  /** Reads every file under {@code root} and fails on the first that mentions one of {@code terms}. */
  static void assertAbsentEverywhere(Path root, List<String> terms, boolean skipAudit) throws IOException {
    int files = 0;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        if (skipAudit && root.relativize(f).toString().startsWith("run_audit")) {
          continue;
        }
        files++;
        // Parquet compresses and dictionary-encodes strings: scan its decoded rows, not its bytes.
        String text = fold(f.toString().endsWith(".parquet")
            ? ParquetTableFile.read(Files.readAllBytes(f)).rows().toString()
            : Files.readString(f, StandardCharsets.UTF_8));
        for (String t : terms) {
          assertFalse(text.contains(fold(t)), () -> root.relativize(f) + " mentions " + t);
        }
      }
    }
    assertTrue(files >= 8, "scanned " + files + " files");
  }

  private static long bytesUnder(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      long n = 0;
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        n += Files.size(f);
      }
      return n;
    }
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static long tableRows(JsonNode audit, String table) {
    for (JsonNode t : audit.get("output_tables")) {
      if (t.get("table").asText().equals(table)) {
        return t.get("rows").asLong();
      }
    }
    return -1;
  }

  /** Every JSON line of the .jsonl files directly in a folder. */
  static List<JsonNode> jsonLines(Path folder) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            rows.add(JSON.readTree(line));
          }
        }
      }
    }
    return rows;
  }

  static List<JsonNode> auditRows(Path out) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out.resolve("run_audit"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            rows.add(JSON.readTree(line));
          }
        }
      }
    }
    return rows;
  }

  static List<JsonNode> table(Path out, String table) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : rows(out, table)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  static Set<String> column(Path out, String table, String column) throws IOException {
    Set<String> values = new TreeSet<>();
    for (JsonNode n : table(out, table)) {
      if (!n.get(column).isNull()) {
        values.add(n.get(column).asText());
      }
    }
    return values;
  }

  /** Display name → email ("" for guests) of a participant report. */
  private static Map<String, String> csvPeople(Path csv) throws IOException {
    Map<String, String> people = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      List<CSVRecord> records = CSVFormat.DEFAULT.parse(r).getRecords();
      boolean inRows = false;
      for (CSVRecord rec : records) {
        if (rec.size() > 1 && rec.get(0).startsWith("Name (Original Name)")) {
          inRows = true;
        } else if (inRows && rec.size() > 1) {
          people.put(rec.get(0).strip(), rec.get(1).strip());
        }
      }
    }
    return people;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path f : s.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
