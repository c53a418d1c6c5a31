package dev.meetscope.models.parse.vtt;

import dev.meetscope.models.parse.DeadLetters;
import dev.meetscope.models.parse.FormatReader;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.parse.Line;
import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.TimeBase;
import dev.meetscope.models.record.Utterance;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the desktop client's "Save captions/transcript" file {@code meeting_saved_closed_caption.txt}
 * (zoom-formats.md §1.3, §6 #14, #23, #24).
 *
 * <p>A block is a header {@code [Name] HH:MM:SS} followed by text lines up to the next header; blank lines
 * separate blocks, and text after a blank line that is not a header continues the previous block. The
 * unverified one-line form {@code [Name] HH:MM:SS: text} is also read. One block is one record: an
 * {@link Utterance}, or a dead letter ({@code CAPTION_BAD_TIME}, {@code DUPLICATE_BLOCK}); a text line before
 * the first header is a {@code CAPTION_ORPHAN_LINE} dead letter of its own.
 */
public final class LocalCaptionsReader implements FormatReader<Utterance> {
  public static final String FLAG_EMPTY_TEXT = "empty_text";
  public static final String FLAG_MIDNIGHT_WRAP = LocalClock.FLAG_MIDNIGHT_WRAP;
  public static final String FLAG_OUT_OF_ORDER = LocalClock.FLAG_OUT_OF_ORDER;

  /** Two-line form; the greedy name lets a name contain "] ". */
  private static final Pattern HEADER =
      Pattern.compile("^\\[(.+)\\] (\\d{1,2}):(\\d{2}):(\\d{2})[ \\t]*$");
  /** One-line form; the reluctant name stops at the first "] HH:MM:SS:". */
  private static final Pattern HEADER_WITH_TEXT =
      Pattern.compile("^\\[(.+?)\\] (\\d{1,2}):(\\d{2}):(\\d{2}): ?(.*)$");

  private static final InputFormat FORMAT = InputFormat.LOCAL_SAVED_CAPTIONS;

  /** A header and the text lines gathered under it. */
  private static final class Block {
    final Line header;
    final String speaker;
    final LocalTime time; // null when the header's time is out of range
    final List<String> text = new ArrayList<>();
    final List<String> raw = new ArrayList<>();

    Block(Line header, String speaker, LocalTime time, String inlineText) {
      this.header = header;
      this.speaker = speaker;
      this.time = time;
      this.raw.add(header.text());
      if (inlineText != null) {
        text.add(inlineText);
      }
    }

    void addLine(String line) {
      text.add(line);
      raw.add(line);
    }
  }

  @Override
  public ParseResult<Utterance> read(SourceText source, ParseContext ctx) {
    ParseResult<Utterance> result = new ParseResult<>();
    List<Block> blocks = new ArrayList<>();
    Block current = null;
    for (Line line : source.lines()) {
      if (line.isBlank()) {
        continue;
      }
      Block header = parseHeader(line);
      if (header != null) {
        current = header;
        blocks.add(current);
      } else if (current != null) {
        current.addLine(line.text());
      } else {
        // Orphans come before every block, so they can be emitted in file order right away.
        result.reject(DeadLetters.atLine(ctx, FORMAT, source, line.number(), "CAPTION_ORPHAN_LINE",
            "Text line before the first [Name] HH:MM:SS caption header.", line.text()));
      }
    }

    LocalClock clock = new LocalClock();
    Block previous = null;
    for (Block b : blocks) {
      String raw = String.join("\n", b.raw);
      if (b.time == null) {
        result.reject(DeadLetters.atLine(ctx, FORMAT, source, b.header.number(), "CAPTION_BAD_TIME",
            "Caption header time is out of range (hour 0-23, minute and second 0-59).", raw));
        continue;
      }
      String text = String.join("\n", b.text);
      if (previous != null && b.speaker.equals(previous.speaker) && b.time.equals(previous.time)
          && text.equals(String.join("\n", previous.text))) {
        result.reject(DeadLetters.atLine(ctx, FORMAT, source, b.header.number(), "DUPLICATE_BLOCK",
            "Exact repeat of the previous caption block (same speaker, time and text); dropped.", raw));
        continue;
      }
      previous = b;
      List<String> flags = new ArrayList<>();
      long startMs = clock.next(b.time.toSecondOfDay() * 1000L, flags);
      if (text.isBlank()) {
        flags.add(FLAG_EMPTY_TEXT);
      }
      result.add(new Utterance(ctx.meetingKey(), source.sourceFile(), b.header.number(), FORMAT.id(), null,
          b.speaker, false, TimeBase.LOCAL_WALL_CLOCK, startMs, null,
          wallTime(ctx, b.time, clock.dayOffset()), text, flags));
    }
    return result;
  }

  /** A new block when the line is a caption header (time possibly out of range), else null. */
  private static Block parseHeader(Line line) {
    Matcher m = HEADER.matcher(line.text());
    String inline = null;
    if (!m.matches()) {
      m = HEADER_WITH_TEXT.matcher(line.text());
      if (!m.matches()) {
        return null;
      }
      inline = m.group(5);
    }
    int h = Integer.parseInt(m.group(2));
    int min = Integer.parseInt(m.group(3));
    int s = Integer.parseInt(m.group(4));
    LocalTime time = h < 24 && min < 60 && s < 60 ? LocalTime.of(h, min, s) : null;
    return new Block(line, m.group(1), time, inline);
  }

  /** The local time on the meeting date (+ wrapped days) in the meeting zone; null if either is unknown. */
  private static Instant wallTime(ParseContext ctx, LocalTime time, int dayOffset) {
    if (ctx.meetingDate() == null || ctx.zone() == null) {
      return null;
    }
    return ctx.meetingDate().plusDays(dayOffset).atTime(time).atZone(ctx.zone()).toInstant();
  }
}
