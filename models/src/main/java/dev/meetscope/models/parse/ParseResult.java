package dev.meetscope.models.parse;

import dev.meetscope.models.record.DeadLetter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a reader made of one file: the records it parsed and the dead letters it rejected. Every record
 * read is either parsed or dead-lettered, so {@link #recordsRead()} is their sum by construction.
 */
public final class ParseResult<T> {
  private final List<T> records = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();

  public ParseResult<T> add(T record) {
    records.add(record);
    return this;
  }

  public ParseResult<T> reject(DeadLetter deadLetter) {
    deadLetters.add(deadLetter);
    return this;
  }

  public List<T> records() {
    return Collections.unmodifiableList(records);
  }

  public List<DeadLetter> deadLetters() {
    return Collections.unmodifiableList(deadLetters);
  }

  public long recordsRead() {
    return records.size() + (long) deadLetters.size();
  }

  /** A result holding one whole-file dead letter. */
  public static <T> ParseResult<T> fileRejected(DeadLetter deadLetter) {
    return new ParseResult<T>().reject(deadLetter);
  }
}
