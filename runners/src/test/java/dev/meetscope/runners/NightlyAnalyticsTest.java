package dev.meetscope.runners;

import static dev.meetscope.runners.NightlyJobTest.FIXTURES;
import static dev.meetscope.runners.NightlyJobTest.meetscope;
import static dev.meetscope.runners.NightlyJobTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.runners.cli.ExitCodes;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis tables of {@code meetscope nightly} on the bundled fixtures. */
class NightlyAnalyticsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Path SAMPLE = FIXTURES.resolve("2026-03-02-weekly-sync-0001");

  static List<JsonNode> table(Path out, String table) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : rows(out, table)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  /** Distinct people of a participant CSV: by e-mail, guests without e-mail by name. */
  static Set<String> csvPeople(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    int header = 0;
    while (!lines.get(header).startsWith("Name (Original Name)")) {
      header++;
    }
    Set<String> people = new TreeSet<>();
    try (Reader r = new java.io.StringReader(String.join("\n", lines.subList(header, lines.size())))) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().build().parse(r)) {
        String email = rec.get("User Email").strip();
        people.add(email.isEmpty() ? "name:" + rec.get("Name (Original Name)").strip() : email.toLowerCase());
      }
    }
    return people;
  }

  @Test
  void theSampleMeetingHasOneRowPerPersonAMeetingRowAndATimelineCoveringItsSpan(@TempDir Path out)
      throws IOException {
    // Names and emails are compared with the report, so this run writes them (host-facing tables only).
    NightlyJobTest.Run run = meetscope("nightly", "--input=" + SAMPLE, "--output=" + out, "--sink=jsonl",
        "--includeIdentities=true");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertEquals(List.of(), rows(out, "dead_letter"));

    List<JsonNode> meetings = table(out, "meeting");
    assertEquals(1, meetings.size());
    JsonNode meeting = meetings.get(0);
    String key = "T6Ab60rgKwmh3JPBcFliYg==";
    assertEquals(key, meeting.get("meeting_key").asText());
    // meeting.json schedules 14:00Z; the last leave is 09:30:45 in New York = 14:30:45Z.
    assertEquals("2026-03-02T14:00:00Z", meeting.get("meeting_start").asText());
    assertEquals("2026-03-02T14:30:45Z", meeting.get("meeting_end").asText());
    assertEquals(1845, meeting.get("duration_seconds").asLong());
    assertEquals("manifest/report", meeting.get("span_source").asText());

    Set<String> expected = csvPeople(SAMPLE.resolve("participants.csv"));
    assertEquals(12, expected.size());
    List<JsonNode> people = table(out, "participant_meeting");
    Set<String> actual = new TreeSet<>();
    double speaking = 0;
    for (JsonNode p : people) {
      assertEquals(key, p.get("meeting_key").asText());
      actual.add(p.get("email").isNull() ? "name:" + p.get("display_name").asText() : p.get("email").asText());
      long attended = p.get("attended_seconds").asLong();
      assertTrue(attended > 0 && attended <= 1845, p.toString());
      Instant first = Instant.parse(p.get("first_join").asText());
      Instant last = Instant.parse(p.get("last_leave").asText());
      assertTrue(!first.isBefore(Instant.parse("2026-03-02T14:00:00Z"))
          && !last.isAfter(Instant.parse("2026-03-02T14:30:45Z")) && first.isBefore(last), p.toString());
      speaking += p.get("speaking_pct").isNull() ? 0 : p.get("speaking_pct").asDouble();
      assertTrue(Set.of("exact", "normalised", "fuzzy", "none").contains(p.get("match_method").asText()),
          p.toString());
    }
    assertEquals(expected, actual);
    assertEquals(12, people.size());
    assertEquals(100.0, speaking, 0.001);
    assertEquals(12, meeting.get("participants").asInt());
    assertTrue(meeting.get("peak_concurrent").asInt() >= 1 && meeting.get("peak_concurrent").asInt() <= 12);
    assertEquals(1, people.stream().filter(p -> p.get("is_host").asBoolean()).count());

    // 30 minutes and 45 seconds: minutes 0..30, the last one partial.
    List<JsonNode> timeline = table(out, "meeting_timeline");
    Map<Integer, JsonNode> byMinute = new TreeMap<>();
    timeline.forEach(m -> byMinute.put(m.get("minute_index").asInt(), m));
    assertEquals(31, timeline.size());
    assertEquals(31, byMinute.size());
    assertEquals(0, ((TreeMap<Integer, JsonNode>) byMinute).firstKey());
    assertEquals(30, ((TreeMap<Integer, JsonNode>) byMinute).lastKey());
    assertEquals("2026-03-02T14:00:00Z", byMinute.get(0).get("minute_start").asText());
    int maxPresent = 0;
    for (JsonNode m : timeline) {
      maxPresent = Math.max(maxPresent, m.get("present").asInt());
    }
    assertTrue(maxPresent >= meeting.get("peak_concurrent").asInt());

    JsonNode metrics = JSON.readTree(out.resolve("_METRICS.json").toFile());
    assertEquals(12, metrics.get("tables").get("participant_meeting").asLong());
    assertEquals(1, metrics.get("tables").get("meeting").asLong());
    assertEquals(31, metrics.get("tables").get("meeting_timeline").asLong());
    assertEquals(1, metrics.get("beam_counters").get("analyze/meetings").asLong());
  }

  /**
   * On the output of a run over all fixtures (made by {@link NightlyJobTest}, so the fixtures run once):
   * every subset of inputs gives rows, and nothing fails analysis.
   */
  static void assertEverySubsetGivesRowsAndNoAnalysisDeadLetters(Path out) throws IOException {
    for (JsonNode d : table(out, "dead_letter")) {
      assertEquals("parse", d.get("stage").asText(), d.toString());
    }
    Map<String, List<JsonNode>> people = new TreeMap<>();
    for (JsonNode p : table(out, "participant_meeting")) {
      people.computeIfAbsent(p.get("meeting_key").asText(), k -> new ArrayList<>()).add(p);
    }
    Map<String, JsonNode> meetings = new TreeMap<>();
    for (JsonNode m : table(out, "meeting")) {
      meetings.put(m.get("meeting_key").asText(), m);
    }
    assertEquals(meetings.keySet(), people.keySet(), "every meeting row has its people and vice versa");

    // A transcript alone: the speakers are the people; no attendance, no chat.
    JsonNode speaker = people.get("transcript-only").get(0);
    assertTrue(speaker.get("talk_seconds").asDouble() > 0, speaker.toString());
    assertNull(nullable(speaker, "attended_seconds"));
    assertNull(nullable(speaker, "chat_messages"));
    assertEquals("unmatched", speaker.get("match_method").asText());
    // A chat alone: chat columns, no speech, no attendance.
    for (JsonNode p : people.get("chat-only-cloud")) {
      assertTrue(p.get("chat_messages").asInt() >= 0, p.toString());
      assertNull(nullable(p, "talk_seconds"));
      assertNull(nullable(p, "attended_seconds"));
    }
    // A report alone: attendance, no speech, no chat.
    for (JsonNode p : people.get("report-api")) {
      assertTrue(p.get("attended_seconds").asLong() > 0, p.toString());
      assertNull(nullable(p, "talk_seconds"));
      assertNull(nullable(p, "chat_messages"));
    }
    assertNull(nullable(meetings.get("report-api"), "participation_gini"));
    assertTrue(meetings.get("report-api").get("peak_concurrent").asInt() > 0);
    // Every meeting's timeline covers its span minute by minute.
    Map<String, Integer> minutes = new TreeMap<>();
    for (JsonNode m : table(out, "meeting_timeline")) {
      minutes.merge(m.get("meeting_key").asText(), 1, Integer::sum);
    }
    for (JsonNode m : meetings.values()) {
      long seconds = m.get("duration_seconds").asLong();
      assertEquals((int) ((seconds + 59) / 60), minutes.getOrDefault(m.get("meeting_key").asText(), 0),
          m.get("meeting_key").asText());
    }
  }

  private static JsonNode nullable(JsonNode row, String column) {
    JsonNode v = row.get(column);
    assertTrue(v != null, "column " + column + " missing in " + row);
    return v.isNull() ? null : v;
  }
}
