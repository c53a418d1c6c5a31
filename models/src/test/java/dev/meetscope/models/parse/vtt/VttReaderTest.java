package dev.meetscope.models.parse.vtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.TimeBase;
import dev.meetscope.models.record.Utterance;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VttReaderTest {
  private static final String KEY = "meeting-1";
  private static final String FILE = "GMT20260302-150002_Recording.transcript.vtt";
  private static final String TRANSCRIPT = "cloud_transcript";
  private static final String CC = "closed_caption";

  /** The §1.1 example: one speaker cue and one speakerless continuation, with LF line ends. */
  private static final String TWO_CUES_LF = "WEBVTT\n\n1\n00:00:04.859 --> 00:00:07.410\n"
      + "Ada Example: Okay, so we're recording now.\n\n2\n00:00:09.540 --> 00:00:12.990\n"
      + "and the slides are shared as well.\n\n";

  private static final List<Utterance> TWO_CUES_EXPECTED = List.of(
      transcript(3, 1, "Ada Example", false, 4859, 7410, "Okay, so we're recording now."),
      transcript(7, 2, "Ada Example", true, 9540, 12990, "and the slides are shared as well.",
          "speaker_inferred"));

  private static ParseResult<Utterance> read(String text) {
    return read(text, ParseContext.minimal(KEY));
  }

  private static ParseResult<Utterance> read(String text, ParseContext ctx) {
    return new VttReader().read(new SourceText(FILE, text), ctx);
  }

  private static ParseContext withNames(String... names) {
    return ParseContext.minimal(KEY).withKnownNames(Set.of(names));
  }

  private static Utterance transcript(long line, Integer cueId, String speaker, boolean inferred,
      long start, long end, String text, String... flags) {
    return new Utterance(KEY, FILE, line, TRANSCRIPT, cueId, speaker, inferred, TimeBase.RECORDING_OFFSET,
        start, end, null, text, List.of(flags));
  }

  private static Utterance caption(long line, long start, long end, String text, String... flags) {
    return new Utterance(KEY, FILE, line, CC, null, null, false, TimeBase.RECORDING_OFFSET, start, end,
        null, text, List.of(flags));
  }

  private static void assertCounts(ParseResult<Utterance> r, int parsed, int deadLettered) {
    assertEquals(parsed, r.records().size(), "parsed");
    assertEquals(deadLettered, r.deadLetters().size(), "dead-lettered");
    assertEquals(parsed + deadLettered, r.recordsRead(), "records read");
  }

  // ---- line ends -------------------------------------------------------------------------------

  @Test
  void readsLfTranscript() {
    ParseResult<Utterance> r = read(TWO_CUES_LF);
    assertEquals(TWO_CUES_EXPECTED, r.records());
    assertCounts(r, 2, 0);
  }

  @Test
  void readsCrlfTranscript() {
    ParseResult<Utterance> r = read(TWO_CUES_LF.replace("\n", "\r\n"));
    assertEquals(TWO_CUES_EXPECTED, r.records());
    assertCounts(r, 2, 0);
  }

  @Test
  void readsCrOnlyTranscript() {
    ParseResult<Utterance> r = read(TWO_CUES_LF.replace("\n", "\r"));
    assertEquals(TWO_CUES_EXPECTED, r.records());
    assertCounts(r, 2, 0);
  }

  @Test
  void strayCrCrLfIsOneLineEnd() {
    String text = "WEBVTT\r\n\r\n1\r\n00:00:04.859 --> 00:00:07.410\r\n"
        + "Ada Example: Okay, so we're recording now.\r\r\n\r\n2\r\n00:00:09.540 --> 00:00:12.990\r\r\n"
        + "and the slides are shared as well.\r\n\r\n";
    ParseResult<Utterance> r = read(text);
    assertEquals(TWO_CUES_EXPECTED, r.records());
    assertCounts(r, 2, 0);
  }

  @Test
  void lastCueWithoutFinalNewlineIsKept() {
    String text = TWO_CUES_LF.substring(0, TWO_CUES_LF.length() - 2); // drop "\n\n"
    assertTrue(text.endsWith("as well."));
    ParseResult<Utterance> r = read(text);
    assertEquals(TWO_CUES_EXPECTED, r.records());
    assertCounts(r, 2, 0);
  }

  // ---- speakers ----------------------------------------------------------------------------------

  @Test
  void splitsOnFirstColonSpaceOnly() {
    ParseResult<Utterance> r = read("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n"
        + "Grace Sample: well I'm: more concerned about the timeline\n");
    assertEquals(List.of(transcript(3, 1, "Grace Sample", false, 1000, 2000,
        "well I'm: more concerned about the timeline")), r.records());
  }

  @Test
  void splitsOnFirstColonSpaceWithKnownNames() {
    ParseResult<Utterance> r = read("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n"
        + "Grace Sample: well I'm: more concerned\n", withNames("Grace Sample", "Ada Example"));
    assertEquals(List.of(transcript(3, 1, "Grace Sample", false, 1000, 2000, "well I'm: more concerned")),
        r.records());
  }

  @Test
  void nameWithPronounsInParentheses() {
    ParseResult<Utterance> r = read("WEBVTT\n\n7\n00:00:01.000 --> 00:00:02.000\n"
        + "Sam Tester (she/her): Same here.\n");
    assertEquals(List.of(transcript(3, 7, "Sam Tester (she/her)", false, 1000, 2000, "Same here.")),
        r.records());
  }

  @Test
  void noteCueIsSpeakerlessWhenNamesAreKnown() {
    String text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nDana Host: The room is booked.\n\n"
        + "2\n00:00:03.000 --> 00:00:04.000\nNote: the booking ends at four.\n";
    ParseResult<Utterance> r = read(text, withNames("Dana Host", "Ada Example"));
    assertEquals(List.of(
        transcript(3, 1, "Dana Host", false, 1000, 2000, "The room is booked."),
        transcript(7, 2, "Dana Host", true, 3000, 4000, "Note: the booking ends at four.",
            "speaker_inferred")), r.records());
  }

  @Test
  void knownNamesCompareNormalised() {
    // NFC (decomposed é), surrounding and double spaces, case: all still the known "José Núñez".
    String decomposed = "Jose\u0301  NU\u0301N\u0303EZ ";
    ParseResult<Utterance> r = read("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n" + decomposed
        + ": hola\n", withNames("José Núñez"));
    assertEquals("Jose\u0301  NU\u0301N\u0303EZ", r.records().get(0).speakerLabel());
    assertEquals("hola", r.records().get(0).text());
    assertEquals(List.of(), r.records().get(0).flags());
  }

  @Test
  void unknownPrefixIsTextWhenNamesAreKnown() {
    String text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAda Example: Agenda first.\n\n"
        + "2\n00:00:03.000 --> 00:00:04.000\nStep one: collect the forms.\n";
    ParseResult<Utterance> r = read(text, withNames("Ada Example"));
    assertEquals(transcript(7, 2, "Ada Example", true, 3000, 4000, "Step one: collect the forms.",
        "speaker_inferred"), r.records().get(1));
  }

  @Test
  void noteCueIsSpeakerlessWithoutKnownNames() {
    String text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nDana Host: The room is booked.\n\n"
        + "2\n00:00:03.000 --> 00:00:04.000\nNote: the booking ends at four.\n";
    assertEquals(transcript(7, 2, "Dana Host", true, 3000, 4000, "Note: the booking ends at four.",
        "speaker_inferred"), read(text).records().get(1));
  }

  @Test
  void sentenceLikePrefixIsSpeakerlessWithoutKnownNames() {
    String text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nLee Placeholder: Next slide.\n\n"
        + "2\n00:00:03.000 --> 00:00:04.000\nand the thing is: nobody asked.\n";
    assertEquals(transcript(7, 2, "Lee Placeholder", true, 3000, 4000,
        "and the thing is: nobody asked.", "speaker_inferred"), read(text).records().get(1));
  }

  @Test
  void continuationCuesTakePreviousSpeakerAndFirstSpeakerlessCueHasNone() {
    String text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nso as I was saying\n\n"
        + "2\n00:00:03.000 --> 00:00:04.000\nGrace Sample: Hi all.\n\n"
        + "3\n00:00:05.000 --> 00:00:06.000\nthis continues Grace\n\n"
        + "4\n00:00:07.000 --> 00:00:08.000\nand so does this\n\n"
        + "5\n00:00:09.000 --> 00:00:10.000\nAda Example: My turn.\n";
    ParseResult<Utterance> r = read(text);
    assertEquals(List.of(
        transcript(3, 1, null, false, 1000, 2000, "so as I was saying"),
        transcript(7, 2, "Grace Sample", false, 3000, 4000, "Hi all."),
        transcript(11, 3, "Grace Sample", true, 5000, 6000, "this continues Grace", "speaker_inferred"),
        transcript(15, 4, "Grace Sample", true, 7000, 8000, "and so does this", "speaker_inferred"),
        transcript(19, 5, "Ada Example", false, 9000, 10000, "My turn.")), r.records());
    assertCounts(r, 5, 0);
  }

  @Test
  void emojiWithSkinToneKeptVerbatim() {
    ParseResult<Utterance> r = read("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n"
        + "Grace Sample: Looks good 👍🏻 — Ada’s idea\n");
    assertEquals("Looks good \uD83D\uDC4D\uD83C\uDFFB — Ada’s idea", r.records().get(0).text());
  }

  // ---- times -------------------------------------------------------------------------------------

  @Test
  void longOffsetsAndWallTimeFromRecordingStart() {
    Instant recordingStart = Instant.parse("2026-03-02T15:00:02Z");
    ParseContext ctx = new ParseContext(KEY, null, null, recordingStart, Set.of(), List.of());
    String text = "WEBVTT\n\n1201\n03:12:45.120 --> 03:12:47.000\nAda Example: Still here.\n\n"
        + "1202\n3:12:48.000 --> 3:12:49.500\nGrace Sample: One-digit hours.\n\n"
        + "1203\n10:00:00.000 --> 10:00:01.001\nDana Host: Ten hours in.\n";
    ParseResult<Utterance> r = read(text, ctx);
    assertEquals(new Utterance(KEY, FILE, 3, TRANSCRIPT, 1201, "Ada Example", false,
        TimeBase.RECORDING_OFFSET, 11_565_120, 11_567_000L, Instant.parse("2026-03-02T18:12:47.120Z"),
        "Still here.", List.of()), r.records().get(0));
    assertEquals(11_568_000, r.records().get(1).startMs());
    assertEquals(11_569_500L, r.records().get(1).endMs());
    assertEquals(36_000_000, r.records().get(2).startMs());
    assertEquals(36_001_001L, r.records().get(2).endMs());
    assertEquals(Instant.parse("2026-03-03T01:00:02Z"), r.records().get(2).wallTime());
    assertCounts(r, 3, 0);
  }

  @Test
  void wallTimeIsNullWithoutRecordingStart() {
    assertNull(read(TWO_CUES_LF).records().get(0).wallTime());
  }

  @Test
  void timeRegressionsAreKeptAndFlagged() {
    String text = "WEBVTT\n\n1\n00:00:10.000 --> 00:00:08.000\nAda Example: End before start.\n\n"
        + "2\n00:00:20.000 --> 00:00:21.000\nAda Example: Fine.\n\n"
        + "3\n00:00:15.000 --> 00:00:16.000\nAda Example: Earlier than the previous cue.\n\n"
        + "3\n00:00:17.000 --> 00:00:18.000\nAda Example: Repeated id is fine.\n";
    ParseResult<Utterance> r = read(text);
    assertEquals(List.of(List.of("non_monotonic"), List.of(), List.of("non_monotonic"), List.of()),
        r.records().stream().map(Utterance::flags).toList());
    assertEquals(List.of(1, 2, 3, 3), r.records().stream().map(Utterance::cueId).toList());
    assertCounts(r, 4, 0);
  }

  @Test
  void cueSettingsAfterEndTimeAreIgnored() {
    ParseResult<Utterance> r = read("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000 align:start line:90%\n"
        + "Ada Example: With settings.\n");
    assertEquals(List.of(transcript(3, 1, "Ada Example", false, 1000, 2000, "With settings.")),
        r.records());
  }

  // ---- text shapes -------------------------------------------------------------------------------

  @Test
  void multiLineCueTextJoinedWithNewline() {
    ParseResult<Utterance> r = read("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n"
        + "Ada Example: First line\nsecond line\r\nthird line\n");
    assertEquals(List.of(transcript(3, 1, "Ada Example", false, 1000, 2000,
        "First line\nsecond line\nthird line")), r.records());
  }

  @Test
  void emptyTextIsKeptAndFlagged() {
    String text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAda Example: \n\n"
        + "2\n00:00:03.000 --> 00:00:04.000\n\n"
        + "3\n00:00:05.000 --> 00:00:06.000\nGrace Sample: Done.\n";
    ParseResult<Utterance> r = read(text);
    assertEquals(List.of(
        transcript(3, 1, "Ada Example", false, 1000, 2000, "", "empty_text"),
        transcript(7, 2, "Ada Example", true, 3000, 4000, "", "speaker_inferred", "empty_text"),
        transcript(10, 3, "Grace Sample", false, 5000, 6000, "Done.")), r.records());
    assertCounts(r, 3, 0);
  }

  @Test
  void nonNumericCueIdIsFlagged() {
    ParseResult<Utterance> r = read("WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000\nAda Example: Hi.\n");
    assertEquals(List.of(transcript(3, null, "Ada Example", false, 1000, 2000, "Hi.",
        "cue_id_not_numeric")), r.records());
  }

  @Test
  void noteBlocksAreCommentsNotRecords() {
    ParseResult<Utterance> r = read("WEBVTT\n\nNOTE exported by hand\n\n"
        + "1\n00:00:01.000 --> 00:00:02.000\nAda Example: Hi.\n");
    assertEquals(List.of(transcript(5, 1, "Ada Example", false, 1000, 2000, "Hi.")), r.records());
    assertCounts(r, 1, 0);
  }

  // ---- closed captions ---------------------------------------------------------------------------

  @Test
  void closedCaptionsHaveNoSpeakersOrIds() {
    String text = "WEBVTT\r\n\r\n00:01:08.000 --> 00:01:09.000\r\nThat one doesn't.\r\n\r\n"
        + "00:01:10.000 --> 00:01:12.000\r\nNote: this is not a speaker.\r\n\r\n"
        + "00:01:12.000 --> 00:01:13.000\r\nRight.\r\n\r\n";
    ParseResult<Utterance> r = read(text);
    assertEquals(List.of(
        caption(3, 68_000, 69_000, "That one doesn't."),
        caption(6, 70_000, 72_000, "Note: this is not a speaker."),
        caption(9, 72_000, 73_000, "Right.")), r.records());
    assertCounts(r, 3, 0);
  }

  // ---- malformed ---------------------------------------------------------------------------------

  @Test
  void badTimingDeadLettersTheCueAndContinues() {
    String text = "WEBVTT\r\n\r\n1\r\n00:00:04.859 --> 00:00:07.410\r\nAda Example: Good.\r\n\r\n"
        + "2\r\n00:00:9.54 -> 00:00:12.990\r\nGrace Sample: Broken.\r\n\r\n"
        + "3\r\n00:00:13.100 --> 00:00:15.000\r\nDana Host: Good again.\r\n";
    ParseResult<Utterance> r = read(text);
    assertEquals(List.of(
        transcript(3, 1, "Ada Example", false, 4859, 7410, "Good."),
        transcript(11, 3, "Dana Host", false, 13_100, 15_000, "Good again.")), r.records());
    DeadLetter dl = r.deadLetters().get(0);
    assertEquals(new DeadLetter(KEY, "parse", TRANSCRIPT, FILE, 7L, null, "VTT_BAD_TIMING",
        "Malformed cue timing \"00:00:9.54 -> 00:00:12.990\"; expected HH:MM:SS.mmm --> HH:MM:SS.mmm.",
        "2\n00:00:9.54 -> 00:00:12.990\nGrace Sample: Broken."), dl);
    assertCounts(r, 2, 1);
  }

  @Test
  void outOfRangeMinutesAndThreeDigitHoursAreBadTiming() {
    String text = "WEBVTT\n\n1\n00:61:00.000 --> 00:61:01.000\nAda Example: Bad minutes.\n\n"
        + "2\n100:00:00.000 --> 100:00:01.000\nAda Example: Three-digit hours.\n\n"
        + "3\n00:00:01.000 --> 00:00:02.000\nAda Example: Good.\n";
    ParseResult<Utterance> r = read(text);
    assertEquals(List.of("VTT_BAD_TIMING", "VTT_BAD_TIMING"),
        r.deadLetters().stream().map(DeadLetter::reason).toList());
    assertEquals(List.of(3L, 7L), r.deadLetters().stream().map(DeadLetter::sourceLine).toList());
    assertCounts(r, 1, 2);
  }

  @Test
  void blockWithoutTimingLineInTheMiddleIsBadTiming() {
    String text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAda Example: Hi.\n\n"
        + "stray text after a blank line\n\n2\n00:00:03.000 --> 00:00:04.000\nAda Example: Bye.\n";
    ParseResult<Utterance> r = read(text);
    assertEquals("VTT_BAD_TIMING", r.deadLetters().get(0).reason());
    assertEquals(7L, r.deadLetters().get(0).sourceLine());
    assertEquals("stray text after a blank line", r.deadLetters().get(0).rawText());
    assertCounts(r, 2, 1);
  }

  @Test
  void cueCutMidTimingAtEofIsTruncated() {
    String text = "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:03.500\r\nAda Example: Complete.\r\n\r\n"
        + "2\r\n00:00:04.0";
    ParseResult<Utterance> r = read(text);
    assertEquals(List.of(transcript(3, 1, "Ada Example", false, 1000, 3500, "Complete.")), r.records());
    assertEquals(new DeadLetter(KEY, "parse", TRANSCRIPT, FILE, 7L, null, "VTT_TRUNCATED_CUE",
        "File ends inside the last cue's timing line \"00:00:04.0\": the cue was cut off.",
        "2\n00:00:04.0"), r.deadLetters().get(0));
    assertCounts(r, 1, 1);
  }

  @Test
  void timingWithoutTextAtEofIsTruncated() {
    String text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.500\nAda Example: Complete.\n\n"
        + "2\n00:00:04.000 --> 00:00:05.000\n";
    ParseResult<Utterance> r = read(text);
    assertEquals("VTT_TRUNCATED_CUE", r.deadLetters().get(0).reason());
    assertEquals("2\n00:00:04.000 --> 00:00:05.000", r.deadLetters().get(0).rawText());
    assertCounts(r, 1, 1);
  }

  @Test
  void cueIdAloneAtEofIsTruncated() {
    ParseResult<Utterance> r = read("WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.500\nAda Example: Hi.\n\n2");
    assertEquals("VTT_TRUNCATED_CUE", r.deadLetters().get(0).reason());
    assertCounts(r, 1, 1);
  }

  @Test
  void missingHeaderDeadLettersTheWholeFileAsOneRecord() {
    String text = "1\r\n00:00:01.000 --> 00:00:02.500\r\nAda Example: Where did the header go?\r\n";
    ParseResult<Utterance> r = read(text);
    assertEquals(List.of(new DeadLetter(KEY, "parse", TRANSCRIPT, FILE, null, 0L, "VTT_NO_HEADER",
        "First non-blank line is not WEBVTT, so this is not a WebVTT file: \"1\".", text)),
        r.deadLetters());
    assertCounts(r, 0, 1);
  }

  @Test
  void headerOnlyAndEmptyFilesAreNoData() {
    assertCounts(read("WEBVTT\r\n\r\n"), 0, 0);
    assertCounts(read("WEBVTT"), 0, 0);
    assertCounts(read(""), 0, 0);
    assertCounts(read("\n\n"), 0, 0);
  }
}
