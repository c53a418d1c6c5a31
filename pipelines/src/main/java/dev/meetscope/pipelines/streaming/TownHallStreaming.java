package dev.meetscope.pipelines.streaming;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.models.record.LiveWindowStats;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.transforms.schema.RecordCoders;
import dev.meetscope.transforms.sink.SinkFormat;
import dev.meetscope.transforms.streaming.ParsedDelivery;
import dev.meetscope.transforms.streaming.PublishLive;
import dev.meetscope.transforms.streaming.ReadEventFiles;
import dev.meetscope.transforms.streaming.ReadPubsubEvents;
import dev.meetscope.transforms.streaming.SplitDeliveries;
import dev.meetscope.transforms.streaming.StreamCore;
import dev.meetscope.transforms.streaming.WriteBigQueryTable;
import dev.meetscope.transforms.streaming.WriteStreamTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The streaming job graph for large town halls (docs/streaming.md): webhook deliveries from NDJSON files
 * watched continuously or from Pub/Sub → parse (dead letters for the rest) → de-duplicate by delivery id →
 * per meeting, reject too-late events and keep events for the final rows → sliding event-time windows with
 * early, on-time and late panes (hot-key fan-out) → live stats and drop-off alerts → sinks: Parquet/JSONL
 * files or BigQuery (Storage Write API), and a Pub/Sub topic for live widgets. When a meeting ends (or stays
 * idle), its {@code participant_meeting}, {@code meeting} and {@code meeting_timeline} rows are written to
 * the same tables as the batch job's.
 */
public final class TownHallStreaming {
  /** Tables this job writes, in the order they are wired. */
  public static final List<String> TABLES = List.of("live_window", "dropoff_alert", "participant_meeting",
      "meeting", "meeting_timeline", "dead_letter");

  /** The job's outputs before the sinks, for tests and the benchmark to observe. */
  public record Outputs(
      PCollection<ParsedDelivery> deliveries,
      PCollection<LiveWindowStats> live,
      PCollection<DropoffAlert> alerts,
      PCollection<ParticipantMeeting> participants,
      PCollection<MeetingSummary> meetings,
      PCollection<TimelineMinute> timeline,
      PCollection<DeadLetter> deadLetters) {}

  private TownHallStreaming() {}

  /** Checks option values and combinations before any graph is built; throws with what to fix. */
  public static StreamPlan validate(StreamingOptions options) {
    return StreamPlan.of(options);
  }

  /** Adds the job's steps to {@code pipeline}: source, core and sinks. */
  public static Outputs build(Pipeline pipeline, StreamingOptions options) {
    StreamPlan plan = validate(options);
    PCollection<ParsedDelivery> deliveries = plan.filesSource()
        ? pipeline.apply("ReadEventFiles", ReadEventFiles.of(plan.input(), plan.pollInterval().toMillis(),
            plan.maxIdleMs(), plan.watermarkLag().toMillis(), plan.idleAdvance().toMillis()))
        : pipeline.apply("ReadPubsub", ReadPubsubEvents.fromSubscription(plan.subscription())
            .withMaxIdleMs(plan.maxIdleMs()));
    Outputs outputs = core(deliveries, plan);
    writeSinks(outputs, plan);
    return outputs;
  }

  /** Parse, de-duplicate, per-meeting state, windows: everything between the source and the sinks. */
  public static Outputs core(PCollection<ParsedDelivery> deliveries, StreamPlan plan) {
    PCollectionTuple split = deliveries.apply("SplitDeliveries", SplitDeliveries.create());
    PCollectionTuple core = split.get(SplitDeliveries.EVENTS)
        .apply("TownHall", StreamCore.with(plan.settings(), AnalyticsSettings.defaults()));
    PCollection<DeadLetter> deadLetters = PCollectionList.of(split.get(SplitDeliveries.DEAD_LETTERS))
        .and(core.get(StreamCore.DEAD_LETTERS))
        .apply("AllDeadLetters", Flatten.pCollections())
        .setCoder(RecordCoders.of(DeadLetter.class));
    return new Outputs(deliveries, core.get(StreamCore.LIVE), core.get(StreamCore.ALERTS), core.get(StreamCore.PARTICIPANTS),
        core.get(StreamCore.MEETINGS), core.get(StreamCore.TIMELINE), deadLetters);
  }

  private static void writeSinks(Outputs o, StreamPlan plan) {
    if (plan.liveTopic() != null) {
      o.live().apply("PublishLive", PublishLive.to(plan.liveTopic(), o.alerts()));
    }
    if (plan.bigQuery()) {
      List<PCollection<DeadLetter>> failed = new ArrayList<>();
      failed.add(o.live().apply("BigQueryLiveWindow", bq(LiveWindowStats.class, "live_window", plan)));
      failed.add(o.alerts().apply("BigQueryDropoffAlert", bq(DropoffAlert.class, "dropoff_alert", plan)));
      failed.add(o.participants().apply("BigQueryParticipantMeeting",
          bq(ParticipantMeeting.class, "participant_meeting", plan)));
      failed.add(o.meetings().apply("BigQueryMeeting", bq(MeetingSummary.class, "meeting", plan)));
      failed.add(o.timeline().apply("BigQueryMeetingTimeline", bq(TimelineMinute.class, "meeting_timeline", plan)));
      failed.add(o.deadLetters());
      // Rows BigQuery rejects join the dead letters; the dead_letter table's own rejections are only counted.
      PCollectionList.of(failed).apply("DeadLettersAndRejectedRows", Flatten.pCollections())
          .setCoder(RecordCoders.of(DeadLetter.class))
          .apply("BigQueryDeadLetter", bq(DeadLetter.class, "dead_letter", plan));
      return;
    }
    SinkFormat format = SinkFormat.parse(plan.sink());
    o.live().apply("WriteLiveWindow", files(LiveWindowStats.class, "live_window", plan, format));
    o.alerts().apply("WriteDropoffAlert", files(DropoffAlert.class, "dropoff_alert", plan, format));
    o.participants().apply("WriteParticipantMeeting",
        files(ParticipantMeeting.class, "participant_meeting", plan, format));
    o.meetings().apply("WriteMeeting", files(MeetingSummary.class, "meeting", plan, format));
    o.timeline().apply("WriteMeetingTimeline", files(TimelineMinute.class, "meeting_timeline", plan, format));
    o.deadLetters().apply("WriteDeadLetter", files(DeadLetter.class, "dead_letter", plan, format));
  }

  private static <T> WriteStreamTable<T> files(Class<T> type, String table, StreamPlan plan, SinkFormat format) {
    return WriteStreamTable.of(type, table, plan.output(), format, plan.flushInterval(), plan.shards());
  }

  private static <T> WriteBigQueryTable<T> bq(Class<T> type, String table, StreamPlan plan) {
    return WriteBigQueryTable.of(type, table, plan.bigQueryDataset(), plan.flushInterval(), plan.shards());
  }
}
