package dev.meetscope.models.parse;

import dev.meetscope.models.record.DeadLetter;

/** Builds parse-stage dead letters with consistent fields. */
public final class DeadLetters {
  public static final String STAGE_PARSE = "parse";

  private DeadLetters() {}

  /** A record-level dead letter at a 1-based line. */
  public static DeadLetter atLine(ParseContext ctx, InputFormat format, SourceText source, long line,
      String reason, String message, String raw) {
    return new DeadLetter(ctx.meetingKey(), STAGE_PARSE, format.id(), source.sourceFile(), line, null,
        reason, message, raw);
  }

  /** A whole-file dead letter (line unknown or irrelevant): the raw text is the file's start. */
  public static DeadLetter wholeFile(ParseContext ctx, InputFormat format, String sourceFile,
      String reason, String message, String raw) {
    return new DeadLetter(ctx.meetingKey(), STAGE_PARSE, format.id(), sourceFile, null, 0L, reason,
        message, raw);
  }
}
