package dev.meetscope.models.parse.report;

import dev.meetscope.models.parse.DeadLetters;
import dev.meetscope.models.parse.FormatReader;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.ParticipantSession;

/** PLACEHOLDER: being written. */
public final class ParticipantCsvReader implements FormatReader<ParticipantSession> {
  @Override
  public ParseResult<ParticipantSession> read(SourceText source, ParseContext ctx) {
    return ParseResult.fileRejected(DeadLetters.wholeFile(ctx, InputFormat.UNKNOWN, source.sourceFile(),
        "NOT_IMPLEMENTED", "reader not written yet", source.text()));
  }
}
