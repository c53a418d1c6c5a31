package dev.meetscope.transforms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
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
  void nonProjectTypesAreLeftToOtherProviders() {
    assertNull(new RecordSchemaProvider().schemaFor(
        org.apache.beam.sdk.values.TypeDescriptor.of(String.class)));
  }
}
