package dev.meetscope.transforms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.CrosstalkSegment;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MassDropoff;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.record.Utterance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

public class RecordSchemaProviderTest {

  public static final Utterance UTTERANCE = new Utterance("m1", "/in/m1/t.vtt", 3, "cloud_transcript", 1,
      "Ada Example", false, "recording_offset", 4_859, 7_410L, Instant.parse("2026-03-02T15:00:06.859Z"),
      "Okay 👍🏻", List.of("speaker_inferred"));

  @Test
  void columnsAreSnakeCaseInDeclarationOrder() {
    Schema s = RecordSchemaProvider.schemaOf(ChatMessage.class);
    assertEquals(List.of("meeting_key", "source_file", "source_line", "format", "dialect", "sender_label",
        "recipient_label", "kind", "is_private", "text", "target_snippet", "time_base", "offset_ms",
        "local_time", "local_date", "wall_time", "flags"), s.getFieldNames());
  }

  @Test
  void typesAndNullabilityFollowTheJavaTypes() {
    Schema s = RecordSchemaProvider.schemaOf(Utterance.class);
    assertEquals(FieldType.INT64, s.getField("start_ms").getType());
    assertFalse(s.getField("start_ms").getType().getNullable());
    assertEquals(FieldType.INT64.withNullable(true), s.getField("end_ms").getType());
    assertEquals(FieldType.DATETIME.withNullable(true), s.getField("wall_time").getType());
    assertEquals(FieldType.INT32.withNullable(true), s.getField("cue_id").getType());
    assertEquals(FieldType.BOOLEAN, s.getField("speaker_inferred").getType());
    assertEquals(FieldType.array(FieldType.STRING).withNullable(true), s.getField("flags").getType());
  }

  @Test
  void everyRecordTypeHasASchema() {
    for (Class<?> c : List.of(Utterance.class, ChatMessage.class, ParticipantSession.class,
        MeetingEvent.class, MeetingManifest.class, DeadLetter.class, FileStat.class)) {
      assertTrue(RecordSchemaProvider.schemaOf(c).getFieldCount() > 0, c.getSimpleName());
    }
  }

  @Test
  void rowValuesMatchTheRecord() {
    Row row = RecordSchemaProvider.toRow(UTTERANCE);
    assertEquals("Ada Example", row.getString("speaker_label"));
    assertEquals(Instant.parse("2026-03-02T15:00:06.859Z").toEpochMilli(),
        row.getDateTime("wall_time").getMillis());
    assertEquals(List.of("speaker_inferred"), List.copyOf(row.getArray("flags")));
  }

  @Test
  void schemaCoderRoundTripsRecordsWithNulls() throws Exception {
    Coder<Utterance> coder = RecordCoders.of(Utterance.class);
    Utterance noWall = new Utterance("m1", "f", 1, "closed_caption", null, null, false,
        "recording_offset", 0, null, null, "", List.of());
    for (Utterance u : List.of(UTTERANCE, noWall)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      coder.encode(u, out);
      assertEquals(u, coder.decode(new ByteArrayInputStream(out.toByteArray())));
    }
  }

  @Test
  void nestedRecordsAndListsOfRecordsMapToRowsAndRoundTrip() throws Exception {
    Schema s = RecordSchemaProvider.schemaOf(MeetingSummary.class);
    Schema segment = RecordSchemaProvider.schemaOf(CrosstalkSegment.class);
    assertEquals(FieldType.array(FieldType.row(segment)).withNullable(true),
        s.getField("crosstalk_segments").getType());
    assertEquals(List.of("start", "end", "start_offset_seconds", "end_offset_seconds", "speakers", "kind"),
        segment.getFieldNames());
    assertEquals(FieldType.array(FieldType.row(RecordSchemaProvider.schemaOf(MassDropoff.class)))
        .withNullable(true), s.getField("mass_dropoffs").getType());

    MeetingSummary summary = new MeetingSummary("m1", "812", "Weekly", Instant.parse("2026-03-02T15:00:00Z"),
        Instant.parse("2026-03-02T16:00:00Z"), 3600L, "manifest/report", 3, 2, 1, 0.5, 12.5, null, 0.1,
        0.9, 2.0, List.of(new CrosstalkSegment(Instant.parse("2026-03-02T15:01:00Z"),
            Instant.parse("2026-03-02T15:01:02Z"), 60.0, 62.0, List.of("uid:A", "uid:B"), "overlap"),
            new CrosstalkSegment(null, null, 1.0, 2.5, List.of(), "interruptions")),
        3, 4, 0.25, 5, List.of(new MassDropoff(null, null, 600.0, 650.0, 3, 10, 0.3)), null, null, null,
        null, null, null, List.of("host_unknown"), 0.75, "1.0.0");
    Row row = RecordSchemaProvider.toRow(summary);
    Row first = List.copyOf(row.getArray("crosstalk_segments")).get(0) instanceof Row r ? r : null;
    assertEquals(List.of("uid:A", "uid:B"), List.copyOf(first.getArray("speakers")));
    assertEquals(Instant.parse("2026-03-02T15:01:00Z").toEpochMilli(), first.getDateTime("start").getMillis());

    Coder<MeetingSummary> coder = RecordCoders.of(MeetingSummary.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coder.encode(summary, out);
    assertEquals(summary, coder.decode(new ByteArrayInputStream(out.toByteArray())));
  }

  @Test
  void everyOutputTableRecordHasASchemaCoder() throws Exception {
    ParticipantMeeting person = new ParticipantMeeting("m1", "uid:A", "Ada Example", null, false, null,
        null, 60L, 0.5, 1, 0, 0L, 60L, 0.4, 1.5, 100.0, 1, 3, 120.0, 1.5, 0, 1, 0, 0, 2, 1, 0, 0, 0,
        null, "low", null, null, null, null, null, null, null, null, "exact", List.of(), 0.9, "1.0.0");
    TimelineMinute minute = new TimelineMinute("m1", 0, null, 1, 1, 0, 1, 1.5, 2, 0, 1, null, null, null,
        "1.0.0");
    for (Object record : List.of(person, minute)) {
      @SuppressWarnings("unchecked")
      Coder<Object> coder = (Coder<Object>) RecordCoders.of(record.getClass());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      coder.encode(record, out);
      assertEquals(record, coder.decode(new ByteArrayInputStream(out.toByteArray())));
    }
  }

  @Test
  void nonProjectTypesAreLeftToOtherProviders() {
    assertNull(new RecordSchemaProvider().schemaFor(
        org.apache.beam.sdk.values.TypeDescriptor.of(String.class)));
  }
}
