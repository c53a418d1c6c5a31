package dev.meetscope.transforms.streaming;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.models.record.LiveWindowStats;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimelineMinute;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The streaming job between its source and its sinks: meeting events (timestamped by event time) →
 * de-duplicated → per meeting, too-late events rejected and final rows produced → sliding windows with
 * early, on-time and late panes → live stats and drop-off alerts. Outputs are tagged; dead letters of the
 * stream stages come out as one collection (the source's parse dead letters are the caller's).
 */
public final class StreamCore extends PTransform<PCollection<MeetingEvent>, PCollectionTuple> {
  public static final TupleTag<KV<String, LivePane>> PANES = new TupleTag<>() {};
  public static final TupleTag<LiveWindowStats> LIVE = AssembleLiveStats.STATS;
  public static final TupleTag<DropoffAlert> ALERTS = AssembleLiveStats.ALERTS;
  public static final TupleTag<ParticipantMeeting> PARTICIPANTS = TrackMeetings.PARTICIPANTS;
  public static final TupleTag<MeetingSummary> MEETINGS = TrackMeetings.MEETINGS;
  public static final TupleTag<TimelineMinute> TIMELINE = TrackMeetings.TIMELINE;
  public static final TupleTag<DeadLetter> DEAD_LETTERS = TrackMeetings.DEAD_LETTERS;

  private final StreamSettings settings;
  private final AnalyticsSettings analytics;
  private final StreamGovernanceSettings governance;

  private StreamCore(StreamSettings settings, AnalyticsSettings analytics, StreamGovernanceSettings governance) {
    this.settings = settings;
    this.analytics = analytics;
    this.governance = governance;
  }

  /** Without an identity policy: the analytics' raw rows (transform tests only; the job always adds one). */
  public static StreamCore with(StreamSettings settings, AnalyticsSettings analytics) {
    return new StreamCore(settings.validate(), analytics, null);
  }

  /**
   * With the governance policy (docs/governance.md): final rows keyed and without names unless
   * {@code --includeIdentities}, opted-out people withheld from per-person rows and live chat counts.
   */
  public StreamCore withGovernance(StreamGovernanceSettings governance) {
    return new StreamCore(settings, analytics, java.util.Objects.requireNonNull(governance, "governance"));
  }

  @Override
  public PCollectionTuple expand(PCollection<MeetingEvent> events) {
    PCollectionTuple tracked = events
        .apply("DropDuplicates", DropDuplicates.remembering(settings.dedupMemory()))
        .apply("TrackMeetings", governance == null ? TrackMeetings.with(settings, analytics)
            : TrackMeetings.with(settings, analytics).withGovernance(governance));
    PCollection<KV<String, LivePane>> panes = tracked.get(TrackMeetings.ACCEPTED)
        .apply("LiveWindows", LiveWindows.with(settings));
    PCollectionTuple live = panes.apply("AssembleLiveStats", AssembleLiveStats.with(settings));
    return PCollectionTuple.of(PANES, panes)
        .and(LIVE, live.get(AssembleLiveStats.STATS))
        .and(ALERTS, live.get(AssembleLiveStats.ALERTS))
        .and(PARTICIPANTS, tracked.get(TrackMeetings.PARTICIPANTS))
        .and(MEETINGS, tracked.get(TrackMeetings.MEETINGS))
        .and(TIMELINE, tracked.get(TrackMeetings.TIMELINE))
        .and(DEAD_LETTERS, tracked.get(TrackMeetings.DEAD_LETTERS));
  }
}
