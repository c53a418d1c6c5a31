package dev.meetscope.pipelines.streaming;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.models.record.LiveWindowStats;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.transforms.schema.RecordCoders;
import dev.meetscope.transforms.streaming.ParsedDelivery;
import dev.meetscope.transforms.streaming.ProtectDeadLetters;
import dev.meetscope.transforms.streaming.PublishLive;
import dev.meetscope.transforms.streaming.ReadEventFiles;
import dev.meetscope.transforms.streaming.ReadPubsubEvents;
import dev.meetscope.transforms.streaming.SplitDeliveries;
import dev.meetscope.transforms.streaming.StreamCore;
import dev.meetscope.transforms.streaming.StreamGovernanceSettings;
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

  /**
   * Parse, de-duplicate, per-meeting state, windows: everything between the source and the sinks. Every
   * output leaves through the governance policy (docs/governance.md): final rows keyed, without names and
   * emails unless {@code --includeIdentities}, opted-out people withheld ({@code TownHall}); dead letters
   * redacted ({@code ProtectDeadLetters}). Live rows and alerts hold counts only.
   */
  public static Outputs core(PCollection<ParsedDelivery> deliveries, StreamPlan plan) {
    StreamGovernanceSettings governance = plan.governance();
    PCollectionTuple split = deliveries.apply("SplitDeliveries", SplitDeliveries.create());
    PCollectionTuple core = split.get(SplitDeliveries.EVENTS)
        .apply("TownHall", StreamCore.with(plan.settings(), AnalyticsSettings.defaults()).withGovernance(governance));
    PCollection<DeadLetter> deadLetters = PCollectionList.of(split.get(SplitDeliveries.DEAD_LETTERS))
        .and(core.get(StreamCore.DEAD_LETTERS))
        .apply("AllDeadLetters", Flatten.pCollections())
        .setCoder(RecordCoders.of(DeadLetter.class))
        .apply("ProtectDeadLetters", ProtectDeadLetters.with(governance));
    return new Outputs(deliveries, core.get(StreamCore.LIVE), core.get(StreamCore.ALERTS), core.get(StreamCore.PARTICIPANTS),
        core.get(StreamCore.MEETINGS), core.get(StreamCore.TIMELINE), deadLetters);
  }

  /**
   * Every table through the one sink {@code --sink} picks ({@link StreamTableSink#forPlan}), plus the live
   * topic. Rows a sink rejects join the dead letters, which are written last. Rows the {@code dead_letter}
   * table itself rejects have nowhere further to go (a known gap of the BigQuery sink, see docs/streaming.md).
   */
  private static void writeSinks(Outputs o, StreamPlan plan) {
    if (plan.liveTopic() != null) {
      o.live().apply("PublishLive", PublishLive.to(plan.liveTopic(), o.alerts()));
    }
    StreamTableSink sink = StreamTableSink.forPlan(plan);
    List<PCollection<DeadLetter>> deadLetters = new ArrayList<>();
    sink.write(o.live(), LiveWindowStats.class, "live_window").ifPresent(deadLetters::add);
    sink.write(o.alerts(), DropoffAlert.class, "dropoff_alert").ifPresent(deadLetters::add);
    sink.write(o.participants(), ParticipantMeeting.class, "participant_meeting").ifPresent(deadLetters::add);
    sink.write(o.meetings(), MeetingSummary.class, "meeting").ifPresent(deadLetters::add);
    sink.write(o.timeline(), TimelineMinute.class, "meeting_timeline").ifPresent(deadLetters::add);
    PCollection<DeadLetter> all = o.deadLetters();
    if (!deadLetters.isEmpty()) {
      deadLetters.add(o.deadLetters());
      all = PCollectionList.of(deadLetters).apply("DeadLettersAndRejectedRows", Flatten.pCollections())
          .setCoder(RecordCoders.of(DeadLetter.class));
    }
    sink.write(all, DeadLetter.class, "dead_letter");
  }
}
