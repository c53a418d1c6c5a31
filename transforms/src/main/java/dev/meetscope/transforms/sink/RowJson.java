package dev.meetscope.transforms.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * One Row as one line of JSON, every schema field present (nulls as {@code null}), DATETIME as ISO-8601
 * UTC with milliseconds, so JSONL carries the same fields and types as Parquet and BigQuery.
 */
public final class RowJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private RowJson() {}

  public static String toJson(Row row) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      writeRow(g, row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void writeRow(JsonGenerator g, Row row) throws IOException {
    g.writeStartObject();
    Schema schema = row.getSchema();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      Schema.Field f = schema.getField(i);
      g.writeFieldName(f.getName());
      writeValue(g, f.getType(), row.getValue(i));
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, Schema.FieldType type, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    switch (type.getTypeName()) {
      case STRING -> g.writeString((String) v);
      case INT16, INT32 -> g.writeNumber(((Number) v).intValue());
      case INT64 -> g.writeNumber(((Number) v).longValue());
      case FLOAT, DOUBLE -> g.writeNumber(((Number) v).doubleValue());
      case BOOLEAN -> g.writeBoolean((Boolean) v);
      case DATETIME -> g.writeString(
          java.time.Instant.ofEpochMilli(((ReadableInstant) v).getMillis()).toString());
      case ARRAY, ITERABLE -> {
        g.writeStartArray();
        for (Object e : (Iterable<?>) v) {
          writeValue(g, type.getCollectionElementType(), e);
        }
        g.writeEndArray();
      }
      case ROW -> writeRow(g, (Row) v);
      default -> g.writeString(v.toString());
    }
  }
}
