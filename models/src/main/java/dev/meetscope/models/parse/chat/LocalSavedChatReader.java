package dev.meetscope.models.parse.chat;

import dev.meetscope.models.parse.DeadLetters;
import dev.meetscope.models.parse.FormatReader;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.parse.Line;
import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.ChatKind;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.TimeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a local "Save chat" file ({@code meeting_saved_chat.txt}, {@code meeting_saved_new_chat.txt}) in any
 * dialect of zoom-formats.md §2.2 (A, A′, A-dm, A-loc, B, B′, C, C′, D, E). A record is a header line plus
 * the non-header lines that follow it. Private and direct messages keep sender, recipient and kind but never
 * their text or snippet. See docs/formats/chat.md for the exact rules.
 */
public final class LocalSavedChatReader implements FormatReader<ChatMessage> {
  /** Replaces a private message's text in dead letters: private text is never stored. */
  static final String WITHHELD = "[private message text withheld]";

  private static final Pattern PRIVATE_TOKEN =
      Pattern.compile("\\((?:Privately|Direct\\s+Message)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING_SPACES = Pattern.compile("^ +");

  @Override
  public ParseResult<ChatMessage> read(SourceText source, ParseContext ctx) {
    return new FileRead(source, ctx).run();
  }

  /** The state of reading one file. */
  private static final class FileRead {
    private final SourceText source;
    private final ParseContext ctx;
    private final LocalChatLine classifier;
    private final WallClockDates dates;
    private final ParentLookBack lookBack = new ParentLookBack();
    private final ParseResult<ChatMessage> result = new ParseResult<>();

    FileRead(SourceText source, ParseContext ctx) {
      this.source = source;
      this.ctx = ctx;
      this.classifier = new LocalChatLine(ctx.chatKeywords(), NameKey.keysOf(ctx.knownNames()));
      this.dates = new WallClockDates(ctx.meetingDate(), ctx.zone());
    }

    ParseResult<ChatMessage> run() {
      List<Line> beforeFirstHeader = new ArrayList<>();
      Line headerLine = null;
      LocalChatLine.Header header = null;
      List<Line> continuation = new ArrayList<>();
      for (Line line : source.lines()) {
        LocalChatLine.Header parsed = classifier.parse(line.text());
        if (parsed == null) {
          (headerLine == null ? beforeFirstHeader : continuation).add(line);
          continue;
        }
        if (headerLine == null) {
          rejectOrphans(beforeFirstHeader);
        } else {
          finish(headerLine, header, continuation);
        }
        headerLine = line;
        header = parsed;
        continuation = new ArrayList<>();
      }
      if (headerLine == null) {
        rejectOrphans(beforeFirstHeader);
      } else {
        finish(headerLine, header, continuation);
      }
      return result;
    }

    private void rejectOrphans(List<Line> lines) {
      List<Line> block = ChatLines.orphanBlock(lines);
      if (!block.isEmpty()) {
        result.reject(DeadLetters.atLine(ctx, InputFormat.LOCAL_SAVED_CHAT, source,
            block.get(0).number(), ChatDeadLetterCodes.CHAT_ORPHAN_LINE,
            "Chat text before the first message header: the file was probably cut at the start.",
            ChatLines.raw(block)));
      }
    }

    private void finish(Line headerLine, LocalChatLine.Header h, List<Line> continuation) {
      if (h.problem() != null) {
        List<Line> all = new ArrayList<>();
        all.add(headerLine);
        all.addAll(continuation);
        result.reject(DeadLetters.atLine(ctx, InputFormat.LOCAL_SAVED_CHAT, source, headerLine.number(),
            reason(h.problem()), h.problemMessage(), redactPrivate(headerLine.text(), all)));
        return;
      }
      List<String> body = new ArrayList<>();
      if (!h.twoLine()) {
        body.add(h.inlineMessage());
      }
      for (Line l : continuation) {
        body.add(stripIndent(l.text(), h.twoLine()));
      }
      ChatLines.trimTrailingBlank(body);
      ChatBody parsed = ChatBody.classify(body);
      WallClockDates.Dated dated = dates.next(h.date(), h.time());
      boolean isPrivate = h.names().isPrivate();

      List<String> flags = new ArrayList<>();
      if (h.names().ambiguous()) {
        flags.add(ChatFlags.NAME_SPLIT_AMBIGUOUS);
      }
      flags.addAll(dated.flags());
      if (!isPrivate) {
        // Content checks only for public text; private text is neither kept nor used.
        if (parsed.text().isEmpty()) {
          flags.add(ChatFlags.EMPTY_TEXT);
        }
        if (parsed.targetSnippet() != null && !lookBack.resolves(parsed.targetSnippet())) {
          flags.add(ChatFlags.PARENT_UNRESOLVED);
        }
        if (parsed.targetSnippet() == null || ChatKind.REPLY.equals(parsed.kind())) {
          lookBack.remember(parsed.text());
        }
      }
      result.add(new ChatMessage(ctx.meetingKey(), source.sourceFile(), headerLine.number(),
          InputFormat.LOCAL_SAVED_CHAT.id(), h.dialect(parsed.kind()), h.names().sender(),
          h.names().recipient(), parsed.kind(), isPrivate,
          isPrivate ? null : parsed.text(),
          isPrivate ? null : parsed.targetSnippet(),
          TimeBase.LOCAL_WALL_CLOCK, null, h.localTime(),
          dated.date() == null ? null : dated.date().toString(), dated.wallTime(), flags));
    }

    /** One leading TAB is layout; in two-line dialects a space indent stands in for it. */
    private static String stripIndent(String text, boolean twoLine) {
      if (text.startsWith("\t")) {
        return text.substring(1);
      }
      return twoLine ? LEADING_SPACES.matcher(text).replaceFirst("") : text;
    }

    private static String reason(LocalChatLine.Problem problem) {
      return switch (problem) {
        case UNKNOWN_KEYWORD -> ChatDeadLetterCodes.CHAT_UNKNOWN_KEYWORD;
        case BAD_HEADER -> ChatDeadLetterCodes.CHAT_BAD_HEADER;
        case BAD_TIME -> ChatDeadLetterCodes.CHAT_BAD_TIME;
      };
    }

    /** A rejected private message keeps its header (up to the private token) but not its text. */
    private static String redactPrivate(String headerText, List<Line> all) {
      Matcher m = PRIVATE_TOKEN.matcher(headerText);
      int end = -1;
      while (m.find()) {
        end = m.end();
      }
      return end < 0 ? ChatLines.raw(all) : headerText.substring(0, end) + " " + WITHHELD;
    }
  }
}
