package dev.meetscope.models.parse.chat;

import static dev.meetscope.models.parse.chat.ChatTestSupport.LOCAL_FILE;
import static dev.meetscope.models.parse.chat.ChatTestSupport.local;
import static dev.meetscope.models.parse.chat.ChatTestSupport.localContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Local "Save chat" files, one test per dialect of zoom-formats.md §2.2 and per malformed case. The meeting
 * is on 2026-03-03 in America/New_York (EST, UTC−5) unless a test says otherwise.
 */
class LocalSavedChatReaderTest {
  private static final LocalSavedChatReader READER = new LocalSavedChatReader();

  private static ParseResult<ChatMessage> read(String text) {
    return read(text, localContext());
  }

  private static ParseResult<ChatMessage> read(String text, ParseContext ctx) {
    return ChatTestSupport.read(READER, LOCAL_FILE, text, ctx);
  }

  private static ChatMessage only(ParseResult<ChatMessage> r) {
    assertEquals(List.of(), r.deadLetters());
    assertEquals(1, r.records().size(), r.records().toString());
    return r.records().get(0);
  }

  private static void assertDead(DeadLetter dl, long line, String reason, String raw) {
    assertEquals(ChatTestSupport.KEY, dl.meetingKey());
    assertEquals("parse", dl.stage());
    assertEquals("local_saved_chat", dl.format());
    assertEquals(LOCAL_FILE, dl.sourceFile());
    assertEquals(line, dl.sourceLine());
    assertEquals(reason, dl.reason());
    assertEquals(raw, dl.rawText());
    assertFalse(dl.message().isBlank());
  }

  @Nested
  class Dialects {
    @Test
    void a_doubleSpaceAfterFrom() {
      assertEquals(local(1, "A", "Ada Example", null, "message", false, "Is this recorded?", null,
              "09:01:53", "2026-03-03", "2026-03-03T14:01:53Z"),
          only(read("09:01:53\t From  Ada Example : Is this recorded?\r\n")));
    }

    @Test
    void aPrime_singleSpacesAndANameWithSlashesAndParentheses() {
      assertEquals(local(1, "A'", "Sam Tester (she/her) Example Lab / example.org", null, "message", false,
              "hi all: agenda is in the doc", null, "09:02:10", "2026-03-03", "2026-03-03T14:02:10Z"),
          only(read("09:02:10\t From Sam Tester (she/her) Example Lab / example.org : hi all: agenda is"
              + " in the doc\r\n")));
    }

    @Test
    void aDm_privately_noSpaceBeforeParenthesis_textNeverStored() {
      assertEquals(local(1, "A-dm", "Ada Example", "Dana Host", "message", true, null, null,
              "12:45:05", "2026-03-03", "2026-03-03T17:45:05Z"),
          only(read("12:45:05\t From  Ada Example  to  Dana Host(Privately) : ok\r\n")));
    }

    @Test
    void aDm_directMessage() {
      assertEquals(local(1, "A-dm", "Lee P. Placeholder (he/him/his)", "Sample, Grace", "message", true,
              null, null, "12:46:00", "2026-03-03", "2026-03-03T17:46:00Z"),
          only(read("12:46:00\t From  Lee P. Placeholder (he/him/his)  to  Sample, Grace(Direct Message)"
              + " : see you at 3\r\n")));
    }

    @Test
    void aDm_toRecipientSpacePrivately() {
      assertEquals(local(1, "A-dm", "Ada Example", "Dana Host", "message", true, null, null,
              "12:47:30", "2026-03-03", "2026-03-03T17:47:30Z"),
          only(read("12:47:30\t From Ada Example to Dana Host (Privately) : ok\n")));
    }

    @Test
    void aLoc_spanishKeyword() {
      assertEquals(local(1, "A-loc", "José Núñez", null, "message", false, "¿Se graba esto?", null,
              "09:03:00", "2026-03-03", "2026-03-03T14:03:00Z"),
          only(read("09:03:00\t De  José Núñez : ¿Se graba esto?\r\n")));
    }

    @Test
    void aLoc_configuredKeyword() {
      ParseContext ctx = localContext(Set.of(), List.of("From", "De", "Von"));
      assertEquals(local(1, "A-loc", "Ada Example", null, "message", false, "hallo", null,
              "09:01:53", "2026-03-03", "2026-03-03T14:01:53Z"),
          only(read("09:01:53\t Von  Ada Example : hallo\r\n", ctx)));
    }

    @Test
    void b_commaNameToEveryone() {
      assertEquals(local(1, "B", "Sample, Grace", null, "message", false, "Welcome, all", null,
              "09:59:25", "2026-03-03", "2026-03-03T14:59:25Z"),
          only(read("09:59:25 From Sample, Grace to Everyone : Welcome, all\n")));
    }

    @Test
    void b_capitalToEveryone() {
      assertEquals(local(1, "B", "Dana Host", null, "message", false, "Welcome", null,
              "09:59:25", "2026-03-03", "2026-03-03T14:59:25Z"),
          only(read("09:59:25 From Dana Host To Everyone : Welcome\n")));
    }

    @Test
    void bPrime_tabBeforeMessage() {
      assertEquals(local(1, "B'", "Dana Host", null, "message", false, "Welcome", null,
              "09:59:25", "2026-03-03", "2026-03-03T14:59:25Z"),
          only(read("09:59:25 From Dana Host to Everyone:\tWelcome\n")));
    }

    @Test
    void c_twoLineRecordWithSeveralMessageLines() {
      assertEquals(local(1, "C", "Ada Example", null, "message", false, "see the link\nand this one",
              null, "12:18:21", "2026-03-03", "2026-03-03T17:18:21Z"),
          only(read("12:18:21 From  Ada Example  to  Everyone:\r\n\tsee the link\r\n\tand this one\r\n")));
    }

    @Test
    void cPrime_singleSpacesTrailingSpaceAfterColonAndCurlyQuotes() {
      assertEquals(local(1, "C'", "Lee P. Placeholder (he/him/his)", null, "message", false,
              "that’s “the” one", null, "12:19:00", "2026-03-03", "2026-03-03T17:19:00Z"),
          only(read("12:19:00 From Lee P. Placeholder (he/him/his) to Everyone: \n\tthat’s “the” one\n")));
    }

    @Test
    void cDm_directMessageInTwoLineFile() {
      assertEquals(local(1, "C-dm", "Ada Example", "Dana Host", "message", true, null, null,
              "12:20:00", "2026-03-03", "2026-03-03T17:20:00Z"),
          only(read("12:20:00 From  Ada Example  to  Dana Host(Direct Message):\r\n\tpsst\r\n")));
    }

    @Test
    void d_reactionsRemovedReactionAndReply() {
      String text = "12:18:21 From  Ada Example  to  Everyone:\r\n"
          + "\tsee the link in the agenda\r\n"
          + "12:19:02 From  Grace Sample  to  Everyone:\r\n"
          + "\tReacted to \"see the link in the…\" with 👍🏽\r\n"
          + "12:19:30 From  Grace Sample  to  Everyone:\r\n"
          + "\tRemoved a 👍🏽 reaction from \"see the link in the…\"\r\n"
          + "12:20:11 From  Dana Host  to  Everyone:\r\n"
          + "\tReplying to \"see the link in the...\"\r\n"
          + "\t\r\n"
          + "\tgot it, thanks\r\n"
          + "12:21:00 From  Lee Placeholder  to  Everyone:\r\n"
          + "\tReacted to \"something said befo…\" with ❤️\r\n";
      ParseResult<ChatMessage> r = read(text);
      assertEquals(List.of(), r.deadLetters());
      assertEquals(List.of(
          local(1, "C", "Ada Example", null, "message", false, "see the link in the agenda", null,
              "12:18:21", "2026-03-03", "2026-03-03T17:18:21Z"),
          local(3, "D", "Grace Sample", null, "reaction", false, "👍🏽", "see the link in the",
              "12:19:02", "2026-03-03", "2026-03-03T17:19:02Z"),
          local(5, "D", "Grace Sample", null, "reaction_removed", false, "👍🏽", "see the link in the",
              "12:19:30", "2026-03-03", "2026-03-03T17:19:30Z"),
          local(7, "D", "Dana Host", null, "reply", false, "got it, thanks", "see the link in the",
              "12:20:11", "2026-03-03", "2026-03-03T17:20:11Z"),
          local(11, "D", "Lee Placeholder", null, "reaction", false, "❤️", "something said befo",
              "12:21:00", "2026-03-03", "2026-03-03T17:21:00Z", "parent_unresolved")),
          r.records());
    }

    @Test
    void d_curlyQuotedSnippetAndSkinToneEmoji() {
      String text = "10:00:00 From Ada Example to Everyone:\n\tLet’s keep mics muted unless speaking\n"
          + "10:00:30 From Grace Sample to Everyone:\n\tReacted to “Let’s keep mics mute…” with 👍🏻\n";
      ChatMessage reaction = read(text).records().get(1);
      assertEquals(local(3, "D", "Grace Sample", null, "reaction", false, "👍🏻", "Let’s keep mics mute",
          "10:00:30", "2026-03-03", "2026-03-03T15:00:30Z"), reaction);
    }

    @Test
    void d_privateReplyKeepsKindButNoTextOrSnippet() {
      String text = "12:20:11 From  Dana Host  to  Ada Example(Direct Message):\r\n"
          + "\tReplying to \"our secret plan is...\"\r\n\t\r\n\tsure\r\n";
      assertEquals(local(1, "C-dm", "Dana Host", "Ada Example", "reply", true, null, null,
              "12:20:11", "2026-03-03", "2026-03-03T17:20:11Z"),
          only(read(text)));
    }

    @Test
    void e_datePrefixAndEmptyTabLineAfterEachMessage() {
      String text = "2025-11-03 18:04:12 From Ada Example to Everyone:\n\thello\n\t\n"
          + "2025-11-03 18:05:00 From Grace Sample to Everyone:\n\tline one\n\tline two\n\t\n";
      ParseResult<ChatMessage> r = read(text);
      assertEquals(List.of(), r.deadLetters());
      // The line's own date wins over the meeting date; 2025-11-03 is EST (UTC−5).
      assertEquals(List.of(
          local(1, "E", "Ada Example", null, "message", false, "hello", null, "18:04:12", "2025-11-03",
              "2025-11-03T23:04:12Z"),
          local(4, "E", "Grace Sample", null, "message", false, "line one\nline two", null, "18:05:00",
              "2025-11-03", "2025-11-03T23:05:00Z")),
          r.records());
    }

    @Test
    void eDm_lowerCaseDirectMessageWithSpaceBeforeParenthesis() {
      assertEquals(local(1, "E-dm", "Ada Example", "Grace Sample", "message", true, null, null,
              "18:04:12", "2025-11-03", "2025-11-03T23:04:12Z"),
          only(read("2025-11-03 18:04:12 From Ada Example to Grace Sample (direct message):\n\thello\n\t\n")));
    }

    @Test
    void e_withoutZoneStillHasTheDateButNoWallTime() {
      ParseContext ctx = new ParseContext(ChatTestSupport.KEY, null, null, null, Set.of(), List.of());
      assertEquals(local(1, "E", "Ada Example", null, "message", false, "hello", null, "18:04:12",
              "2025-11-03", null),
          only(read("2025-11-03 18:04:12 From Ada Example to Everyone:\n\thello\n\t\n", ctx)));
    }
  }

  @Nested
  class Names {
    @Test
    void publicNameContainingToAnchorsOnTheLastToEveryone() {
      assertEquals(local(1, "B", "Back to Basics Club", null, "message", false, "hi", null,
              "10:00:00", "2026-03-03", "2026-03-03T15:00:00Z"),
          only(read("10:00:00 From Back to Basics Club to Everyone : hi\n")));
    }

    @Test
    void doubleSpacedToIsTheSeparatorEvenWhenANameContainsTo() {
      assertEquals(local(1, "A-dm", "Back to Basics Club", "Dana Host", "message", true, null, null,
              "10:00:00", "2026-03-03", "2026-03-03T15:00:00Z"),
          only(read("10:00:00\t From  Back to Basics Club  to  Dana Host(Privately) : hi\n")));
    }

    @Test
    void singleSpacedSplitWithoutKnownNamesTakesTheLastToAndIsFlagged() {
      assertEquals(local(1, "C-dm", "Ada Example to Back", "Basics Club", "message", true, null, null,
              "10:00:00", "2026-03-03", "2026-03-03T15:00:00Z", "name_split_ambiguous"),
          only(read("10:00:00 From Ada Example to Back to Basics Club(Direct Message):\n\thi\n")));
    }

    @Test
    void singleSpacedSplitIsDecidedByNormalisedKnownNames() {
      // Known names match after NFC, trimming, whitespace collapsing and case folding.
      ParseContext ctx = localContext(Set.of("  ADA   example ", "back to basics club"), List.of());
      assertEquals(local(1, "C-dm", "Ada Example", "Back to Basics Club", "message", true, null, null,
              "10:00:00", "2026-03-03", "2026-03-03T15:00:00Z"),
          only(read("10:00:00 From Ada Example to Back to Basics Club(Direct Message):\n\thi\n", ctx)));
    }

    @Test
    void oneKnownNameDecidesAndMatchesAfterNfc() {
      // The known name is given decomposed (e + combining accent); the file has it composed.
      ParseContext ctx = localContext(Set.of("Jose\u0301 Nu\u0301n\u0303ez"), List.of());
      assertEquals(local(1, "E-dm", "José Núñez", "Back to Basics Club", "message", true, null, null,
              "10:00:00", "2025-11-03", "2025-11-03T15:00:00Z"),
          only(read("2025-11-03 10:00:00 From José Núñez to Back to Basics Club (direct message):\n\thi\n",
              ctx)));
    }

    @Test
    void privateHeaderWithoutRecipientIsFlagged() {
      assertEquals(local(1, "A-dm", "Ada Example", null, "message", true, null, null,
              "10:00:00", "2026-03-03", "2026-03-03T15:00:00Z", "name_split_ambiguous"),
          only(read("10:00:00\t From  Ada Example(Privately) : hi\n")));
    }
  }

  @Nested
  class Continuations {
    @Test
    void pastedNewlinesInDialectAContinueTheMessageAndTrailingBlanksAreTrimmed() {
      String text = "09:01:53\t From  Ada Example : line one\r\nline two\n\n\r\n"
          + "09:02:00\t From  Grace Sample : ok\r\n";
      ParseResult<ChatMessage> r = read(text);
      assertEquals(List.of(
          local(1, "A", "Ada Example", null, "message", false, "line one\nline two", null, "09:01:53",
              "2026-03-03", "2026-03-03T14:01:53Z"),
          local(5, "A", "Grace Sample", null, "message", false, "ok", null, "09:02:00", "2026-03-03",
              "2026-03-03T14:02:00Z")),
          r.records());
    }

    @Test
    void oneLeadingTabIsStrippedAndSpaceIndentsAreTolerated() {
      String text = "12:18:21 From  Ada Example  to  Everyone:\n\t\tnested\n  spaced\n\tplain\n";
      assertEquals("\tnested\nspaced\nplain", only(read(text)).text());
    }

    @Test
    void aLineLookingLikeATimeButNotAHeaderContinuesTheMessage() {
      String text = "09:01:53\t From  Ada Example : agenda\n10:30:00 works for me\n";
      assertEquals("agenda\n10:30:00 works for me", only(read(text)).text());
    }

    @Test
    void headerWithoutTextIsKeptAndFlaggedEmpty() {
      String text = "12:18:21 From  Ada Example  to  Everyone:\r\n\t\r\n12:18:30 From  Ada Example  to"
          + "  Everyone:\r\n\thi\r\n";
      ParseResult<ChatMessage> r = read(text);
      assertEquals(local(1, "C", "Ada Example", null, "message", false, "", null, "12:18:21",
          "2026-03-03", "2026-03-03T17:18:21Z", "empty_text"), r.records().get(0));
      assertEquals("hi", r.records().get(1).text());
    }

    @ParameterizedTest(name = "line ends {index}")
    @ValueSource(strings = {
        "09:01:53\t From  Ada Example : first\nsecond\n12:18:21 From Dana Host to Everyone:\n\t👍🏻 ok\n",
        "09:01:53\t From  Ada Example : first\r\nsecond\r\n12:18:21 From Dana Host to Everyone:\r\n\t👍🏻 ok\r\n",
        "09:01:53\t From  Ada Example : first\rsecond\r12:18:21 From Dana Host to Everyone:\r\t👍🏻 ok\r",
        "09:01:53\t From  Ada Example : first\r\r\nsecond\n12:18:21 From Dana Host to Everyone:\r\n\t👍🏻 ok",
        "\uFEFF09:01:53\t From  Ada Example : first\r\nsecond\r\n12:18:21 From Dana Host to Everyone:\r\n\t👍🏻 ok",
    })
    void everyLineEndingBomAndMissingFinalNewlineGiveTheSameRecords(String text) {
      ParseResult<ChatMessage> r = read(text);
      assertEquals(List.of(), r.deadLetters());
      assertEquals(List.of(
          local(1, "A", "Ada Example", null, "message", false, "first\nsecond", null, "09:01:53",
              "2026-03-03", "2026-03-03T14:01:53Z"),
          local(3, "C'", "Dana Host", null, "message", false, "👍🏻 ok", null, "12:18:21", "2026-03-03",
              "2026-03-03T17:18:21Z")),
          r.records());
    }

    @Test
    void emptyFileHasNoRecords() {
      ParseResult<ChatMessage> r = read("");
      assertEquals(0, r.recordsRead());
      assertEquals(0, read("\r\n\r\n").recordsRead());
    }
  }

  @Nested
  class Times {
    @Test
    void moreThanTwelveHoursBackIsAMidnightWrap() {
      String text = "23:59:50\t From  Ada Example : late\n"
          + "00:00:10\t From  Ada Example : later\n"
          + "00:05:00\t From  Ada Example : even later\n";
      ParseResult<ChatMessage> r = read(text);
      assertEquals(List.of(
          local(1, "A", "Ada Example", null, "message", false, "late", null, "23:59:50", "2026-03-03",
              "2026-03-04T04:59:50Z"),
          local(2, "A", "Ada Example", null, "message", false, "later", null, "00:00:10", "2026-03-04",
              "2026-03-04T05:00:10Z", "midnight_wrap"),
          local(3, "A", "Ada Example", null, "message", false, "even later", null, "00:05:00",
              "2026-03-04", "2026-03-04T05:05:00Z")),
          r.records());
    }

    @Test
    void smallerStepBackIsFlaggedOutOfOrderAndKeepsTheDate() {
      String text = "10:00:00\t From  Ada Example : a\n09:59:00\t From  Ada Example : b\n";
      assertEquals(local(2, "A", "Ada Example", null, "message", false, "b", null, "09:59:00",
          "2026-03-03", "2026-03-03T14:59:00Z", "out_of_order"), read(text).records().get(1));
    }

    @Test
    void exactlyTwelveHoursBackIsOutOfOrderNotAWrap() {
      String text = "22:00:00\t From  Ada Example : a\n10:00:00\t From  Ada Example : b\n";
      ChatMessage m = read(text).records().get(1);
      assertEquals("2026-03-03", m.localDate());
      assertEquals(List.of("out_of_order"), m.flags());
    }

    @Test
    void datedLinesGoingBackAreOutOfOrder() {
      String text = "2025-11-03 18:04:12 From Ada Example to Everyone:\n\ta\n\t\n"
          + "2025-11-03 18:04:00 From Ada Example to Everyone:\n\tb\n\t\n";
      assertEquals(List.of("out_of_order"), read(text).records().get(1).flags());
    }

    @Test
    void withoutMeetingDateTheWrapIsStillFlaggedButDateAndWallTimeStayNull() {
      ParseContext ctx = ParseContext.minimal(ChatTestSupport.KEY);
      String text = "23:59:50\t From  Ada Example : late\n00:00:10\t From  Ada Example : later\n";
      ParseResult<ChatMessage> r = read(text, ctx);
      assertEquals(local(2, "A", "Ada Example", null, "message", false, "later", null, "00:00:10", null,
          null, "midnight_wrap"), r.records().get(1));
    }

    @Test
    void dateWithoutZoneGivesNoWallTime() {
      ParseContext ctx = new ParseContext(ChatTestSupport.KEY, null, LocalDate.of(2026, 3, 3), null,
          Set.of(), List.of());
      assertEquals(local(1, "A", "Ada Example", null, "message", false, "hi", null, "09:00:00",
          "2026-03-03", null), only(read("09:00:00\t From  Ada Example : hi\n", ctx)));
    }
  }

  @Nested
  class Malformed {
    @Test
    void unknownKeywordIsDeadLetteredWithItsContinuationLines() {
      String text = "09:01:00\t From  Ada Example : hi\r\n"
          + "09:01:53\t Von  Ada Example : hallo\r\n"
          + "zweite Zeile\r\n"
          + "09:02:00\t From  Ada Example : back\r\n";
      ParseResult<ChatMessage> r = read(text);
      assertEquals(2, r.records().size());
      assertEquals(List.of(1L, 4L), r.records().stream().map(ChatMessage::sourceLine).toList());
      assertEquals(1, r.deadLetters().size());
      assertDead(r.deadLetters().get(0), 2, "CHAT_UNKNOWN_KEYWORD",
          "09:01:53\t Von  Ada Example : hallo\nzweite Zeile");
      assertTrue(r.deadLetters().get(0).message().contains("'Von'"));
      assertEquals(3, r.recordsRead());
    }

    @Test
    void continuationBeforeAnyHeaderIsAnOrphan() {
      String text = "\r\nthe end of a message cut off\r\nand its second line\r\n\r\n"
          + "09:01:53\t From  Ada Example : hi\r\n";
      ParseResult<ChatMessage> r = read(text);
      assertEquals(1, r.deadLetters().size());
      assertDead(r.deadLetters().get(0), 2, "CHAT_ORPHAN_LINE",
          "the end of a message cut off\nand its second line");
      assertEquals(local(5, "A", "Ada Example", null, "message", false, "hi", null, "09:01:53",
          "2026-03-03", "2026-03-03T14:01:53Z"), r.records().get(0));
      assertEquals(2, r.recordsRead());
    }

    @Test
    void orphanOnlyFile() {
      ParseResult<ChatMessage> r = read("no header at all\n");
      assertEquals(0, r.records().size());
      assertDead(r.deadLetters().get(0), 1, "CHAT_ORPHAN_LINE", "no header at all");
    }

    @Test
    void headerWithoutSeparatorIsABadHeader() {
      ParseResult<ChatMessage> r = read("09:01:53\t From  Ada Example says hi\n");
      assertEquals(0, r.records().size());
      assertDead(r.deadLetters().get(0), 1, "CHAT_BAD_HEADER", "09:01:53\t From  Ada Example says hi");
    }

    @Test
    void headerWithoutSenderIsABadHeader() {
      ParseResult<ChatMessage> r = read("09:01:53 From  to Everyone:\n\thi\n");
      assertDead(r.deadLetters().get(0), 1, "CHAT_BAD_HEADER", "09:01:53 From  to Everyone:\n\thi");
    }

    @Test
    void impossibleTimeOrDateIsABadTime() {
      ParseResult<ChatMessage> r = read("25:01:53\t From  Ada Example : hi\n"
          + "2025-02-30 10:00:00 From Ada Example to Everyone:\n\thi\n\t\n");
      assertEquals(0, r.records().size());
      assertDead(r.deadLetters().get(0), 1, "CHAT_BAD_TIME", "25:01:53\t From  Ada Example : hi");
      assertDead(r.deadLetters().get(1), 2, "CHAT_BAD_TIME",
          "2025-02-30 10:00:00 From Ada Example to Everyone:\n\thi");
    }

    @Test
    void aRejectedPrivateMessageKeepsItsHeaderButNotItsText() {
      ParseResult<ChatMessage> r = read("09:01:53\t Von  Ada Example  to  Dana Host(Privately) : secret\n"
          + "more secret\n");
      assertDead(r.deadLetters().get(0), 1, "CHAT_UNKNOWN_KEYWORD",
          "09:01:53\t Von  Ada Example  to  Dana Host(Privately) [private message text withheld]");
    }
  }
}
