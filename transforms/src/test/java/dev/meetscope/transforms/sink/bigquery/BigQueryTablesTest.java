package dev.meetscope.transforms.sink.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import dev.meetscope.models.governance.InvalidOptionException;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.schema.RecordSchemaProvider;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.junit.jupiter.api.Test;

class BigQueryTablesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  /** "name TYPE MODE" for each top-level column, and "parent.name TYPE MODE" for nested ones. */
  private static List<String> columns(List<TableFieldSchema> fields, String prefix) {
    List<String> out = new ArrayList<>();
    for (TableFieldSchema f : fields) {
      out.add(prefix + f.getName() + " " + f.getType() + " " + (f.getMode() == null ? "NULLABLE" : f.getMode()));
      if (f.getFields() != null) {
        out.addAll(columns(f.getFields(), prefix + f.getName() + "."));
      }
    }
    return out;
  }

  @Test
  void theBigQuerySchemaIsTheRecordSchemaPlusTheDerivedColumns() {
    TableSchema schema = BigQueryTables.tableSchema(Utterance.class);
    assertEquals(List.of("meeting_key STRING NULLABLE", "source_file STRING NULLABLE", "source_line INT64 REQUIRED",
        "format STRING NULLABLE", "cue_id INT64 NULLABLE", "speaker_label STRING NULLABLE",
        "speaker_inferred BOOL REQUIRED", "time_base STRING NULLABLE", "start_ms INT64 REQUIRED",
        "end_ms INT64 NULLABLE", "wall_time TIMESTAMP NULLABLE", "text STRING NULLABLE", "flags STRING REPEATED",
        "meeting_date DATE REQUIRED", "host_key STRING NULLABLE"), columns(schema.getFields(), ""));
  }

  @Test
  void everyRecordColumnKeepsItsNameAndOrderInBigQuery() {
    for (Class<?> c : List.of(MeetingSummary.class, Utterance.class, dev.meetscope.models.record.DeadLetter.class)) {
      Schema record = RecordSchemaProvider.schemaOf(c);
      List<TableFieldSchema> bq = BigQueryTables.tableSchema(c).getFields();
      assertEquals(record.getFieldCount() + 2, bq.size());
      for (int i = 0; i < record.getFieldCount(); i++) {
        assertEquals(record.getField(i).getName(), bq.get(i).getName());
      }
      // Converting back gives the record's nullability, except for arrays: BigQuery has no NULL array (a null
      // list is loaded as an empty one).
      Schema back = BigQueryUtils.fromTableSchema(BigQueryTables.tableSchema(c));
      for (int i = 0; i < record.getFieldCount(); i++) {
        if (record.getField(i).getType().getTypeName() == Schema.TypeName.ARRAY) {
          continue;
        }
        assertEquals(record.getField(i).getType().getNullable(), back.getField(i).getType().getNullable(),
            c.getSimpleName() + "." + record.getField(i).getName());
      }
    }
  }

  @Test
  void nestedRecordsBecomeRepeatedStructs() {
    List<String> cols = columns(BigQueryTables.tableSchema(MeetingSummary.class).getFields(), "");
    assertTrue(cols.contains("crosstalk_segments STRUCT REPEATED"), cols.toString());
    assertTrue(cols.contains("crosstalk_segments.start TIMESTAMP NULLABLE"), cols.toString());
    assertTrue(cols.contains("crosstalk_segments.speakers STRING REPEATED"), cols.toString());
  }

  @Test
  void partitionedByMeetingDateAndClusteredByMeetingAndHost() {
    assertEquals("DAY", BigQueryTables.timePartitioning().getType());
    assertEquals("meeting_date", BigQueryTables.timePartitioning().getField());
    assertEquals(List.of("meeting_key", "host_key"), BigQueryTables.clustering().getFields());
  }

  @Test
  void aRowCarriesTheDayAndTheHost() {
    Utterance u = BigQueryRowCheckTest.utterance("hello", Instant.parse("2026-03-02T15:00:06.859Z"));
    TableRow row = BigQueryUtils.toTableRow(BigQueryTables.toRow(u, DAY, "dana@example.com"));
    assertEquals("m1", row.get("meeting_key"));
    assertEquals("2026-03-02", row.get("meeting_date"));
    assertEquals("dana@example.com", row.get("host_key"));
    assertEquals(List.of("speaker_inferred"), row.get("flags"));
  }

  @Test
  void theStreamJobsTablesFitTheSameLayout() {
    for (Class<?> c : List.of(dev.meetscope.models.record.LiveWindowStats.class,
        dev.meetscope.models.record.DropoffAlert.class, dev.meetscope.models.record.ParticipantMeeting.class,
        MeetingSummary.class, dev.meetscope.models.record.TimelineMinute.class,
        dev.meetscope.models.record.DeadLetter.class)) {
      List<TableFieldSchema> fields = BigQueryTables.tableSchema(c).getFields();
      assertEquals("meeting_key", fields.get(0).getName(), c.getSimpleName());
      assertEquals("host_key", fields.get(fields.size() - 1).getName(), c.getSimpleName());
    }
  }

  /** A record with neither a meeting key nor a participant key cannot be clustered. */
  record Unkeyed(String name) {}

  /** A per-person table spanning meetings (like person_week). */
  record PerPerson(String participantKey, Integer meetings) {}

  @Test
  void aRecordWithoutAMeetingKeyIsClusteredByPersonAndOneWithNeitherIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BigQueryTables.rowSchema(Unkeyed.class));
    assertEquals("Unkeyed has no meeting_key or participant_key column to cluster by", e.getMessage());
    assertEquals(List.of("participant_key"), BigQueryTables.clustering(PerPerson.class).getFields());
    assertEquals(List.of("meeting_key", "host_key"),
        BigQueryTables.clustering(dev.meetscope.models.record.ScoreComponent.class).getFields());
    assertTrue(BigQueryTables.ddl("p", "d", "person_week", PerPerson.class).contains("CLUSTER BY participant_key;"));
  }

  @Test
  void ddlIsGeneratedFromTheSameSchema() {
    String ddl = BigQueryTables.ddl("acme-analytics", "meetscope", "meeting", MeetingSummary.class);
    assertTrue(ddl.startsWith("CREATE TABLE IF NOT EXISTS `acme-analytics.meetscope.meeting` (\n"
        + "  `meeting_key` STRING,\n  `meeting_id` STRING,\n"), ddl);
    assertTrue(ddl.contains("  `crosstalk_segments` ARRAY<STRUCT<`start` TIMESTAMP, `end` TIMESTAMP, "
        + "`start_offset_seconds` FLOAT64, `end_offset_seconds` FLOAT64, `speakers` ARRAY<STRING>, `kind` STRING>>,\n"),
        ddl);
    assertTrue(ddl.endsWith("  `meeting_date` DATE NOT NULL,\n  `host_key` STRING\n)\nPARTITION BY meeting_date\n"
        + "CLUSTER BY meeting_key, host_key;\n"), ddl);
  }

  @Test
  void retentionDaysBecomeThePartitionExpiryAndNoRetentionNone() {
    assertEquals(BigQueryTables.timePartitioning(), BigQueryTables.timePartitioning(null));
    assertNull(BigQueryTables.timePartitioning(null).getExpirationMs());
    TimePartitioning ninety = BigQueryTables.timePartitioning(90);
    assertEquals(90L * 86_400_000L, ninety.getExpirationMs());
    assertEquals("meeting_date", ninety.getField());
    assertEquals("DAY", ninety.getType());
    assertNull(BigQueryTables.timePartitioning().getExpirationMs(), "the shared default is not changed");
    assertEquals("--retentionDays: must be at least 1 day, got 0",
        assertThrows(InvalidOptionException.class, () -> BigQueryTables.timePartitioning(0)).getMessage());
    assertEquals("ALTER TABLE `acme.meetscope.utterance` SET OPTIONS (partition_expiration_days = 90);",
        BigQueryTables.partitionExpiryDdl("acme", "meetscope", "utterance", "90"));
  }
}
