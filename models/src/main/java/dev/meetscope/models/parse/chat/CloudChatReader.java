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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cloud-recording chat ({@code GMT…_RecordingnewChat.txt}, zoom-formats.md §2.1):
 * {@code HH:MM:SS\tname:\tmessage}, times elapsed since the recording start. A record is a header line plus
 * the lines without a {@code HH:MM:SS\t} prefix that follow it; the header is split on its first two TABs
 * only, so a message keeps its own TABs. See docs/formats/chat.md.
 */
public final class CloudChatReader implements FormatReader<ChatMessage> {
  /** Hours may run past 99 only in theory; two or three digits are accepted. */
  private static final Pattern TIMESTAMP_TAB = Pattern.compile("^(\\d{2,3}):(\\d{2}):(\\d{2})\\t");

  @Override
  public ParseResult<ChatMessage> read(SourceText source, ParseContext ctx) {
    ParseResult<ChatMessage> result = new ParseResult<>();
    ParentLookBack lookBack = new ParentLookBack();
    List<Line> beforeFirstHeader = new ArrayList<>();
    List<Line> record = null;
    Long previousOffset = null;
    for (Line line : source.lines()) {
      if (!TIMESTAMP_TAB.matcher(line.text()).find()) {
        (record == null ? beforeFirstHeader : record).add(line);
        continue;
      }
      if (record == null) {
        rejectOrphans(beforeFirstHeader, source, ctx, result);
      } else {
        previousOffset = finish(record, source, ctx, result, lookBack, previousOffset);
      }
      record = new ArrayList<>();
      record.add(line);
    }
    if (record == null) {
      rejectOrphans(beforeFirstHeader, source, ctx, result);
    } else {
      finish(record, source, ctx, result, lookBack, previousOffset);
    }
    return result;
  }

  private static void rejectOrphans(List<Line> lines, SourceText source, ParseContext ctx,
      ParseResult<ChatMessage> result) {
    List<Line> block = ChatLines.orphanBlock(lines);
    if (!block.isEmpty()) {
      result.reject(DeadLetters.atLine(ctx, InputFormat.CLOUD_CHAT, source, block.get(0).number(),
          ChatDeadLetterCodes.CHAT_ORPHAN_LINE,
          "Chat text before the first message header: the file was probably cut at the start.",
          ChatLines.raw(block)));
    }
  }

  /** Emits one record (or its dead letter) and returns the offset to compare the next record with. */
  private static Long finish(List<Line> record, SourceText source, ParseContext ctx,
      ParseResult<ChatMessage> result, ParentLookBack lookBack, Long previousOffset) {
    Line header = record.get(0);
    Matcher m = TIMESTAMP_TAB.matcher(header.text());
    m.find();
    int minutes = Integer.parseInt(m.group(2));
    int seconds = Integer.parseInt(m.group(3));
    if (minutes > 59 || seconds > 59) {
      result.reject(DeadLetters.atLine(ctx, InputFormat.CLOUD_CHAT, source, header.number(),
          ChatDeadLetterCodes.CHAT_BAD_TIME, "Cloud chat time has minutes or seconds above 59.",
          ChatLines.raw(record)));
      return previousOffset;
    }
    String afterTime = header.text().substring(m.end());
    int secondTab = afterTime.indexOf('\t');
    String nameField = secondTab < 0 ? "" : afterTime.substring(0, secondTab).strip();
    if (!nameField.endsWith(":") || nameField.length() < 2) {
      result.reject(DeadLetters.atLine(ctx, InputFormat.CLOUD_CHAT, source, header.number(),
          ChatDeadLetterCodes.CHAT_BAD_HEADER,
          "Cloud chat header is not 'HH:MM:SS<TAB>name:<TAB>message'.", ChatLines.raw(record)));
      return previousOffset;
    }
    String sender = nameField.substring(0, nameField.length() - 1).strip();
    List<String> body = new ArrayList<>();
    body.add(afterTime.substring(secondTab + 1));
    for (int i = 1; i < record.size(); i++) {
      body.add(record.get(i).text());
    }
    ChatLines.trimTrailingBlank(body);
    ChatBody parsed = ChatBody.classify(body);

    long offsetMs = ((Long.parseLong(m.group(1)) * 60 + minutes) * 60 + seconds) * 1000L;
    List<String> flags = new ArrayList<>();
    if (previousOffset != null && offsetMs < previousOffset) {
      flags.add(ChatFlags.OUT_OF_ORDER);
    }
    if (parsed.text().isEmpty()) {
      flags.add(ChatFlags.EMPTY_TEXT);
    }
    if (parsed.targetSnippet() != null && !lookBack.resolves(parsed.targetSnippet())) {
      flags.add(ChatFlags.PARENT_UNRESOLVED);
    }
    if (parsed.targetSnippet() == null || ChatKind.REPLY.equals(parsed.kind())) {
      lookBack.remember(parsed.text());
    }
    Instant wall = ctx.recordingStart() == null ? null : ctx.recordingStart().plusMillis(offsetMs);
    result.add(new ChatMessage(ctx.meetingKey(), source.sourceFile(), header.number(),
        InputFormat.CLOUD_CHAT.id(), "cloud", sender, null, parsed.kind(), false, parsed.text(),
        parsed.targetSnippet(), TimeBase.RECORDING_OFFSET, offsetMs, null, null, wall, flags));
    return offsetMs;
  }
}
