package dev.meetscope.models.parse.vtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.models.parse.InputFile;
import dev.meetscope.models.parse.MeetingFolderParser;
import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.TimeBase;
import dev.meetscope.models.record.Utterance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** End to end through {@link MeetingFolderParser}: bytes → decoding → sniffing → reader → file stats. */
class VttFixturesTest {
  private static final Path MEETINGS = Path.of("..", "fixtures", "meetings");
  private static final long H = 3_600_000L;
  private static final long M = 60_000L;
  private static final long S = 1_000L;

  private static InputFile file(String relative) {
    try {
      return new InputFile(relative, Files.readAllBytes(MEETINGS.resolve(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ParsedMeeting parse(String key, InputFile... files) {
    return new MeetingFolderParser(null, List.of()).parse(key, List.of(files));
  }

  private static FileStat stat(ParsedMeeting m, String sourceFile) {
    return m.fileStats().stream().filter(s -> s.sourceFile().equals(sourceFile)).findFirst().orElseThrow();
  }

  @Test
  void transcriptSavedAsTxt() {
    String name = "transcript-only/GMT20260302-150002_Recording.transcript.txt";
    InputFile in = file(name);
    ParsedMeeting m = parse("transcript-only", in);

    assertEquals(List.of(new FileStat("transcript-only", name, "cloud_transcript", "parsed",
        in.bytes().length, 25, 25, 0)), m.fileStats());
    assertEquals(List.of(), m.deadLetters());
    List<Utterance> u = m.utterances();
    assertEquals(Arrays.asList("Dana Host", "Dana Host", "Ada Example", "Grace Sample",
        "Sam Tester (she/her)", "Ada Example", "Grace Sample", "Dana Host", "Ada Example", "Ada Example",
        "Sam Tester (she/her)", "Grace Sample", "Dana Host", "Ada Example", "Sam Tester (she/her)",
        "Grace Sample", "Dana Host", "Ada Example", "Grace Sample", "Sam Tester (she/her)", "Dana Host",
        "Ada Example", "Grace Sample", "Dana Host", "Ada Example"),
        u.stream().map(Utterance::speakerLabel).toList());
    List<Integer> inferred = new ArrayList<>();
    for (Utterance x : u) {
      if (x.speakerInferred()) {
        inferred.add(x.cueId());
      }
    }
    assertEquals(List.of(2, 10), inferred);

    assertEquals(new Utterance("transcript-only", name, 3, "cloud_transcript", 1, "Dana Host", false,
        TimeBase.RECORDING_OFFSET, 2 * M + 4859, 2 * M + 7410L,
        java.time.Instant.parse("2026-03-02T15:02:06.859Z"), "Okay, so we're recording now.",
        List.of()), u.get(0));
    assertEquals(new Utterance("transcript-only", name, 39, "cloud_transcript", 10, "Ada Example", true,
        TimeBase.RECORDING_OFFSET, 2 * M + 51_900, 2 * M + 55_430L,
        java.time.Instant.parse("2026-03-02T15:02:53.900Z"),
        "Note: the room booking ends at four.", List.of("speaker_inferred")), u.get(9));
    assertEquals("well I'm: more concerned about the timeline than the budget.", u.get(6).text());
    assertEquals("Yes, looks good 👍🏻", u.get(3).text());
    assertEquals(new Utterance("transcript-only", name, 99, "cloud_transcript", 25, "Ada Example", false,
        TimeBase.RECORDING_OFFSET, 3 * M + 59_600, 4 * M + 1000L,
        java.time.Instant.parse("2026-03-02T15:04:01.600Z"), "Bye everyone!", List.of()),
        u.get(24));
  }

  @Test
  void localCaptionsWithManifest() {
    String name = "captions-local/meeting_saved_closed_caption.txt";
    InputFile captions = file(name);
    ParsedMeeting m = parse("captions-local", file("captions-local/meeting.json"), captions);

    assertEquals(new FileStat("captions-local", name, "local_saved_captions", "parsed",
        captions.bytes().length, 8, 8, 0), stat(m, name));
    assertEquals(List.of(), m.deadLetters());
    String f = "local_saved_captions";
    String k = "captions-local";
    String tb = TimeBase.LOCAL_WALL_CLOCK;
    assertEquals(List.of(
        new Utterance(k, name, 1, f, null, "Dana Host", false, tb, 23 * H + 58 * M + 40 * S, null,
            Instant.parse("2026-03-02T22:58:40Z"), "Hello everyone, thanks for staying up late.", List.of()),
        new Utterance(k, name, 4, f, null, "山田\u3000花子", false, tb, 23 * H + 58 * M + 52 * S, null,
            Instant.parse("2026-03-02T22:58:52Z"), "こんばんは、よろしくお願いします。", List.of()),
        new Utterance(k, name, 7, f, null, "grace sample", false, tb, 23 * H + 59 * M + 10 * S, null,
            Instant.parse("2026-03-02T22:59:10Z"), "Evening! Can you hear me?", List.of()),
        new Utterance(k, name, 10, f, null, "Dana Host", false, tb, 23 * H + 59 * M + 15 * S, null,
            Instant.parse("2026-03-02T22:59:15Z"), "Yes, loud and clear.", List.of()),
        new Utterance(k, name, 13, f, null, "Dana Host", false, tb, 23 * H + 59 * M + 15 * S, null,
            Instant.parse("2026-03-02T22:59:15Z"), "Let's start with the review.", List.of()),
        new Utterance(k, name, 16, f, null, "Ada Example", false, tb, 23 * H + 59 * M + 50 * S, null,
            Instant.parse("2026-03-02T22:59:50Z"),
            "First point: the release slipped by a day.\nSecond point: nobody noticed.", List.of()),
        new Utterance(k, name, 20, f, null, "山田\u3000花子", false, tb, 24 * H + 5 * S, null,
            Instant.parse("2026-03-02T23:00:05Z"), "日付が変わりましたね 👍🏻", List.of("midnight_wrap")),
        new Utterance(k, name, 23, f, null, "grace sample", false, tb, 24 * H + 20 * S, null,
            Instant.parse("2026-03-02T23:00:20Z"), "Happy Tuesday, then.", List.of())),
        m.utterances());
  }

  @Test
  void malformedVttFiles() {
    String bad = "malformed/bad-timestamp.transcript.vtt";
    String cut = "malformed/truncated.vtt";
    String none = "malformed/no-header.vtt";
    InputFile badIn = file(bad);
    InputFile cutIn = file(cut);
    InputFile noneIn = file(none);
    ParsedMeeting m = parse("malformed", badIn, cutIn, noneIn);

    assertEquals(new FileStat("malformed", bad, "cloud_transcript", "parsed", badIn.bytes().length, 3, 2,
        1), stat(m, bad));
    assertEquals(new FileStat("malformed", cut, "cloud_transcript", "parsed", cutIn.bytes().length, 2, 1,
        1), stat(m, cut));
    assertEquals(new FileStat("malformed", none, "cloud_transcript", "dead_lettered",
        noneIn.bytes().length, 1, 0, 1), stat(m, none));

    assertEquals(List.of(List.of(bad, 1), List.of(bad, 3), List.of(cut, 1)),
        m.utterances().stream().map(x -> List.<Object>of(x.sourceFile(), x.cueId())).toList());
    assertEquals(List.of(
        new DeadLetter("malformed", "parse", "cloud_transcript", bad, 7L, null, "VTT_BAD_TIMING",
            "Malformed cue timing \"00:00:9.54 -> 00:00:12.990\"; expected HH:MM:SS.mmm --> HH:MM:SS.mmm.",
            "2\n00:00:9.54 -> 00:00:12.990\nGrace Sample: This cue has a broken timing line."),
        new DeadLetter("malformed", "parse", "cloud_transcript", none, null, 0L, "VTT_NO_HEADER",
            "First non-blank line is not WEBVTT, so this is not a WebVTT file: \"1\".",
            new String(noneIn.bytes(), StandardCharsets.UTF_8)),
        new DeadLetter("malformed", "parse", "cloud_transcript", cut, 7L, null, "VTT_TRUNCATED_CUE",
            "File ends inside the last cue's timing line \"00:00:04.0\": the cue was cut off.",
            "2\n00:00:04.0")),
        m.deadLetters());
  }

  @Test
  void bomIsStrippedEndToEnd() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.000\r\nAda Example: Hi.\r\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(body, 0, bytes, bom.length, body.length);
    ParsedMeeting m = parse("bom", new InputFile("bom/t.vtt", bytes));

    assertEquals(List.of(new Utterance("bom", "bom/t.vtt", 3, "cloud_transcript", 1, "Ada Example", false,
        TimeBase.RECORDING_OFFSET, 1000, 2000L, null, "Hi.", List.of())), m.utterances());
    assertEquals(List.of(new FileStat("bom", "bom/t.vtt", "cloud_transcript", "parsed", bytes.length, 1, 1,
        0)), m.fileStats());
  }

  @Test
  void bomBeforeLocalCaptionsIsStrippedEndToEnd() {
    byte[] bytes = "\uFEFF[Ada Example] 10:00:00\nHi.\n".getBytes(StandardCharsets.UTF_8);
    ParsedMeeting m = parse("bom", new InputFile("bom/c.txt", bytes));
    assertEquals(List.of(new Utterance("bom", "bom/c.txt", 1, "local_saved_captions", null, "Ada Example",
        false, TimeBase.LOCAL_WALL_CLOCK, 10 * H, null, null, "Hi.", List.of())), m.utterances());
  }
}
