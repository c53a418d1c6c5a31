package dev.meetscope.transforms.analytics;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.LabelPerson;
import dev.meetscope.models.analytics.MeetingAnalyzer;
import dev.meetscope.models.analytics.MeetingContext;
import dev.meetscope.models.analytics.MeetingPlan;
import dev.meetscope.models.analytics.aggregate.ParticipantMetrics;
import dev.meetscope.models.analytics.aggregate.PersonActivity;
import dev.meetscope.models.analytics.aggregate.PersonContribution;
import dev.meetscope.models.analytics.aggregate.PersonResult;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Per meeting: {@link MeetingAnalyzer#plan} (identities, clock and span, label matching, alignment,
 * conversation, chat threading), then {@link ParticipantMetrics#compute} for each person. Emits each
 * person's {@code participant_meeting} row and {@link PersonContribution} as separate elements, plus the
 * meeting's small {@link MeetingContext}; the meeting aggregates are left to a {@code Combine}. {@link #LABELS}
 * says which person each transcript speaker and chat sender label of the meeting was attributed to.
 *
 * <p>A meeting is all or nothing: its outputs are emitted only after every person was computed, and a
 * failure anywhere becomes one {@link #DEAD_LETTERS} record (stage {@code analyze}, reason
 * {@code ANALYSIS_FAILED}) for the meeting, so a meeting row never counts people whose rows are missing.
 * Meetings without any session, cue, chat line or event (all files dead-lettered, or a manifest alone) are
 * skipped. A meeting whose span is longer than {@code maxMeetingHours} (default 48; Zoom ends meetings
 * after 30 h) is dead-lettered with reason {@code MEETING_SPAN_TOO_LONG}: one mistyped leave time must not
 * make a timeline of millions of minutes.
 *
 * <p>Counters, namespace {@code analyze}: {@code meetings}, {@code meetings_without_data},
 * {@code meetings_failed}, {@code people}.
 */
public final class AnalyzeMeetingPeople
    extends PTransform<PCollection<KV<String, CoGbkResult>>, PCollectionTuple> {

  public static final TupleTag<ParticipantMeeting> PARTICIPANTS = new TupleTag<>() {};
  public static final TupleTag<KV<String, PersonContribution>> CONTRIBUTIONS = new TupleTag<>() {};
  public static final TupleTag<KV<String, MeetingContext>> CONTEXTS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  /** The person each speaker and chat sender label was attributed to (for joining per-label text results). */
  public static final TupleTag<LabelPerson> LABELS = new TupleTag<>() {};

  public static final int DEFAULT_MAX_MEETING_HOURS = 48;

  private final AnalyticsSettings settings;
  private final int maxMeetingHours;

  private AnalyzeMeetingPeople(AnalyticsSettings settings, int maxMeetingHours) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (maxMeetingHours < 1) {
      throw new IllegalArgumentException("maxMeetingHours must be >= 1, was " + maxMeetingHours);
    }
    this.maxMeetingHours = maxMeetingHours;
  }

  public static AnalyzeMeetingPeople with(AnalyticsSettings settings) {
    return new AnalyzeMeetingPeople(settings, DEFAULT_MAX_MEETING_HOURS);
  }

  /** Longest plausible meeting span; longer meetings are dead-lettered. */
  public AnalyzeMeetingPeople withMaxMeetingHours(int hours) {
    return new AnalyzeMeetingPeople(settings, hours);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, CoGbkResult>> meetings) {
    PCollectionTuple out = meetings.apply("PlanAndComputePeople", ParDo.of(new AnalyzeMeetingFn(settings, maxMeetingHours))
        .withOutputTags(PARTICIPANTS, TupleTagList.of(List.of(CONTRIBUTIONS, CONTEXTS, DEAD_LETTERS, LABELS))));
    out.get(PARTICIPANTS).setCoder(RecordCoders.of(ParticipantMeeting.class));
    out.get(CONTRIBUTIONS).setCoder(
        KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(PersonContribution.class)));
    out.get(CONTEXTS).setCoder(KvCoder.of(StringUtf8Coder.of(), AccumulatorCoder.of(MeetingContext.class)));
    out.get(DEAD_LETTERS).setCoder(RecordCoders.of(DeadLetter.class));
    out.get(LABELS).setCoder(RecordCoders.of(LabelPerson.class));
    return out;
  }

  static final class AnalyzeMeetingFn extends DoFn<KV<String, CoGbkResult>, ParticipantMeeting> {
    private final AnalyticsSettings settings;
    private final long maxSpanMs;
    private final Counter meetings = Metrics.counter("analyze", "meetings");
    private final Counter withoutData = Metrics.counter("analyze", "meetings_without_data");
    private final Counter failed = Metrics.counter("analyze", "meetings_failed");
    private final Counter people = Metrics.counter("analyze", "people");
    private transient MeetingAnalyzer analyzer;

    AnalyzeMeetingFn(AnalyticsSettings settings, int maxMeetingHours) {
      this.settings = settings;
      this.maxSpanMs = maxMeetingHours * 3_600_000L;
    }

    @Setup
    public void setup() {
      analyzer = new MeetingAnalyzer(settings);
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> meeting, MultiOutputReceiver out) {
      MeetingRecords records = MeetingRecords.from(meeting.getKey(), meeting.getValue());
      if (!records.hasData()) {
        withoutData.inc();
        return;
      }
      MeetingPlan plan;
      List<PersonResult> results;
      try {
        plan = analyzer.plan(records.input());
        if (plan.context().span().durationMs() > maxSpanMs) {
          failed.inc();
          out.get(DEAD_LETTERS).output(records.spanTooLong(plan.context().span(), maxSpanMs));
          return;
        }
        results = new ArrayList<>(plan.people().size());
        for (PersonActivity person : plan.people()) {
          results.add(ParticipantMetrics.compute(plan.context(), person));
        }
      } catch (RuntimeException e) {
        failed.inc();
        out.get(DEAD_LETTERS).output(records.deadLetter(e));
        return;
      }
      String key = meeting.getKey();
      out.get(CONTEXTS).output(KV.of(key, plan.context()));
      for (PersonResult r : results) {
        out.get(PARTICIPANTS).output(r.row());
        out.get(CONTRIBUTIONS).output(KV.of(key, r.contribution()));
      }
      plan.labels().forEach(out.get(LABELS)::output);
      meetings.inc();
      people.inc(results.size());
    }
  }
}
