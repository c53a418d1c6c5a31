package dev.meetscope.transforms.sink.webhook;

import dev.meetscope.models.payload.WebhookPayloads;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.WebhookPayload;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Joins each meeting row with its participant rows into one webhook payload. The payload lists every
 * participant, so the join materialises one meeting's rows; that is the payload's own size.
 */
public final class BuildWebhookPayloads extends PTransform<PCollectionTuple, PCollection<WebhookPayload>> {
  public static final TupleTag<MeetingSummary> MEETINGS = new TupleTag<>() {};
  public static final TupleTag<ParticipantMeeting> PARTICIPANTS = new TupleTag<>() {};

  private final boolean includeIdentities;

  private BuildWebhookPayloads(boolean includeIdentities) {
    this.includeIdentities = includeIdentities;
  }

  /** @param includeIdentities write emails where known (host-facing deployments only) */
  public static BuildWebhookPayloads create(boolean includeIdentities) {
    return new BuildWebhookPayloads(includeIdentities);
  }

  @Override
  public PCollection<WebhookPayload> expand(PCollectionTuple input) {
    PCollection<KV<String, MeetingSummary>> meetings = input.get(MEETINGS)
        .apply("KeyMeetings", WithKeys.<String, MeetingSummary>of(MeetingSummary::meetingKey)
            .withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingSummary.class)));
    PCollection<KV<String, ParticipantMeeting>> people = input.get(PARTICIPANTS)
        .apply("KeyParticipants", WithKeys.<String, ParticipantMeeting>of(ParticipantMeeting::meetingKey)
            .withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(ParticipantMeeting.class)));
    return KeyedPCollectionTuple.of(MEETINGS, meetings).and(PARTICIPANTS, people)
        .apply("JoinByMeeting", CoGroupByKey.create())
        .apply("BuildPayloads", ParDo.of(new BuildFn(includeIdentities)))
        .setCoder(RecordCoders.of(WebhookPayload.class));
  }

  private static final class BuildFn extends DoFn<KV<String, CoGbkResult>, WebhookPayload> {
    private final boolean includeIdentities;

    BuildFn(boolean includeIdentities) {
      this.includeIdentities = includeIdentities;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<WebhookPayload> out) {
      List<ParticipantMeeting> people = new ArrayList<>();
      joined.getValue().getAll(PARTICIPANTS).forEach(people::add);
      // A meeting skipped upstream (no meeting row) sends nothing.
      for (MeetingSummary meeting : joined.getValue().getAll(MEETINGS)) {
        out.output(WebhookPayloads.build(meeting, people, includeIdentities));
      }
    }
  }
}
