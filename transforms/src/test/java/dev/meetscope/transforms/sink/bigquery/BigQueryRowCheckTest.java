package dev.meetscope.transforms.sink.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.meetscope.models.record.CrosstalkSegment;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.Utterance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class BigQueryRowCheckTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  private final BigQueryRowCheck check = new BigQueryRowCheck(20);

  static Utterance utterance(String text, Instant wall) {
    return new Utterance("m1", "/in/m1/t.vtt", 3, "cloud_transcript", 1, "Ada", false, "recording_offset", 4859,
        7410L, wall, text, List.of("speaker_inferred"));
  }

  static MeetingSummary meeting(String key, Double ratio, List<CrosstalkSegment> crosstalk) {
    return new MeetingSummary(key, "81234567890", "Weekly Sync", T0, T0.plusSeconds(3600), 3600L, "manifest", 3, 3,
        0, ratio, 1200.0, 0.5, 0.1, 1.5, 4.0, crosstalk, 1, 2, 0.5, 7, List.of(), List.of(), List.of(),
        List.of("budget"), 0.6, 0.7, "ok", List.of(), 0.9, "1.0.0");
  }

  @Test
  void aRowBigQueryTakesHasNoProblems() {
    assertEquals(List.of(), check.problems(BigQueryTables.toRow(utterance("short", T0), DAY, "dana@example.com")));
    assertEquals(List.of(), check.problems(BigQueryTables.toRow(meeting("m1", 0.5,
        List.of(new CrosstalkSegment(T0, T0.plusSeconds(2), 0.0, 2.0, List.of("a", "b"), "overlap"))), DAY, null)));
  }

  @Test
  void nonFiniteDoublesAreNamedDownToTheNestedColumn() {
    assertEquals(List.of("avg_attendance_ratio: NaN is not a finite FLOAT64"),
        check.problems(BigQueryTables.toRow(meeting("m1", Double.NaN, List.of()), DAY, null)));
    assertEquals(List.of("avg_attendance_ratio: Infinity is not a finite FLOAT64"),
        check.problems(BigQueryTables.toRow(meeting("m1", Double.POSITIVE_INFINITY, null), DAY, null)));
  }

  @Test
  void nestedRecordsAreCheckedToo() {
    List<CrosstalkSegment> bad = List.of(new CrosstalkSegment(T0, T0.plusSeconds(2), 0.0, 2.0, List.of(), "overlap"),
        new CrosstalkSegment(T0, T0.plusSeconds(2), Double.NEGATIVE_INFINITY, 2.0, List.of(), "overlap"));
    assertEquals(List.of("crosstalk_segments[1].start_offset_seconds: -Infinity is not a finite FLOAT64"),
        check.problems(BigQueryTables.toRow(meeting("m1", 0.5, bad), DAY, null)));
  }

  @Test
  void longStringsAndOutOfRangeTimestampsAreReported() {
    Row row = BigQueryTables.toRow(utterance("x".repeat(21), Instant.parse("+10000-01-01T00:00:00Z")), DAY, null);
    assertEquals(List.of("wall_time: TIMESTAMP +10000-01-01T00:00:00Z outside 0001-01-01..9999-12-31",
        "text: STRING of 21 bytes exceeds 20"), check.problems(row));
    // Bytes, not characters: 7 four-byte emoji are 28 bytes.
    assertEquals(List.of("text: STRING of 28 bytes exceeds 20"),
        check.problems(BigQueryTables.toRow(utterance("👍".repeat(7), T0), DAY, null)));
    assertEquals(List.of(), check.problems(BigQueryTables.toRow(utterance("x".repeat(20), T0), DAY, null)));
  }

  @Test
  void nullInARequiredColumnAndInsideAnArrayAreReported() {
    Schema inner = Schema.builder().addField("at", FieldType.DOUBLE).build();
    Schema schema = Schema.builder()
        .addField(Schema.Field.of("meeting_date", FieldType.logicalType(
            org.apache.beam.sdk.schemas.logicaltypes.SqlTypes.DATE)))
        .addField(Schema.Field.nullable("flags", FieldType.array(FieldType.STRING.withNullable(true))))
        .addField(Schema.Field.nullable("points", FieldType.array(FieldType.row(inner))))
        .build();
    // attachValues skips Beam's own checks, as a bug upstream of the sink would.
    Row row = Row.withSchema(schema).attachValues(null, Arrays.asList("a", null),
        List.of(Row.withSchema(inner).addValue(1.0).build(), Row.withSchema(inner).addValue(Double.NaN).build()));
    assertEquals(List.of("meeting_date: NULL in a REQUIRED column", "flags[1]: NULL element in an ARRAY",
        "points[1].at: NaN is not a finite FLOAT64"), check.problems(row));
  }

  @Test
  void theLimitMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new BigQueryRowCheck(0));
  }
}
