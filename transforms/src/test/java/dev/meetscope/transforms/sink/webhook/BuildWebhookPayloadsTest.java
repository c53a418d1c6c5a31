package dev.meetscope.transforms.sink.webhook;

import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.transforms.schema.RecordCoders;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class BuildWebhookPayloadsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static MeetingSummary meeting(String key) {
    return new MeetingSummary(key, "812", "Sync", Instant.parse("2026-03-02T15:00:00Z"), null, null, null,
        null, null, null, null, null, null, null, null, null, List.of(), null, null, null, null, List.of(),
        List.of(), List.of(), List.of(), null, null, "s", List.of(), null, "1.0.0");
  }

  private static ParticipantMeeting person(String meeting, String key) {
    return new ParticipantMeeting(meeting, key, "N", "n@example.com", false, null, null, null, null, null,
        null, null, null, 0.5, null, 50.0, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, "low", null, List.of(), null, null, null, null, null, null, "exact", List.of(), 1.0,
        "1.0.0");
  }

  @Test
  public void oneSortedPayloadPerMeetingWithItsPeopleOnly() {
    PCollectionTuple in = PCollectionTuple
        .of(BuildWebhookPayloads.MEETINGS, pipeline.apply("Meetings",
            Create.of(meeting("m1"), meeting("m2")).withCoder(RecordCoders.of(MeetingSummary.class))))
        .and(BuildWebhookPayloads.PARTICIPANTS, pipeline.apply("People",
            Create.of(person("m1", "b"), person("m1", "a"), person("m2", "c"), person("orphan", "z"))
                .withCoder(RecordCoders.of(ParticipantMeeting.class))));
    PAssert.that(in.apply(BuildWebhookPayloads.create(false))
            .apply(MapElements.into(TypeDescriptors.strings())
                .via(p -> p.meetingKey() + "|" + p.json().replaceAll(".*\"scores\":\\[(.*)\\],\"summary.*", "$1")
                    .replaceAll("\\{\"participant_email\":\"([a-z])\"[^}]*}", "$1"))))
        .containsInAnyOrder("m1|a,b", "m2|c");
    pipeline.run().waitUntilFinish();
  }
}
