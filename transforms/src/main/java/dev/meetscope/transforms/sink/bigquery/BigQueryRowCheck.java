package dev.meetscope.transforms.sink.bigquery;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.ReadableInstant;

/**
 * What BigQuery would reject in a row, found before the sink: a load job ({@code FILE_LOADS}) has no per-row
 * failure output, it fails whole, so a bad row must be caught here and dead-lettered with the reason.
 *
 * <ul>
 *   <li>a {@code REQUIRED} (NOT NULL) column that is null;
 *   <li>a FLOAT64 that is NaN or infinite (newline-delimited JSON load files cannot carry them);
 *   <li>a STRING longer than {@code maxStringBytes} of UTF-8 (default {@value #DEFAULT_MAX_STRING_BYTES}: the
 *       Storage Write API's 10 MB request limit, the tighter of the two write paths);
 *   <li>a TIMESTAMP or DATE outside 0001-01-01 … 9999-12-31;
 *   <li>a null element in an ARRAY (BigQuery arrays cannot hold NULL).
 * </ul>
 */
public final class BigQueryRowCheck {
  public static final int DEFAULT_MAX_STRING_BYTES = 10_000_000;
  private static final long MIN_MILLIS = -62_135_596_800_000L; // 0001-01-01T00:00:00Z
  private static final long MAX_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z
  private static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
  private static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

  private final int maxStringBytes;

  public BigQueryRowCheck(int maxStringBytes) {
    if (maxStringBytes < 1) {
      throw new IllegalArgumentException("maxStringBytes must be positive, got " + maxStringBytes);
    }
    this.maxStringBytes = maxStringBytes;
  }

  /** Every problem of the row, one line each with the column path; empty when BigQuery would take it. */
  public List<String> problems(Row row) {
    List<String> out = new ArrayList<>();
    checkRow(row, "", out);
    return out;
  }

  private void checkRow(Row row, String prefix, List<String> out) {
    Schema schema = row.getSchema();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      Schema.Field f = schema.getField(i);
      checkValue(row.getValue(i), f.getType(), prefix + f.getName(), out);
    }
  }

  private void checkValue(@Nullable Object v, FieldType type, String path, List<String> out) {
    if (v == null) {
      if (!type.getNullable()) {
        out.add(path + ": NULL in a REQUIRED column");
      }
      return;
    }
    switch (type.getTypeName()) {
      case FLOAT, DOUBLE -> {
        double d = ((Number) v).doubleValue();
        if (!Double.isFinite(d)) {
          out.add(path + ": " + d + " is not a finite FLOAT64");
        }
      }
      case STRING -> {
        int bytes = ((String) v).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxStringBytes) {
          out.add(path + ": STRING of " + bytes + " bytes exceeds " + maxStringBytes);
        }
      }
      case DATETIME -> {
        long ms = ((ReadableInstant) v).getMillis();
        if (ms < MIN_MILLIS || ms > MAX_MILLIS) {
          out.add(path + ": TIMESTAMP " + java.time.Instant.ofEpochMilli(ms) + " outside 0001-01-01..9999-12-31");
        }
      }
      case LOGICAL_TYPE -> {
        if (v instanceof LocalDate d && (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE))) {
          out.add(path + ": DATE " + d + " outside 0001-01-01..9999-12-31");
        }
      }
      case ARRAY, ITERABLE -> {
        int i = 0;
        for (Object e : (Iterable<?>) v) {
          String at = path + "[" + i++ + "]";
          if (e == null) {
            out.add(at + ": NULL element in an ARRAY");
          } else {
            checkValue(e, type.getCollectionElementType(), at, out);
          }
        }
      }
      case ROW -> checkRow((Row) v, path + ".", out);
      default -> { }
    }
  }
}
