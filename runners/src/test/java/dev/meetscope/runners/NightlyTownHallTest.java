package dev.meetscope.runners;

import static dev.meetscope.runners.NightlyAnalyticsTest.table;
import static dev.meetscope.runners.NightlyJobTest.meetscope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meetscope.fixtures.GenerationSummary;
import dev.meetscope.fixtures.GeneratorSpec;
import dev.meetscope.fixtures.MeetingGenerator;
import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.MeetingAnalysis;
import dev.meetscope.models.analytics.MeetingAnalyzer;
import dev.meetscope.models.analytics.MeetingInput;
import dev.meetscope.models.parse.InputFile;
import dev.meetscope.models.parse.MeetingFolderParser;
import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.runners.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10,000-person town hall through the real nightly job on the Direct runner (checks on) inside the test
 * JVM's heap: the people fan out, and the meeting row and timeline come from Combine accumulators, so no
 * step holds the meeting's 10,000 output rows at once. The meeting row and timeline must equal those of
 * the plain-Java reference ({@link MeetingAnalyzer#analyze}) on the same files.
 */
@Tag("slow")
class NightlyTownHallTest {
  static final int PEOPLE = 10_000;

  @Test
  void tenThousandPeopleInOneMeeting(@TempDir Path dir) throws IOException {
    Path gen = dir.resolve("gen");
    GenerationSummary generated = new MeetingGenerator().generate(
        GeneratorSpec.of(1, PEOPLE, 42).withMinutes(30), gen);
    assertEquals(PEOPLE, generated.meetings().get(0).participants());

    Path out = dir.resolve("out");
    long started = System.nanoTime();
    NightlyJobTest.Run run = meetscope("nightly", "--input=" + gen, "--output=" + out, "--sink=jsonl");
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    System.out.printf("10,000-person meeting: nightly job in %.1f s%n", seconds);
    assertEquals(List.of(), NightlyJobTest.rows(out, "dead_letter"));

    List<JsonNode> people = table(out, "participant_meeting");
    assertEquals(PEOPLE, people.size());
    Set<String> keys = new HashSet<>();
    people.forEach(p -> keys.add(p.get("participant_key").asText()));
    assertEquals(PEOPLE, keys.size(), "one row per person");

    MeetingAnalysis reference = reference(gen);
    MeetingSummary expected = reference.meeting();
    assertEquals(PEOPLE, expected.participants());
    List<JsonNode> meetings = table(out, "meeting");
    assertEquals(1, meetings.size());
    JsonNode m = meetings.get(0);
    assertEquals(PEOPLE, m.get("participants").asInt());
    assertEquals(expected.peakConcurrent(), m.get("peak_concurrent").asInt());
    assertTrue(expected.peakConcurrent() > PEOPLE / 2, "most of the town hall is there at once");
    assertEquals(expected.neverSpoke(), m.get("never_spoke").asInt());
    assertEquals(expected.totalTalkSeconds(), m.get("total_talk_seconds").asDouble(), 1e-9);
    assertEquals(expected.avgAttendanceRatio(), m.get("avg_attendance_ratio").asDouble(), 2e-6);
    assertEquals(expected.participationGini(), m.get("participation_gini").asDouble(), 1e-9);
    assertEquals(expected.chatMessages(), m.get("chat_messages").asInt());
    assertEquals(expected.massDropoffs().size(), m.get("mass_dropoffs").size());

    List<JsonNode> timeline = table(out, "meeting_timeline");
    assertEquals(reference.timeline().size(), timeline.size());
    for (JsonNode minute : timeline) {
      TimelineMinute want = reference.timeline().get(minute.get("minute_index").asInt());
      assertEquals(want.present(), minute.get("present").asInt());
      assertEquals(want.joins(), minute.get("joins").asInt());
      assertEquals(want.leaves(), minute.get("leaves").asInt());
      assertEquals(want.chatMessages(), minute.get("chat_messages").asInt());
    }
  }

  /** The same folder parsed and analysed in plain Java, as the job does with its default options. */
  private static MeetingAnalysis reference(Path gen) throws IOException {
    Path folder;
    List<InputFile> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(gen)) {
      folder = s.findFirst().orElseThrow();
    }
    try (Stream<Path> s = Files.list(folder)) {
      for (Path f : s.sorted().toList()) {
        files.add(new InputFile(f.toString(), Files.readAllBytes(f)));
      }
    }
    ParsedMeeting parsed = new MeetingFolderParser(ZoneId.of("UTC"), List.of())
        .parse(folder.getFileName().toString(), files);
    return new MeetingAnalyzer(AnalyticsSettings.defaults().withZone(ZoneId.of("UTC"))).analyze(
        MeetingInput.of(parsed.meetingKey(), parsed.manifest(), parsed.sessions(), parsed.utterances(),
            parsed.chatMessages(), parsed.events()));
  }
}
