package dev.meetscope.transforms.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.transforms.schema.RecordSchemaProvider;
import org.junit.jupiter.api.Test;

class RowJsonTest {

  @Test
  void everyFieldIsWrittenWithNullsAndIsoTimes() {
    String json = RowJson.toJson(RecordSchemaProvider.toRow(
        dev.meetscope.transforms.schema.RecordSchemaProviderTest.UTTERANCE));
    assertEquals("{\"meeting_key\":\"m1\",\"source_file\":\"/in/m1/t.vtt\",\"source_line\":3,"
        + "\"format\":\"cloud_transcript\",\"cue_id\":1,\"speaker_label\":\"Ada Example\","
        + "\"speaker_inferred\":false,\"time_base\":\"recording_offset\",\"start_ms\":4859,\"end_ms\":7410,"
        + "\"wall_time\":\"2026-03-02T15:00:06.859Z\",\"text\":\"Okay 👍🏻\",\"flags\":[\"speaker_inferred\"]}",
        json);
  }

  @Test
  void nullsStayExplicit() {
    String json = RowJson.toJson(RecordSchemaProvider.toRow(
        new DeadLetter("m", "parse", "unknown", "/f", null, 0L, "UNRECOGNISED_FORMAT", "msg", "raw")));
    assertEquals("{\"meeting_key\":\"m\",\"stage\":\"parse\",\"format\":\"unknown\",\"source_file\":\"/f\","
        + "\"source_line\":null,\"byte_offset\":0,\"reason\":\"UNRECOGNISED_FORMAT\",\"message\":\"msg\","
        + "\"raw_text\":\"raw\"}", json);
  }
}
