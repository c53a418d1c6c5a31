package dev.meetscope.models.parse;

/**
 * Reads one decoded file of one format into typed records and dead letters. Implementations are
 * stateless and thread-safe; a bad record never fails the file (zoom-formats.md §6) and no input throws.
 */
public interface FormatReader<T> {
  ParseResult<T> read(SourceText source, ParseContext context);
}
