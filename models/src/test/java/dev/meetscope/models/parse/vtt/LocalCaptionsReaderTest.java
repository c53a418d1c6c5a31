package dev.meetscope.models.parse.vtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.TimeBase;
import dev.meetscope.models.record.Utterance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalCaptionsReaderTest {
  private static final String KEY = "meeting-2";
  private static final String FILE = "meeting_saved_closed_caption.txt";
  private static final String FORMAT = "local_saved_captions";
  private static final long H = 3_600_000L;
  private static final long M = 60_000L;
  private static final long S = 1_000L;

  private static final String TWO_BLOCKS_CRLF = "[Dana Host] 19:00:25\r\nHello! Um, so…\r\n\r\n"
      + "[Ada Example] 19:00:48\r\nOkay, that works.\r\n";

  private static ParseResult<Utterance> read(String text) {
    return read(text, ParseContext.minimal(KEY));
  }

  private static ParseResult<Utterance> read(String text, ParseContext ctx) {
    return new LocalCaptionsReader().read(new SourceText(FILE, text), ctx);
  }

  private static Utterance u(long line, String speaker, long startMs, String text, String... flags) {
    return new Utterance(KEY, FILE, line, FORMAT, null, speaker, false, TimeBase.LOCAL_WALL_CLOCK, startMs,
        null, null, text, List.of(flags));
  }

  private static void assertCounts(ParseResult<Utterance> r, int parsed, int deadLettered) {
    assertEquals(parsed, r.records().size(), "parsed");
    assertEquals(deadLettered, r.deadLetters().size(), "dead-lettered");
    assertEquals(parsed + deadLettered, r.recordsRead(), "records read");
  }

  @Test
  void readsCrlfBlocks() {
    ParseResult<Utterance> r = read(TWO_BLOCKS_CRLF);
    assertEquals(List.of(
        u(1, "Dana Host", 19 * H + 25 * S, "Hello! Um, so…"),
        u(4, "Ada Example", 19 * H + 48 * S, "Okay, that works.")), r.records());
    assertCounts(r, 2, 0);
  }

  @Test
  void readsLfBlocksWithoutFinalNewline() {
    String text = TWO_BLOCKS_CRLF.replace("\r\n", "\n").stripTrailing();
    assertEquals(read(TWO_BLOCKS_CRLF).records(), read(text).records());
  }

  @Test
  void multiLineBlockTextJoinedWithNewline() {
    ParseResult<Utterance> r = read("[Ada Example] 10:00:00\nFirst point: one.\nSecond point: two.\n\n");
    assertEquals(List.of(u(1, "Ada Example", 10 * H, "First point: one.\nSecond point: two.")),
        r.records());
  }

  @Test
  void fullWidthSpaceAndLowerCaseNamesKeptVerbatim() {
    ParseResult<Utterance> r = read("[山田　花子] 09:05:00\nこんにちは 👍🏻\n\n[grace sample] 09:05:07\nhi\n");
    assertEquals(List.of(
        u(1, "山田\u3000花子", 9 * H + 5 * M, "こんにちは 👍🏻"),
        u(4, "grace sample", 9 * H + 5 * M + 7 * S, "hi")), r.records());
  }

  @Test
  void repeatedHeaderWithDifferentTextGivesTwoUtterances() {
    ParseResult<Utterance> r = read("[Dana Host] 23:59:15\nYes, loud and clear.\n\n"
        + "[Dana Host] 23:59:15\nLet's start.\n");
    assertEquals(List.of(
        u(1, "Dana Host", 23 * H + 59 * M + 15 * S, "Yes, loud and clear."),
        u(4, "Dana Host", 23 * H + 59 * M + 15 * S, "Let's start.")), r.records());
    assertCounts(r, 2, 0);
  }

  @Test
  void exactDuplicateBlockIsDeadLetteredSoItIsCounted() {
    ParseResult<Utterance> r = read("[Dana Host] 10:00:00\nSame.\n\n[Dana Host] 10:00:00\nSame.\n\n"
        + "[Dana Host] 10:00:00\nSame.\n\n[Ada Example] 10:00:03\nDifferent.\n");
    assertEquals(List.of(u(1, "Dana Host", 10 * H, "Same."), u(10, "Ada Example", 10 * H + 3 * S,
        "Different.")), r.records());
    assertEquals(List.of(
        new DeadLetter(KEY, "parse", FORMAT, FILE, 4L, null, "DUPLICATE_BLOCK",
            "Exact repeat of the previous caption block (same speaker, time and text); dropped.",
            "[Dana Host] 10:00:00\nSame."),
        new DeadLetter(KEY, "parse", FORMAT, FILE, 7L, null, "DUPLICATE_BLOCK",
            "Exact repeat of the previous caption block (same speaker, time and text); dropped.",
            "[Dana Host] 10:00:00\nSame.")), r.deadLetters());
    assertCounts(r, 2, 2);
  }

  @Test
  void headerWithEmptyTextIsKeptAndFlagged() {
    ParseResult<Utterance> r = read("[Ada Example] 10:00:00\n\n[Grace Sample] 10:00:02\nHi.\n");
    assertEquals(List.of(u(1, "Ada Example", 10 * H, "", "empty_text"),
        u(3, "Grace Sample", 10 * H + 2 * S, "Hi.")), r.records());
  }

  @Test
  void singleLineFormIsAccepted() {
    ParseResult<Utterance> r = read("[Ada Example] 10:00:00: Hello there: all\n[Lee Placeholder] 10:00:04: Hi\n");
    assertEquals(List.of(u(1, "Ada Example", 10 * H, "Hello there: all"),
        u(2, "Lee Placeholder", 10 * H + 4 * S, "Hi")), r.records());
  }

  @Test
  void midnightWrapAddsADayAndAnchorsWallTime() {
    ParseContext ctx = new ParseContext(KEY, ZoneId.of("Europe/Berlin"), LocalDate.of(2026, 3, 2), null,
        Set.of(), List.of());
    ParseResult<Utterance> r = read("[Ada Example] 23:59:50\nLate.\n\n[山田　花子] 00:00:05\nMidnight.\n\n"
        + "[Ada Example] 00:00:20\nAfter.\n", ctx);
    assertEquals(List.of(
        new Utterance(KEY, FILE, 1, FORMAT, null, "Ada Example", false, TimeBase.LOCAL_WALL_CLOCK,
            23 * H + 59 * M + 50 * S, null, Instant.parse("2026-03-02T22:59:50Z"), "Late.", List.of()),
        new Utterance(KEY, FILE, 4, FORMAT, null, "山田\u3000花子", false, TimeBase.LOCAL_WALL_CLOCK,
            24 * H + 5 * S, null, Instant.parse("2026-03-02T23:00:05Z"), "Midnight.",
            List.of("midnight_wrap")),
        new Utterance(KEY, FILE, 7, FORMAT, null, "Ada Example", false, TimeBase.LOCAL_WALL_CLOCK,
            24 * H + 20 * S, null, Instant.parse("2026-03-02T23:00:20Z"), "After.", List.of())),
        r.records());
  }

  @Test
  void smallRegressionIsOutOfOrderNotAWrap() {
    ParseResult<Utterance> r = read("[Ada Example] 10:00:30\nA\n\n[Dana Host] 10:00:20\nB\n\n"
        + "[Ada Example] 10:00:40\nC\n");
    assertEquals(List.of(
        u(1, "Ada Example", 10 * H + 30 * S, "A"),
        u(4, "Dana Host", 10 * H + 20 * S, "B", "out_of_order"),
        u(7, "Ada Example", 10 * H + 40 * S, "C")), r.records());
  }

  @Test
  void wallTimeNullWithoutDateOrZone() {
    ParseContext zoneOnly = new ParseContext(KEY, ZoneId.of("Europe/Berlin"), null, null, Set.of(),
        List.of());
    assertEquals(null, read(TWO_BLOCKS_CRLF, zoneOnly).records().get(0).wallTime());
  }

  @Test
  void linesBeforeTheFirstHeaderAreOrphans() {
    ParseResult<Utterance> r = read("stray one\nstray two\n\n[Ada Example] 10:00:00\nHi.\n");
    assertEquals(List.of(u(4, "Ada Example", 10 * H, "Hi.")), r.records());
    assertEquals(List.of(
        new DeadLetter(KEY, "parse", FORMAT, FILE, 1L, null, "CAPTION_ORPHAN_LINE",
            "Text line before the first [Name] HH:MM:SS caption header.", "stray one"),
        new DeadLetter(KEY, "parse", FORMAT, FILE, 2L, null, "CAPTION_ORPHAN_LINE",
            "Text line before the first [Name] HH:MM:SS caption header.", "stray two")), r.deadLetters());
    assertCounts(r, 1, 2);
  }

  @Test
  void outOfRangeHeaderTimeIsDeadLettered() {
    ParseResult<Utterance> r = read("[Ada Example] 25:00:00\nNope.\n\n[Ada Example] 10:00:00\nYes.\n");
    assertEquals(List.of(u(4, "Ada Example", 10 * H, "Yes.")), r.records());
    assertEquals("CAPTION_BAD_TIME", r.deadLetters().get(0).reason());
    assertEquals("[Ada Example] 25:00:00\nNope.", r.deadLetters().get(0).rawText());
    assertCounts(r, 1, 1);
  }

  @Test
  void textAfterABlankLineContinuesThePreviousBlock() {
    ParseResult<Utterance> r = read("[Ada Example] 10:00:00\nPart one.\n\nPart two.\n");
    assertEquals(List.of(u(1, "Ada Example", 10 * H, "Part one.\nPart two.")), r.records());
  }

  @Test
  void crOnlyAndStrayCrCrLf() {
    List<Utterance> expected = read(TWO_BLOCKS_CRLF).records();
    assertEquals(expected, read(TWO_BLOCKS_CRLF.replace("\r\n", "\r")).records());
    assertEquals(expected, read(TWO_BLOCKS_CRLF.replace("\r\n", "\r\r\n")).records());
  }

  @Test
  void emptyFileIsNoData() {
    assertCounts(read(""), 0, 0);
    assertCounts(read("\r\n\r\n"), 0, 0);
  }
}
