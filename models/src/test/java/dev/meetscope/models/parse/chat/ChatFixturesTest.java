package dev.meetscope.models.parse.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.parse.FormatSniffer;
import dev.meetscope.models.parse.InputFile;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.parse.MeetingFolderParser;
import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chat fixture meetings under fixtures/meetings, parsed as the pipeline parses a meeting folder. */
class ChatFixturesTest {
  /** Maven runs module tests from the module directory; the fixtures live beside it. */
  private static final Path MEETINGS = Path.of("..", "fixtures", "meetings");

  private static ParsedMeeting parseFolder(String name) {
    Path dir = MEETINGS.resolve(name);
    assertTrue(Files.isDirectory(dir), "missing fixture folder " + dir.toAbsolutePath());
    List<InputFile> files = new ArrayList<>();
    try (Stream<Path> paths = Files.list(dir)) {
      for (Path p : paths.sorted().toList()) {
        files.add(new InputFile(p.getFileName().toString(), Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MeetingFolderParser(null, List.of()).parse(name, files);
  }

  private static List<String> texts(ParsedMeeting m) {
    return m.chatMessages().stream().map(ChatMessage::text).toList();
  }

  private static List<String> dialects(ParsedMeeting m) {
    return m.chatMessages().stream().map(ChatMessage::dialect).toList();
  }

  @Test
  void cloudChatOnly() {
    ParsedMeeting m = parseFolder("chat-only-cloud");
    assertEquals(List.of(), m.deadLetters());
    assertEquals(16, m.chatMessages().size());
    assertEquals(List.of("message", "message", "message", "message", "reaction", "message", "reaction",
            "message", "message", "message", "reply", "message", "reply", "reaction_removed", "message",
            "message"),
        m.chatMessages().stream().map(ChatMessage::kind).toList());
    assertEquals("Agenda for today:\n1. Review last week\n2. Chat export formats\n\n3. Questions",
        m.chatMessages().get(3).text());
    assertEquals("Columns are\tname\tjoin\tleave", m.chatMessages().get(7).text());
    // No manifest: the recording start comes from the GMT… file name (15:00:02 UTC) + the offset.
    assertEquals(new ChatMessage("chat-only-cloud", "GMT20260302-150002_RecordingnewChat.txt", 15,
            "cloud_chat", "cloud", "Dana Host", null, "reply", false, "Yes, the link goes out tonight.",
            "Is the recording sha", "recording_offset", 1_930_000L, null, null,
            java.time.Instant.parse("2026-03-02T15:32:12Z"), List.of()),
        m.chatMessages().get(10));
    assertEquals(List.of(9L, 11L, 22L), m.chatMessages().stream()
        .filter(c -> c.kind().startsWith("reaction")).map(ChatMessage::sourceLine).toList());
    assertTrue(m.chatMessages().stream().allMatch(c -> c.flags().isEmpty()));
  }

  @Test
  void localLegacyDialectAWithPrivateMessageAndManifest() {
    ParsedMeeting m = parseFolder("chat-local-legacy");
    assertEquals(List.of(), m.deadLetters());
    assertEquals(List.of("A", "A", "A", "A", "A", "A-dm", "A", "A"), dialects(m));
    assertEquals(Arrays.asList("Good morning, welcome to the legacy chat review", "Is this recorded?",
            "Yes, cloud recording is on.",
            "Notes from last time:\n- export formats differ by client version\n"
                + "- private messages are never in the cloud file",
            "Can we see an example?", null, "👍🏻 great overview", "Thanks all!"),
        texts(m));
    assertEquals(new ChatMessage("chat-local-legacy", "meeting_saved_chat.txt", 8, "local_saved_chat",
            "A-dm", "Ada Example", "Dana Host", "message", true, null, null, "local_wall_clock", null,
            "09:12:45", "2026-03-03", Instant.parse("2026-03-03T14:12:45Z"), List.of()),
        m.chatMessages().get(5));
    assertEquals("Back to Basics Club", m.chatMessages().get(7).senderLabel());
    assertEquals(Instant.parse("2026-03-03T14:44:59Z"), m.chatMessages().get(7).wallTime());
  }

  @Test
  void localNewUiDialectsCAndD() {
    ParsedMeeting m = parseFolder("chat-local-new-ui");
    assertEquals(List.of(), m.deadLetters());
    assertEquals(List.of("C", "C", "D", "D", "D", "D", "C-dm", "C"), dialects(m));
    assertEquals(List.of("message", "message", "reaction", "reaction_removed", "reaction", "reply",
        "message", "message"), m.chatMessages().stream().map(ChatMessage::kind).toList());
    assertEquals(Arrays.asList("Welcome to the new chat UI walkthrough", "see the link\nand this one", "👍🏻",
            "👍🏻", "❤️", "Thanks, glad to be here", null, "Question: will the “old” export still work?"),
        texts(m));
    ChatMessage dm = m.chatMessages().get(6);
    assertEquals(List.of("Ada Example", "Dana Host", "true"),
        List.of(dm.senderLabel(), dm.recipientLabel(), String.valueOf(dm.isPrivate())));
    assertEquals("Sam Tester (she/her) Example Lab / example.org", m.chatMessages().get(7).senderLabel());
    // No manifest: no meeting date, so no date and no wall time for undated dialects.
    assertEquals(null, m.chatMessages().get(0).localDate());
    assertTrue(m.chatMessages().stream().allMatch(c -> c.flags().isEmpty()));
  }

  @Test
  void local2025DialectE() {
    ParsedMeeting m = parseFolder("chat-local-2025");
    assertEquals(List.of(), m.deadLetters());
    assertEquals(List.of("E", "E", "E", "E-dm", "E", "E"), dialects(m));
    assertEquals(Arrays.asList("Hi all, recording starts now", "Can everyone see my screen?", "👍🏻", null,
        "line one\nline two", "agreed"), texts(m));
    // The date comes from the line; the zone is the parser's default (UTC) as there is no manifest.
    assertEquals(new ChatMessage("chat-local-2025", "meeting_saved_new_chat.txt", 10, "local_saved_chat",
            "E-dm", "Ada Example", "Grace Sample", "message", true, null, null, "local_wall_clock", null,
            "18:04:12", "2025-11-03", Instant.parse("2025-11-03T18:04:12Z"), List.of()),
        m.chatMessages().get(3));
    assertEquals("line one line two", m.chatMessages().get(5).targetSnippet());
    assertTrue(m.chatMessages().stream().allMatch(c -> c.flags().isEmpty()));
  }

  @Test
  void localSpanishDialectALoc() {
    ParsedMeeting m = parseFolder("chat-local-spanish");
    assertEquals(List.of(), m.deadLetters());
    assertEquals(List.of("A-loc", "A-loc", "A-loc", "A-loc"), dialects(m));
    assertEquals(List.of("Dana Host", "José Núñez", "Dana Host", "Ada Example"),
        m.chatMessages().stream().map(ChatMessage::senderLabel).toList());
    assertEquals("¿Se graba esta sesión?", m.chatMessages().get(1).text());
  }

  @Test
  void localDialectsBAndBPrime() {
    ParsedMeeting m = parseFolder("chat-local-b");
    assertEquals(List.of(), m.deadLetters());
    assertEquals(List.of("B", "B", "B'", "B'"), dialects(m));
    assertEquals(List.of("Dana Host", "Sample, Grace", "Ada Example", "Back to Basics Club"),
        m.chatMessages().stream().map(ChatMessage::senderLabel).toList());
    assertEquals(List.of("Welcome", "Thanks! Glad to be here", "Here is the agenda:\tslides 1-10",
        "We meet on Fridays"), texts(m));
  }

  @Test
  void malformedOrphanAndUnknownKeyword() throws IOException {
    Path file = MEETINGS.resolve("malformed").resolve("orphan-and-unknown-keyword.chat.txt");
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    assertEquals(InputFormat.LOCAL_SAVED_CHAT, FormatSniffer.sniff(text));
    ParseResult<ChatMessage> r = new LocalSavedChatReader().read(
        new SourceText("orphan-and-unknown-keyword.chat.txt", text), ParseContext.minimal("malformed"));
    assertEquals(List.of(2L, 3L, 5L), r.records().stream().map(ChatMessage::sourceLine).toList());
    assertEquals(List.of("CHAT_ORPHAN_LINE", "CHAT_UNKNOWN_KEYWORD"),
        r.deadLetters().stream().map(DeadLetter::reason).toList());
    assertEquals(List.of(1L, 4L), r.deadLetters().stream().map(DeadLetter::sourceLine).toList());
    assertEquals(List.of("and that is why the export matters", "09:03:30\t Von  Grace Sample : Danke!"),
        r.deadLetters().stream().map(DeadLetter::rawText).toList());
    assertEquals(5, r.recordsRead());
  }
}
