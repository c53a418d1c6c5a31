package dev.meetscope.transforms.parse;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.Utterance;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The parse transform on real files: main and dead-letter outputs asserted exactly. */
public class ParseMeetingFoldersTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private String root;
  private String meeting;

  @Before
  public void writeInputs() throws IOException {
    File dir = tmp.newFolder("in", "weekly-sync");
    root = tmp.getRoot().getPath() + "/in";
    meeting = dir.getPath();
    write(dir, "meeting.json", "{\"uuid\":\"u1==\",\"time_zone\":\"UTC\","
        + "\"recording_start\":\"2026-03-02T15:00:00Z\"}");
    write(dir, "transcript.txt", "WEBVTT\r\n\r\n"
        + "1\r\n00:00:01.000 --> 00:00:02.500\r\nAda Example: Hello everyone.\r\n\r\n"
        + "2\r\n00:00:9.54 -> 00:00:12.990\r\nGrace Sample: lost cue\r\n\r\n"
        + "3\r\n00:00:13.000 --> 00:00:14.000\r\nand the slides are shared.\r\n");
    write(dir, "notes.txt", "Remember to book the room.\nNothing here is a Zoom export.\n");
    write(dir, ".DS_Store", "ignored");
    write(dir, "_pull_report.json", "{\"skipped\": true}");
    write(dir, "empty.vtt", "");
  }

  private static void write(File dir, String name, String text) throws IOException {
    Files.writeString(new File(dir, name).toPath(), text, StandardCharsets.UTF_8);
  }

  @Test
  public void parsesRecordsAndDeadLettersEveryBadOne() {
    PCollectionTuple out = pipeline
        .apply("Match", MatchMeetingFiles.of(root + "/*/*"))
        .apply("Parse", ParseMeetingFolders.create());

    String vtt = meeting + "/transcript.txt";
    PAssert.that(out.get(ParseMeetingFolders.UTTERANCES)).containsInAnyOrder(
        new Utterance("u1==", vtt, 3, "cloud_transcript", 1, "Ada Example", false, "recording_offset",
            1_000, 2_500L, Instant.parse("2026-03-02T15:00:01Z"), "Hello everyone.", List.of()),
        new Utterance("u1==", vtt, 11, "cloud_transcript", 3, "Ada Example", true, "recording_offset",
            13_000, 14_000L, Instant.parse("2026-03-02T15:00:13Z"), "and the slides are shared.",
            List.of("speaker_inferred")));

    PCollection<String> deadLetters = out.get(ParseMeetingFolders.DEAD_LETTERS).apply("DescribeDeadLetters",
        MapElements.into(TypeDescriptors.strings()).via(ParseMeetingFoldersTest::describe));
    PAssert.that(deadLetters).containsInAnyOrder(
        "u1==|parse|cloud_transcript|" + vtt + "|7|VTT_BAD_TIMING|"
            + "2\r\n00:00:9.54 -> 00:00:12.990\r\nGrace Sample: lost cue".replace("\r", ""),
        "u1==|parse|unknown|" + meeting + "/notes.txt|null|UNRECOGNISED_FORMAT|"
            + "Remember to book the room.\nNothing here is a Zoom export.\n");

    PAssert.that(out.get(ParseMeetingFolders.FILE_STATS)).containsInAnyOrder(
        new FileStat("u1==", meeting + "/meeting.json", "manifest", "parsed", 74, 1, 1, 0),
        new FileStat("u1==", vtt, "cloud_transcript", "parsed", 195, 3, 2, 1),
        new FileStat("u1==", meeting + "/notes.txt", "unknown", "dead_lettered", 58, 1, 0, 1),
        new FileStat("u1==", meeting + "/empty.vtt", "empty", "no_data", 0, 0, 0, 0));
    PAssert.that(out.get(ParseMeetingFolders.SESSIONS)).empty();
    PAssert.that(out.get(ParseMeetingFolders.CHAT_MESSAGES)).empty();
    PAssert.that(out.get(ParseMeetingFolders.EVENTS)).empty();
    pipeline.run().waitUntilFinish();
  }

  private static String describe(DeadLetter d) {
    String raw = d.rawText() == null ? "null" : d.rawText().replace("\r", "");
    return String.join("|", d.meetingKey(), d.stage(), d.format(), d.sourceFile(),
        String.valueOf(d.sourceLine()), d.reason(), raw);
  }
}
