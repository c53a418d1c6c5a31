package dev.meetscope.transforms.sink;

import java.util.Locale;

/** The file formats of {@code --sink}. BigQuery is added with its own sink. */
public enum SinkFormat {
  PARQUET(".parquet"),
  JSONL(".jsonl");

  private final String suffix;

  SinkFormat(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }

  /** Parses {@code parquet} or {@code jsonl}, case-insensitively, with a message that lists the choices. */
  public static SinkFormat parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "--sink must be one of parquet, jsonl (got '" + value + "')");
    }
  }
}
