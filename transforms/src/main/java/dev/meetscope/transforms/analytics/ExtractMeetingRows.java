package dev.meetscope.transforms.analytics;

import dev.meetscope.models.analytics.MeetingContext;
import dev.meetscope.models.analytics.aggregate.MeetingAccumulator;
import dev.meetscope.models.analytics.aggregate.TimelineAccumulator;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Joins each meeting's context with its combined totals (one element of each per meeting, so the join is
 * tiny) and extracts the {@code meeting} row and the {@code meeting_timeline} rows. A meeting planned without
 * people (possible only with a manifest and events that name nobody) extracts from empty totals.
 *
 * <p>Build the input with the public tags: {@code KeyedPCollectionTuple.of(CONTEXT, contexts)
 * .and(MEETING_TOTALS, …).and(TIMELINE_TOTALS, …)}. A failed extraction becomes a dead letter (stage
 * {@code analyze}, reason {@code ANALYSIS_FAILED}; the meeting's participant rows were already written).
 * Counters, namespace {@code aggregate}: {@code meetings}, {@code timeline_minutes}, {@code meetings_failed}.
 */
public final class ExtractMeetingRows extends PTransform<KeyedPCollectionTuple<String>, PCollectionTuple> {

  public static final TupleTag<MeetingContext> CONTEXT = new TupleTag<>() {};
  public static final TupleTag<MeetingAccumulator> MEETING_TOTALS = new TupleTag<>() {};
  public static final TupleTag<TimelineAccumulator> TIMELINE_TOTALS = new TupleTag<>() {};

  public static final TupleTag<MeetingSummary> MEETINGS = new TupleTag<>() {};
  public static final TupleTag<TimelineMinute> TIMELINE = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private ExtractMeetingRows() {}

  public static ExtractMeetingRows create() {
    return new ExtractMeetingRows();
  }

  @Override
  public PCollectionTuple expand(KeyedPCollectionTuple<String> joined) {
    PCollectionTuple out = joined
        .apply("JoinTotalsWithContext", CoGroupByKey.create())
        .apply("ExtractRows", ParDo.of(new ExtractFn())
            .withOutputTags(MEETINGS, TupleTagList.of(List.of(TIMELINE, DEAD_LETTERS))));
    out.get(MEETINGS).setCoder(RecordCoders.of(MeetingSummary.class));
    out.get(TIMELINE).setCoder(RecordCoders.of(TimelineMinute.class));
    out.get(DEAD_LETTERS).setCoder(RecordCoders.of(DeadLetter.class));
    return out;
  }

  static final class ExtractFn extends DoFn<KV<String, CoGbkResult>, MeetingSummary> {
    private final Counter meetings = Metrics.counter("aggregate", "meetings");
    private final Counter minutes = Metrics.counter("aggregate", "timeline_minutes");
    private final Counter failed = Metrics.counter("aggregate", "meetings_failed");

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> meeting, MultiOutputReceiver out) {
      CoGbkResult group = meeting.getValue();
      MeetingContext ctx = group.getOnly(CONTEXT, null);
      if (ctx == null) {
        // Contributions are emitted only together with their meeting's context.
        throw new IllegalStateException("meeting totals without a context: " + meeting.getKey());
      }
      MeetingSummary summary;
      List<TimelineMinute> timeline;
      try {
        summary = group.getOnly(MEETING_TOTALS, new MeetingAccumulator()).extract(ctx);
        timeline = group.getOnly(TIMELINE_TOTALS, new TimelineAccumulator()).extract(ctx);
      } catch (RuntimeException e) {
        failed.inc();
        out.get(DEAD_LETTERS).output(new DeadLetter(meeting.getKey(), "analyze", "meeting", null, null,
            null, "ANALYSIS_FAILED", "Meeting aggregates of " + meeting.getKey() + " failed: "
                + MeetingRecords.causeChain(e), "meeting_key=" + meeting.getKey()));
        return;
      }
      out.get(MEETINGS).output(summary);
      timeline.forEach(out.get(TIMELINE)::output);
      meetings.inc();
      minutes.inc(timeline.size());
    }
  }
}
