package dev.meetscope.transforms.sink;

import java.util.Locale;

/**
 * The destinations of {@code --sink}: files (Parquet, JSONL) under {@code <output>/<table>/}, or BigQuery
 * tables ({@link TableSink#bigQuery}). All three carry the columns of the record's Beam schema.
 */
public enum SinkFormat {
  PARQUET(".parquet"),
  JSONL(".jsonl"),
  BIGQUERY("");

  private final String suffix;

  SinkFormat(String suffix) {
    this.suffix = suffix;
  }

  /** The file name suffix of a file format; empty for BigQuery. */
  public String suffix() {
    return suffix;
  }

  /** Parses {@code parquet}, {@code jsonl} or {@code bigquery}, case-insensitively, with a message that lists the choices. */
  public static SinkFormat parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "--sink must be one of parquet, jsonl, bigquery (got '" + value + "')");
    }
  }
}
