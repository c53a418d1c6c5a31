package dev.meetscope.models.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingFolderParserTest {
  private final MeetingFolderParser parser = new MeetingFolderParser(ZoneOffset.UTC, List.of());

  private static InputFile file(String name, String text) {
    return new InputFile("/in/m1/" + name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void manifestUuidBecomesTheMeetingKeyOfEveryRecord() {
    String manifest = "{\"uuid\":\"aB3+cD9/eF1gH2iJ3kL4mN==\",\"topic\":\"Sync\",\"time_zone\":\"Europe/Berlin\","
        + "\"recording_start\":\"2026-03-02T15:00:00Z\"}";
    String vtt = "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.500\r\nAda Example: Hello.\r\n";
    ParsedMeeting m = parser.parse("m1", List.of(file("meeting.json", manifest), file("t.vtt", vtt)));
    assertEquals("aB3+cD9/eF1gH2iJ3kL4mN==", m.meetingKey());
    assertEquals("Sync", m.manifest().topic());
    assertEquals(1, m.utterances().size());
    assertEquals("aB3+cD9/eF1gH2iJ3kL4mN==", m.utterances().get(0).meetingKey());
    assertEquals(Instant.parse("2026-03-02T15:00:01Z"), m.utterances().get(0).wallTime());
  }

  @Test
  void withoutManifestTheFolderNameIsTheKey() {
    ParsedMeeting m = parser.parse("m1", List.of(file("empty.txt", "")));
    assertEquals("m1", m.meetingKey());
    assertNull(m.manifest().uuid());
    assertEquals(List.of(new FileStat("m1", "/in/m1/empty.txt", "empty", "no_data", 0, 0, 0, 0)),
        m.fileStats());
    assertEquals(List.of(), m.deadLetters());
  }

  @Test
  void unknownAndUndecodableFilesAreWholeFileDeadLetters() {
    InputFile latin1 = new InputFile("/in/m1/latin1.csv",
        new byte[] {'N', 'a', 'm', 'e', ',', (byte) 0xE9, '\n'});
    ParsedMeeting m = parser.parse("m1", List.of(file("notes.txt", "just some notes\nnothing else\n"), latin1));
    assertEquals(2, m.deadLetters().size());
    DeadLetter bad = m.deadLetters().stream().filter(d -> d.reason().equals("INVALID_UTF8")).findFirst()
        .orElseThrow();
    assertEquals(5L, bad.byteOffset());
    assertEquals("/in/m1/latin1.csv", bad.sourceFile());
    DeadLetter unknown = m.deadLetters().stream().filter(d -> d.reason().equals("UNRECOGNISED_FORMAT"))
        .findFirst().orElseThrow();
    assertEquals("just some notes\nnothing else\n", unknown.rawText());
    assertEquals("parse", unknown.stage());
    for (FileStat s : m.fileStats()) {
      assertEquals("dead_lettered", s.status());
      assertEquals(s.recordsRead(), s.recordsParsed() + s.recordsDeadLettered());
      assertEquals(1, s.recordsRead());
    }
  }

  @Test
  void badManifestIsDeadLetteredAndTheMeetingStillParses() {
    ParsedMeeting m = parser.parse("m1", List.of(file("meeting.json", "{\"topic\":\"x\",\"time_zone\":\"Mars/Base\"}"),
        file("t.vtt", "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAda Example: Hi.\n")));
    assertEquals("m1", m.meetingKey());
    assertEquals("MANIFEST_BAD_VALUE", m.deadLetters().get(0).reason());
    assertEquals(1, m.utterances().size());
  }

  @Test
  void recordingStartComesFromTheCloudFileNameWhenNoManifestGivesIt() {
    String vtt = "WEBVTT\n\n1\n00:01:00.000 --> 00:01:02.000\nAda Example: Hi.\n";
    ParsedMeeting m = parser.parse("m1", List.of(
        new InputFile("/in/m1/GMT20260302-150002_Recording.transcript.vtt",
            vtt.getBytes(StandardCharsets.UTF_8))));
    assertEquals(Instant.parse("2026-03-02T15:01:02Z"), m.utterances().get(0).wallTime());
  }

  @Test
  void fileNamesThatAreNotTimestampsAreIgnored() {
    assertNull(MeetingFolderParser.recordingStartFromFileNames(List.of(
        new InputFile("/in/GMT20261399-250000_Recording.vtt", new byte[0]),
        new InputFile("/in/notes.txt", new byte[0]))));
  }
}
