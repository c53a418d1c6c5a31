package dev.meetscope.models.parse.chat;

import static dev.meetscope.models.parse.chat.ChatTestSupport.CLOUD_FILE;
import static dev.meetscope.models.parse.chat.ChatTestSupport.cloud;
import static dev.meetscope.models.parse.chat.ChatTestSupport.cloudContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cloud-recording chat (zoom-formats.md §2.1); the recording started 2026-03-02T15:00:02Z. */
class CloudChatReaderTest {
  private static final CloudChatReader READER = new CloudChatReader();

  private static ParseResult<ChatMessage> read(String text) {
    return read(text, cloudContext());
  }

  private static ParseResult<ChatMessage> read(String text, ParseContext ctx) {
    return ChatTestSupport.read(READER, CLOUD_FILE, text, ctx);
  }

  private static void assertDead(DeadLetter dl, long line, String reason, String raw) {
    assertEquals(ChatTestSupport.KEY, dl.meetingKey());
    assertEquals("cloud_chat", dl.format());
    assertEquals(CLOUD_FILE, dl.sourceFile());
    assertEquals(line, dl.sourceLine());
    assertEquals(reason, dl.reason());
    assertEquals(raw, dl.rawText());
    assertFalse(dl.message().isBlank());
  }

  @Test
  void specExample_reactionReplyAndStrayCrCrLf() {
    String text = "00:05:16\tAda Example:\tLet’s keep mics muted unless speaking\r\n"
        + "00:12:02\tDr. Grace Sample:\tReacted to \"Let’s keep mics mute...\" with 👍🏻\r\n"
        + "00:58:04\tLee Placeholder:\tShall we take a break at ten?\r\n"
        + "00:59:20\tDana Host:\tReplying to \"Shall we take a brea...\"\r\r\n"
        + "\r\n"
        + "Yes, ten minutes.\r\n";
    ParseResult<ChatMessage> r = read(text);
    assertEquals(List.of(), r.deadLetters());
    assertEquals(List.of(
        cloud(1, "Ada Example", "message", "Let’s keep mics muted unless speaking", null, 316_000L,
            "2026-03-02T15:05:18Z"),
        cloud(2, "Dr. Grace Sample", "reaction", "👍🏻", "Let’s keep mics mute", 722_000L,
            "2026-03-02T15:12:04Z"),
        cloud(3, "Lee Placeholder", "message", "Shall we take a break at ten?", null, 3_484_000L,
            "2026-03-02T15:58:06Z"),
        cloud(4, "Dana Host", "reply", "Yes, ten minutes.", "Shall we take a brea", 3_560_000L,
            "2026-03-02T15:59:22Z")),
        r.records());
    assertEquals(4, r.recordsRead());
  }

  @Test
  void tabsInsideTheMessageSurviveSplittingOnTheFirstTwoTabsOnly() {
    assertEquals(List.of(cloud(1, "Sam Tester (she/her) Example Lab / example.org", "message",
            "col1\tcol2\t\tcol4", null, 60_000L, "2026-03-02T15:01:02Z")),
        read("00:01:00\tSam Tester (she/her) Example Lab / example.org:\tcol1\tcol2\t\tcol4\r\n")
            .records());
  }

  @Test
  void continuationLinesIncludingBlankAndLfInsideCrlfAreJoinedAndTrailingBlanksTrimmed() {
    String text = "00:10:00\tSample, Grace:\tfirst line\n"
        + "\n"
        + "third line with: a colon\r\n"
        + "\r\n"
        + "\r\n"
        + "00:10:05\tAda Example:\tnext\r\n";
    ParseResult<ChatMessage> r = read(text);
    assertEquals(List.of(
        cloud(1, "Sample, Grace", "message", "first line\n\nthird line with: a colon", null, 600_000L,
            "2026-03-02T15:10:02Z"),
        cloud(6, "Ada Example", "message", "next", null, 605_000L, "2026-03-02T15:10:07Z")),
        r.records());
  }

  @Test
  void removedReactionAndCurlyQuotedSnippet() {
    String text = "00:20:00\tAda Example:\tLet’s keep mics muted\n"
        + "00:20:30\tLee P. Placeholder (he/him/his):\tRemoved a 👍🏿 reaction from “Let’s keep mics mute…”\n";
    assertEquals(cloud(2, "Lee P. Placeholder (he/him/his)", "reaction_removed", "👍🏿",
        "Let’s keep mics mute", 1_230_000L, "2026-03-02T15:20:32Z"), read(text).records().get(1));
  }

  @Test
  void snippetWithQuotesInsideAndNoMatchingParentIsFlagged() {
    String text = "00:20:00\tAda Example:\tReacted to \"he said \"hi\" to...\" with 😀\n";
    assertEquals(List.of(cloud(1, "Ada Example", "reaction", "😀", "he said \"hi\" to", 1_200_000L,
        "2026-03-02T15:20:02Z", "parent_unresolved")), read(text).records());
  }

  @Test
  void replyWhoseSnippetMatchesAMultiLineParentAcrossItsLineBreak() {
    String text = "00:01:00\tAda Example:\tsee the link\nand this one\n"
        + "00:02:00\tGrace Sample:\tReplying to \"see the link and th…\"\n\nthanks\n";
    assertEquals(cloud(3, "Grace Sample", "reply", "thanks", "see the link and th", 120_000L,
        "2026-03-02T15:02:02Z"), read(text).records().get(1));
  }

  @Test
  void longRecordingWithoutRecordingStartHasOffsetButNoWallTime() {
    ParseResult<ChatMessage> r = read("03:10:05\tAda Example:\tstill here\n",
        ParseContext.minimal(ChatTestSupport.KEY));
    assertEquals(List.of(cloud(1, "Ada Example", "message", "still here", null, 11_405_000L, null)),
        r.records());
  }

  @Test
  void earlierTimeThanThePreviousRecordIsFlaggedOutOfOrder() {
    String text = "00:10:00\tAda Example:\ta\n00:09:59\tAda Example:\tb\n00:10:01\tAda Example:\tc\n";
    assertEquals(List.of(List.of(), List.of("out_of_order"), List.of()),
        read(text).records().stream().map(ChatMessage::flags).toList());
  }

  @Test
  void emptyMessageIsKeptAndFlagged() {
    assertEquals(List.of(cloud(1, "Ada Example", "message", "", null, 1_000L, "2026-03-02T15:00:03Z",
        "empty_text")), read("00:00:01\tAda Example:\t\r\n").records());
  }

  @Test
  void continuationBeforeAnyHeaderIsAnOrphan() {
    ParseResult<ChatMessage> r = read("\nrest of a cut message\n00:00:01\tAda Example:\thi\n");
    assertDead(r.deadLetters().get(0), 2, "CHAT_ORPHAN_LINE", "rest of a cut message");
    assertEquals(List.of(cloud(3, "Ada Example", "message", "hi", null, 1_000L, "2026-03-02T15:00:03Z")),
        r.records());
    assertEquals(2, r.recordsRead());
  }

  @Test
  void timestampedLinesWithoutNameColonAndSecondTabAreBadHeaders() {
    String text = "00:00:01\tAda Example: hi without a second tab\n"
        + "and its continuation\n"
        + "00:00:02\tAda Example\tno colon\n"
        + "00:00:03\t:\tno name\n"
        + "00:00:04\tAda Example:\tfine\n";
    ParseResult<ChatMessage> r = read(text);
    assertEquals(3, r.deadLetters().size());
    assertDead(r.deadLetters().get(0), 1, "CHAT_BAD_HEADER",
        "00:00:01\tAda Example: hi without a second tab\nand its continuation");
    assertDead(r.deadLetters().get(1), 3, "CHAT_BAD_HEADER", "00:00:02\tAda Example\tno colon");
    assertDead(r.deadLetters().get(2), 4, "CHAT_BAD_HEADER", "00:00:03\t:\tno name");
    assertEquals(List.of(cloud(5, "Ada Example", "message", "fine", null, 4_000L, "2026-03-02T15:00:06Z")),
        r.records());
    assertEquals(4, r.recordsRead());
  }

  @Test
  void minutesOrSecondsAboveFiftyNineAreABadTime() {
    ParseResult<ChatMessage> r = read("00:61:00\tAda Example:\thi\n");
    assertDead(r.deadLetters().get(0), 1, "CHAT_BAD_TIME", "00:61:00\tAda Example:\thi");
    assertEquals(0, r.records().size());
  }

  @ParameterizedTest(name = "line ends {index}")
  @ValueSource(strings = {
      "00:00:01\tAda Example:\tone\ntwo\n00:00:02\tJosé Núñez:\t👍🏻\n",
      "00:00:01\tAda Example:\tone\r\ntwo\r\n00:00:02\tJosé Núñez:\t👍🏻\r\n",
      "00:00:01\tAda Example:\tone\rtwo\r00:00:02\tJosé Núñez:\t👍🏻\r",
      "00:00:01\tAda Example:\tone\r\r\ntwo\n00:00:02\tJosé Núñez:\t👍🏻",
      "\uFEFF00:00:01\tAda Example:\tone\r\ntwo\r\n00:00:02\tJosé Núñez:\t👍🏻",
  })
  void everyLineEndingBomAndMissingFinalNewlineGiveTheSameRecords(String text) {
    ParseResult<ChatMessage> r = read(text);
    assertEquals(List.of(
        cloud(1, "Ada Example", "message", "one\ntwo", null, 1_000L, "2026-03-02T15:00:03Z"),
        cloud(3, "José Núñez", "message", "👍🏻", null, 2_000L, "2026-03-02T15:00:04Z")),
        r.records());
    assertEquals(2, r.recordsRead());
  }

  @Test
  void emptyFileHasNoRecords() {
    assertEquals(0, read("").recordsRead());
  }
}
