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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a cloud-recording transcript or closed-caption VTT (zoom-formats.md §1.1, §1.2, §6 #1–#13).
 *
 * <p>One cue block is one record: it becomes an {@link Utterance} or a dead letter ({@code VTT_BAD_TIMING},
 * {@code VTT_TRUNCATED_CUE}). A file whose first non-blank line is not {@code WEBVTT} is one
 * {@code VTT_NO_HEADER} dead letter. The format is {@code cloud_transcript} when cues carry ids or most
 * cues open with a speaker, else {@code closed_caption} (no speakers at all).
 */
public final class VttReader implements FormatReader<Utterance> {
  public static final String FLAG_SPEAKER_INFERRED = "speaker_inferred";
  public static final String FLAG_NON_MONOTONIC = "non_monotonic";
  public static final String FLAG_EMPTY_TEXT = "empty_text";
  public static final String FLAG_CUE_ID_NOT_NUMERIC = "cue_id_not_numeric";

  private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}");

  /** One block after structural parsing: a cue (timing set) or a rejection (reason set). */
  private record Classified(VttBlock block, String idText, VttTiming timing, List<String> textLines,
      String reason, String message) {

    static Classified cue(VttBlock b, String id, VttTiming t, List<String> text) {
      return new Classified(b, id, t, text, null, null);
    }

    static Classified rejected(VttBlock b, String reason, String message) {
      return new Classified(b, null, null, List.of(), reason, message);
    }

    boolean isCue() {
      return timing != null;
    }
  }

  @Override
  public ParseResult<Utterance> read(SourceText source, ParseContext ctx) {
    List<Line> lines = source.lines();
    int headerIndex = firstNonBlank(lines);
    ParseResult<Utterance> result = new ParseResult<>();
    if (headerIndex < 0) {
      return result; // empty file: no data
    }
    if (!isHeader(lines.get(headerIndex).text())) {
      List<Classified> all = classify(VttBlock.split(lines, 0));
      return ParseResult.fileRejected(DeadLetters.wholeFile(ctx, decideFormat(all, ctx), source.sourceFile(),
          "VTT_NO_HEADER", "First non-blank line is not WEBVTT, so this is not a WebVTT file: \""
              + abbreviate(lines.get(headerIndex).text()) + "\".", source.text()));
    }
    List<Classified> blocks = classify(VttBlock.split(lines, afterHeaderMetadata(lines, headerIndex)));
    InputFormat format = decideFormat(blocks, ctx);
    SpeakerPrefixRule rule = new SpeakerPrefixRule(ctx.knownNames(), prefixCounts(blocks));

    String previousSpeaker = null;
    Long previousStart = null;
    for (Classified c : blocks) {
      if (!c.isCue()) {
        result.reject(DeadLetters.atLine(ctx, format, source, c.block().firstLine(), c.reason(),
            c.message(), c.block().raw()));
        continue;
      }
      List<String> flags = new ArrayList<>();
      Integer cueId = parseCueId(c.idText(), flags);
      String speaker = null;
      boolean inferred = false;
      String text = String.join("\n", c.textLines());
      if (format == InputFormat.CLOUD_TRANSCRIPT) {
        SpeakerSplit split = SpeakerSplit.of(c.textLines());
        if (split != null && rule.isSpeaker(split.prefix())) {
          speaker = split.prefix().strip();
          text = split.text();
        } else if (previousSpeaker != null) {
          speaker = previousSpeaker;
          inferred = true;
          flags.add(FLAG_SPEAKER_INFERRED);
        }
        previousSpeaker = speaker;
      }
      long start = c.timing().startMs();
      long end = c.timing().endMs();
      if (end < start || (previousStart != null && start < previousStart)) {
        flags.add(FLAG_NON_MONOTONIC);
      }
      previousStart = start;
      if (text.isBlank()) {
        flags.add(FLAG_EMPTY_TEXT);
      }
      result.add(new Utterance(ctx.meetingKey(), source.sourceFile(), c.block().firstLine(), format.id(),
          cueId, speaker, inferred, TimeBase.RECORDING_OFFSET, start, end,
          ctx.recordingStart() == null ? null : ctx.recordingStart().plusMillis(start), text, flags));
    }
    return result;
  }

  /** Header line {@code WEBVTT}, optionally followed by a space or tab and a description (WebVTT spec). */
  static boolean isHeader(String line) {
    String t = line.strip();
    return t.equals("WEBVTT") || t.startsWith("WEBVTT ") || t.startsWith("WEBVTT\t");
  }

  /**
   * Index of the first line after the header's metadata lines ({@code Kind: captions} …), which run to the
   * first blank line. If that run holds a timing line the blank line was missing, and it is read as a cue.
   */
  private static int afterHeaderMetadata(List<Line> lines, int headerIndex) {
    int i = headerIndex + 1;
    boolean hasTiming = false;
    while (i < lines.size() && !lines.get(i).isBlank()) {
      hasTiming |= lines.get(i).text().contains("-->");
      i++;
    }
    return hasTiming ? headerIndex + 1 : i;
  }

  private static List<Classified> classify(List<VttBlock> blocks) {
    List<Classified> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      VttBlock b = blocks.get(i);
      if (b.isCommentOrStyle()) {
        continue;
      }
      out.add(classify(b, i == blocks.size() - 1 && !b.terminated()));
    }
    return out;
  }

  /** @param cutAtEof the last block, and the file ended inside it (no closing blank line) */
  private static Classified classify(VttBlock b, boolean cutAtEof) {
    List<Line> ls = b.lines();
    boolean firstIsTiming = VttTiming.looksLikeTiming(ls.get(0).text());
    int t = firstIsTiming ? 0 : 1;
    String id = firstIsTiming ? null : ls.get(0).text().strip();
    if (t >= ls.size()) {
      return cutAtEof
          ? Classified.rejected(b, "VTT_TRUNCATED_CUE", "File ends after cue id \"" + abbreviate(id)
              + "\" without a timing line: the last cue was cut off.")
          : Classified.rejected(b, "VTT_BAD_TIMING", "Block has no timing line (expected HH:MM:SS.mmm -->"
              + " HH:MM:SS.mmm after the optional cue id).");
    }
    String timingLine = ls.get(t).text();
    VttTiming timing = VttTiming.parse(timingLine);
    if (timing == null) {
      return cutAtEof && t == ls.size() - 1
          ? Classified.rejected(b, "VTT_TRUNCATED_CUE", "File ends inside the last cue's timing line \""
              + abbreviate(timingLine) + "\": the cue was cut off.")
          : Classified.rejected(b, "VTT_BAD_TIMING", "Malformed cue timing \"" + abbreviate(timingLine)
              + "\"; expected HH:MM:SS.mmm --> HH:MM:SS.mmm.");
    }
    List<String> text = new ArrayList<>();
    for (int i = t + 1; i < ls.size(); i++) {
      text.add(ls.get(i).text());
    }
    if (text.isEmpty() && cutAtEof) {
      return Classified.rejected(b, "VTT_TRUNCATED_CUE",
          "File ends after the last cue's timing line, before its text: the cue was cut off.");
    }
    return Classified.cue(b, id, timing, text);
  }

  /**
   * Transcript when any cue has an id, or more than half of the cues with text open with a speaker prefix;
   * otherwise closed captions (Zoom CC has neither, zoom-formats.md §1.2).
   */
  private static InputFormat decideFormat(List<Classified> blocks, ParseContext ctx) {
    SpeakerPrefixRule rule = new SpeakerPrefixRule(ctx.knownNames(), prefixCounts(blocks));
    int withText = 0;
    int withSpeaker = 0;
    for (Classified c : blocks) {
      if (c.idText() != null) {
        return InputFormat.CLOUD_TRANSCRIPT;
      }
      if (!c.isCue() || c.textLines().isEmpty()) {
        continue;
      }
      withText++;
      SpeakerSplit split = SpeakerSplit.of(c.textLines());
      if (split != null && rule.isSpeaker(split.prefix())) {
        withSpeaker++;
      }
    }
    return withText > 0 && withSpeaker * 2 > withText
        ? InputFormat.CLOUD_TRANSCRIPT : InputFormat.CLOSED_CAPTION;
  }

  private static Map<String, Integer> prefixCounts(List<Classified> blocks) {
    Map<String, Integer> counts = new HashMap<>();
    for (Classified c : blocks) {
      SpeakerSplit split = c.isCue() ? SpeakerSplit.of(c.textLines()) : null;
      if (split != null) {
        counts.merge(split.prefix().strip(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static Integer parseCueId(String idText, List<String> flags) {
    if (idText == null) {
      return null;
    }
    if (DECIMAL.matcher(idText).matches()) {
      return Integer.valueOf(idText);
    }
    flags.add(FLAG_CUE_ID_NOT_NUMERIC);
    return null;
  }

  private static int firstNonBlank(List<Line> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /**
   * A cue's text split at the first {@code ": "} of its first line (or a first line ending in {@code ":"}),
   * before deciding whether the prefix is a speaker.
   */
  record SpeakerSplit(String prefix, String text) {
    static SpeakerSplit of(List<String> textLines) {
      if (textLines.isEmpty()) {
        return null;
      }
      String first = textLines.get(0);
      List<String> rest = textLines.subList(1, textLines.size());
      int colon = first.indexOf(": ");
      if (colon > 0) {
        List<String> parts = new ArrayList<>();
        parts.add(first.substring(colon + 2));
        parts.addAll(rest);
        return new SpeakerSplit(first.substring(0, colon), String.join("\n", parts));
      }
      if (first.endsWith(":") && first.length() > 1 && first.indexOf(':') == first.length() - 1) {
        return new SpeakerSplit(first.substring(0, first.length() - 1), String.join("\n", rest));
      }
      return null;
    }
  }
}
