package dev.meetscope.transforms.analytics;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.LabelPerson;
import dev.meetscope.models.analytics.MeetingContext;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.analytics.aggregate.MeetingAccumulator;
import dev.meetscope.models.analytics.aggregate.PersonContribution;
import dev.meetscope.models.analytics.aggregate.TimelineAccumulator;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.transforms.parse.ParseMeetingFolders;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Identity resolution, attendance, speaker alignment and conversation dynamics for every meeting
 * (docs/metrics.md): the parsed records of {@link ParseMeetingFolders} in, the {@code participant_meeting},
 * {@code meeting} and {@code meeting_timeline} rows and the stage's dead letters out.
 *
 * <pre>
 * parsed records ─ GroupRecordsByMeeting (CoGroupByKey of the inputs per meeting)
 *   ─ AnalyzeMeetingPeople ─┬─ PARTICIPANTS (one element per person)
 *                           ├─ contributions ─┬─ AggregateMeetings  (Combine.perKey, MeetingAccumulator)
 *                           │                 └─ AggregateTimelines (Combine.perKey, TimelineAccumulator)
 *                           ├─ contexts ──┬────── ExtractMeetingRows (join 1:1:1 per meeting) ─ MEETINGS, TIMELINE
 *                           │             └────── MeetingSpans ─ SPANS (for the text analysis' minutes)
 *                           └─ LABELS (speaker / chat sender label → person, for the text-analysis join)
 * </pre>
 * Per-person rows never meet again in one list: the meeting row and the timeline come from accumulators
 * of counts and histograms, so a 10,000-person town hall costs one small accumulator, not 10,000 rows.
 */
public final class AnalyzeMeetings extends PTransform<PCollectionTuple, PCollectionTuple> {

  public static final TupleTag<ParticipantMeeting> PARTICIPANTS = AnalyzeMeetingPeople.PARTICIPANTS;
  public static final TupleTag<MeetingSummary> MEETINGS = ExtractMeetingRows.MEETINGS;
  public static final TupleTag<TimelineMinute> TIMELINE = ExtractMeetingRows.TIMELINE;
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  /** Each analysed meeting's span, so text analysis can count minutes as {@code meeting_timeline} does. */
  public static final TupleTag<KV<String, MeetingSpan>> SPANS = new TupleTag<>() {};
  /** Label → person of every transcript speaker and chat sender label (see {@link LabelPerson}). */
  public static final TupleTag<LabelPerson> LABELS = AnalyzeMeetingPeople.LABELS;

  private final AnalyticsSettings settings;
  private final int maxMeetingHours;

  private AnalyzeMeetings(AnalyticsSettings settings, int maxMeetingHours) {
    this.settings = settings;
    this.maxMeetingHours = maxMeetingHours;
  }

  /** With the documented defaults ({@link AnalyticsSettings#defaults()}). */
  public static AnalyzeMeetings create() {
    return new AnalyzeMeetings(AnalyticsSettings.defaults(), AnalyzeMeetingPeople.DEFAULT_MAX_MEETING_HOURS);
  }

  /** Thresholds, the zone of local times and {@code countPrivateChat}. */
  public AnalyzeMeetings withSettings(AnalyticsSettings value) {
    return new AnalyzeMeetings(Objects.requireNonNull(value, "settings"), maxMeetingHours);
  }

  /** Longest plausible meeting span (default 48 h); longer meetings become dead letters. */
  public AnalyzeMeetings withMaxMeetingHours(int hours) {
    if (hours < 1) {
      throw new IllegalArgumentException("maxMeetingHours must be >= 1, was " + hours);
    }
    return new AnalyzeMeetings(settings, hours);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple parsed) {
    PCollectionTuple people = parsed
        .apply("GroupRecordsByMeeting", GroupMeetingRecords.create())
        .apply("AnalyzeMeetingPeople", AnalyzeMeetingPeople.with(settings).withMaxMeetingHours(maxMeetingHours));

    PCollection<KV<String, PersonContribution>> contributions =
        people.get(AnalyzeMeetingPeople.CONTRIBUTIONS);
    PCollection<KV<String, MeetingAccumulator>> meetingTotals = contributions.apply("AggregateMeetings",
        Combine.<String, PersonContribution, MeetingAccumulator>perKey(new MeetingTotalsFn()));
    PCollection<KV<String, TimelineAccumulator>> timelineTotals = contributions.apply("AggregateTimelines",
        Combine.<String, PersonContribution, TimelineAccumulator>perKey(new TimelineTotalsFn()));
    PCollection<KV<String, MeetingContext>> contexts = people.get(AnalyzeMeetingPeople.CONTEXTS);

    PCollectionTuple rows = KeyedPCollectionTuple.of(ExtractMeetingRows.CONTEXT, contexts)
        .and(ExtractMeetingRows.MEETING_TOTALS, meetingTotals)
        .and(ExtractMeetingRows.TIMELINE_TOTALS, timelineTotals)
        .apply("ExtractMeetingRows", ExtractMeetingRows.create());

    PCollection<DeadLetter> deadLetters = PCollectionList.of(people.get(AnalyzeMeetingPeople.DEAD_LETTERS))
        .and(rows.get(ExtractMeetingRows.DEAD_LETTERS))
        .apply("FlattenAnalysisDeadLetters", Flatten.pCollections());

    PCollection<KV<String, MeetingSpan>> spans = contexts.apply("MeetingSpans",
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(MeetingSpan.class)))
                .via((KV<String, MeetingContext> c) -> KV.of(c.getKey(), c.getValue().span())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingSpan.class)));

    return PCollectionTuple.of(PARTICIPANTS, people.get(AnalyzeMeetingPeople.PARTICIPANTS))
        .and(MEETINGS, rows.get(ExtractMeetingRows.MEETINGS))
        .and(TIMELINE, rows.get(ExtractMeetingRows.TIMELINE))
        .and(DEAD_LETTERS, deadLetters)
        .and(SPANS, spans)
        .and(LABELS, people.get(AnalyzeMeetingPeople.LABELS));
  }
}
