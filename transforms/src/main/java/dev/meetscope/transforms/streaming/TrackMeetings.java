package dev.meetscope.transforms.streaming;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.MeetingAnalysis;
import dev.meetscope.models.analytics.MeetingAnalyzer;
import dev.meetscope.models.governance.ConsentDecision;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.stream.StreamEvents;
import dev.meetscope.models.stream.StreamGovernance;
import dev.meetscope.models.stream.StreamMeetingInput;
import dev.meetscope.transforms.governance.ApplyGovernance;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;

/**
 * The per-meeting step of the stream (key = occurrence UUID, global window): decides which events count and
 * produces the final rows.
 *
 * <ul>
 *   <li><b>Too late</b>: an event older than the watermark minus {@code allowedLateness} is dead-lettered
 *       ({@code STREAM_TOO_LATE}, counter {@code stream/too_late}) and counted nowhere. The watermark is
 *       learnt with a looping event-time timer ({@code probeInterval}): when it fires at T the watermark is
 *       at least T, so the rule never rejects an event Beam's windows would still accept.
 *   <li><b>Accepted</b> events go on to the live windows ({@link #ACCEPTED}) and are kept for the meeting's
 *       final rows, at most {@code maxEventsPerMeeting} (more: {@code STREAM_MEETING_STATE_FULL}).
 *   <li><b>Final rows</b> when the watermark passes {@code meeting.ended} + {@code finalGrace} (so
 *       {@code participant_left} events sent after the end still count), or the last event +
 *       {@code meetingIdleTimeout}: the batch analytics ({@code MeetingAnalyzer}) over the kept events give
 *       the {@code participant_meeting}, {@code meeting} and {@code meeting_timeline} rows. Then the state
 *       is cleared; the meeting remembers for {@code closedMemory} that it closed, so stragglers are dead
 *       letters ({@code STREAM_MEETING_CLOSED}) instead of a second set of rows.
 *   <li><b>Governance</b> ({@link #withGovernance}, always set by the job): the final rows are computed from
 *       the events after the batch opt-out gate and written through the batch output policy
 *       ({@link StreamGovernance}): keyed {@code participant_key}, no names or emails unless
 *       {@code --includeIdentities}, no row for an opted-out person (who still counts in meeting totals).
 *       An opted-out person's chat events go to no live window.
 * </ul>
 */
public final class TrackMeetings extends PTransform<PCollection<MeetingEvent>, PCollectionTuple> {
  public static final String STAGE = "stream";
  public static final String TOO_LATE = "STREAM_TOO_LATE";
  public static final String CLOSED = "STREAM_MEETING_CLOSED";
  public static final String STATE_FULL = "STREAM_MEETING_STATE_FULL";
  public static final String FINAL_ROWS_FAILED = "STREAM_FINAL_ROWS_FAILED";

  public static final TupleTag<MeetingEvent> ACCEPTED = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  public static final TupleTag<ParticipantMeeting> PARTICIPANTS = new TupleTag<>() {};
  public static final TupleTag<MeetingSummary> MEETINGS = new TupleTag<>() {};
  public static final TupleTag<TimelineMinute> TIMELINE = new TupleTag<>() {};

  private final StreamSettings settings;
  private final AnalyticsSettings analytics;
  private final StreamGovernanceSettings governance;

  private TrackMeetings(StreamSettings settings, AnalyticsSettings analytics, StreamGovernanceSettings governance) {
    this.settings = settings;
    this.analytics = analytics;
    this.governance = governance;
  }

  /** Without an identity policy: the analytics' raw rows (transform tests only; the job always adds one). */
  public static TrackMeetings with(StreamSettings settings, AnalyticsSettings analytics) {
    return new TrackMeetings(settings.validate(), analytics, null);
  }

  /** The same step with the governance policy applied to the final rows and live counts. */
  public TrackMeetings withGovernance(StreamGovernanceSettings governance) {
    return new TrackMeetings(settings, analytics, java.util.Objects.requireNonNull(governance, "governance"));
  }

  @Override
  public PCollectionTuple expand(PCollection<MeetingEvent> events) {
    PCollectionTuple out = events
        .apply("KeyByMeeting", WithKeys.of(MeetingEvent::meetingKey).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingEvent.class)))
        .apply("PerMeeting", ParDo.of(new TrackFn(settings, analytics, governance))
            .withOutputTags(ACCEPTED, TupleTagList.of(DEAD_LETTERS).and(PARTICIPANTS).and(MEETINGS).and(TIMELINE)));
    out.get(ACCEPTED).setCoder(RecordCoders.of(MeetingEvent.class));
    out.get(DEAD_LETTERS).setCoder(RecordCoders.of(DeadLetter.class));
    out.get(PARTICIPANTS).setCoder(RecordCoders.of(ParticipantMeeting.class));
    out.get(MEETINGS).setCoder(RecordCoders.of(MeetingSummary.class));
    out.get(TIMELINE).setCoder(RecordCoders.of(TimelineMinute.class));
    return out;
  }

  static final class TrackFn extends DoFn<KV<String, MeetingEvent>, MeetingEvent> {
    private final long latenessMs;
    private final long probeMs;
    private final long graceMs;
    private final long idleMs;
    private final long maxEvents;
    private final long closedMemoryMs;
    private final AnalyticsSettings analyticsSettings;
    private final StreamGovernanceSettings governanceSettings;
    private transient MeetingAnalyzer analyzer;
    private transient StreamGovernance governance;

    private final Counter tooLate = Metrics.counter("stream", "too_late");
    private final Counter afterClose = Metrics.counter("stream", "after_meeting_closed");
    private final Counter full = Metrics.counter("stream", "meeting_state_full");
    private final Counter accepted = Metrics.counter("stream", "accepted");
    private final Counter closed = Metrics.counter("stream", "meetings_closed");
    private final Counter failed = Metrics.counter("stream", "final_rows_failed");
    private final Distribution finalRowsMs = Metrics.distribution("stream", "final_rows_millis");
    private final Counter withheld = Metrics.counter(ApplyGovernance.NAMESPACE, "opted_out_rows_withheld");
    private final Counter notLive = Metrics.counter(ApplyGovernance.NAMESPACE, "opted_out_live_chat_skipped");
    private final Counter withoutConsent = Metrics.counter(ApplyGovernance.NAMESPACE, "stream_events_skipped");

    @StateId("events")
    private final StateSpec<BagState<MeetingEvent>> eventsSpec = StateSpecs.bag(RecordCoders.of(MeetingEvent.class));

    @StateId("count")
    private final StateSpec<ValueState<Long>> countSpec = StateSpecs.value(VarLongCoder.of());

    @StateId("lastEvent")
    private final StateSpec<ValueState<Long>> lastEventSpec = StateSpecs.value(VarLongCoder.of());

    @StateId("ended")
    private final StateSpec<ValueState<Long>> endedSpec = StateSpecs.value(VarLongCoder.of());

    /** A lower bound of the watermark: the last time the probe timer fired. */
    @StateId("watermark")
    private final StateSpec<ValueState<Long>> watermarkSpec = StateSpecs.value(VarLongCoder.of());

    /** When the first probe is due (set once, to the earliest event time seen before it fired). */
    @StateId("probeArmed")
    private final StateSpec<ValueState<Long>> probeArmedSpec = StateSpecs.value(VarLongCoder.of());

    @StateId("closedAt")
    private final StateSpec<ValueState<Long>> closedAtSpec = StateSpecs.value(VarLongCoder.of());

    /**
     * Set once an event of the meeting gave consent (its meeting id, UUID or host id on the allow list, or
     * {@code --consentMode=all}), so the meeting's events that do not say who hosts it (chat) count too.
     */
    @StateId("consented")
    private final StateSpec<ValueState<Long>> consentedSpec = StateSpecs.value(VarLongCoder.of());

    @TimerId("probe")
    private final TimerSpec probeSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId("close")
    private final TimerSpec closeSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId("forget")
    private final TimerSpec forgetSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    TrackFn(StreamSettings s, AnalyticsSettings analyticsSettings, StreamGovernanceSettings governanceSettings) {
      this.governanceSettings = governanceSettings;
      this.latenessMs = s.allowedLateness().toMillis();
      this.probeMs = s.probeInterval().toMillis();
      this.graceMs = s.finalGrace().toMillis();
      this.idleMs = s.meetingIdleTimeout().toMillis();
      this.maxEvents = s.maxEventsPerMeeting();
      this.closedMemoryMs = s.closedMemory().toMillis();
      this.analyticsSettings = analyticsSettings;
    }

    @Setup
    public void setup() {
      analyzer = new MeetingAnalyzer(analyticsSettings);
      governance = governanceSettings == null ? null : governanceSettings.governance();
    }

    @ProcessElement
    public void process(@Element KV<String, MeetingEvent> kv, @Timestamp Instant timestamp,
        @StateId("events") BagState<MeetingEvent> events, @StateId("count") ValueState<Long> count,
        @StateId("lastEvent") ValueState<Long> lastEvent, @StateId("ended") ValueState<Long> ended,
        @StateId("watermark") ValueState<Long> watermark, @StateId("probeArmed") ValueState<Long> probeArmed,
        @StateId("closedAt") ValueState<Long> closedAt, @StateId("consented") ValueState<Long> consented,
        @TimerId("probe") Timer probe, @TimerId("close") Timer close, MultiOutputReceiver out) {
      MeetingEvent e = kv.getValue();
      long t = timestamp.getMillis();
      if (governance != null && consented.read() == null) {
        ConsentDecision decision = governance.consent(e);
        if (!decision.analyse()) {
          // Counted and skipped, as the batch gate skips a meeting without consent: no rows, no dead letter.
          withoutConsent.inc();
          Metrics.counter(ApplyGovernance.NAMESPACE, "stream_events_skipped." + decision.reason().name()).inc();
          return;
        }
        consented.write(1L);
      }
      if (closedAt.read() != null) {
        afterClose.inc();
        out.get(DEAD_LETTERS).output(deadLetter(e, CLOSED, "The meeting's final rows were already written"
            + " when this event arrived; it is not counted."));
        return;
      }
      Long known = watermark.read();
      if (known != null && t < known - latenessMs) {
        tooLate.inc();
        out.get(DEAD_LETTERS).output(deadLetter(e, TOO_LATE, "The event time " + timestamp + " is more than the"
            + " allowed lateness behind the watermark (at least " + new Instant(known) + "); it is not counted."));
        return;
      }
      long n = count.read() == null ? 0 : count.read();
      if (n >= maxEvents) {
        full.inc();
        out.get(DEAD_LETTERS).output(deadLetter(e, STATE_FULL, "The meeting already holds " + maxEvents
            + " events (--maxEventsPerMeeting); this one is not counted."));
        return;
      }
      events.add(e);
      count.write(n + 1);
      accepted.inc();
      if (governance == null || governance.countsLive(e)) {
        out.get(ACCEPTED).output(e);
      } else {
        notLive.inc();
      }

      long last = lastEvent.read() == null ? t : Math.max(lastEvent.read(), t);
      lastEvent.write(last);
      Long endedAt = ended.read();
      if (StreamEvents.isEnded(e) && (endedAt == null || t < endedAt)) {
        endedAt = t;
        ended.write(t);
      }
      close.set(new Instant(endedAt != null ? endedAt + graceMs : last + idleMs));
      Long armed = probeArmed.read();
      if (known == null && (armed == null || t < armed)) {
        probeArmed.write(t);
        probe.set(timestamp);
      }
    }

    @OnTimer("probe")
    public void onProbe(OnTimerContext c, @StateId("watermark") ValueState<Long> watermark,
        @StateId("closedAt") ValueState<Long> closedAt, @TimerId("probe") Timer probe) {
      if (closedAt.read() != null) {
        return;
      }
      long t = c.timestamp().getMillis();
      watermark.write(t);
      probe.set(new Instant(t + probeMs));
    }

    @OnTimer("close")
    public void onClose(OnTimerContext c, @Key String meetingKey,
        @StateId("events") BagState<MeetingEvent> events, @StateId("count") ValueState<Long> count,
        @StateId("lastEvent") ValueState<Long> lastEvent, @StateId("ended") ValueState<Long> ended,
        @StateId("watermark") ValueState<Long> watermark, @StateId("probeArmed") ValueState<Long> probeArmed,
        @StateId("closedAt") ValueState<Long> closedAt, @TimerId("forget") Timer forget,
        MultiOutputReceiver out) {
      List<MeetingEvent> all = new ArrayList<>();
      events.read().forEach(all::add);
      if (!all.isEmpty()) {
        long started = System.nanoTime();
        MeetingAnalysis analysis;
        StreamGovernance.FinalRows rows = null;
        try {
          List<MeetingEvent> gated = governance == null ? all : governance.gate(meetingKey, all);
          analysis = analyzer.analyze(StreamMeetingInput.build(meetingKey, gated));
          if (governance != null) {
            rows = governance.protect(gated, analysis);
            withheld.inc(analysis.participants().size() - rows.participants().size());
          } else {
            rows = new StreamGovernance.FinalRows(analysis.participants(), analysis.meeting(), analysis.timeline());
          }
        } catch (RuntimeException e) {
          // One meeting the analytics cannot handle must not stop every other meeting's stream.
          failed.inc();
          out.get(DEAD_LETTERS).output(new DeadLetter(meetingKey, STAGE, InputFormat.WEBHOOK_EVENTS.id(),
              all.get(0).sourceFile(), null, null, FINAL_ROWS_FAILED, "The final rows of this meeting could not"
                  + " be computed from its " + all.size() + " events: " + e, "{\"meeting_uuid\":" + quote(meetingKey) + "}"));
          analysis = null;
        }
        if (rows != null) {
          rows.participants().forEach(out.get(PARTICIPANTS)::output);
          out.get(MEETINGS).output(rows.meeting());
          rows.timeline().forEach(out.get(TIMELINE)::output);
          finalRowsMs.update((System.nanoTime() - started) / 1_000_000);
          closed.inc();
        }
      }
      events.clear();
      count.clear();
      lastEvent.clear();
      ended.clear();
      watermark.clear();
      probeArmed.clear();
      long t = c.timestamp().getMillis();
      closedAt.write(t);
      forget.set(new Instant(t + closedMemoryMs));
    }

    @OnTimer("forget")
    public void onForget(@StateId("closedAt") ValueState<Long> closedAt,
        @StateId("consented") ValueState<Long> consented) {
      closedAt.clear();
      consented.clear();
    }

    private static DeadLetter deadLetter(MeetingEvent e, String reason, String message) {
      String raw = "{\"event\":\"" + e.event() + "\",\"request_id\":" + quote(e.requestId()) + ",\"event_time\":"
          + quote(String.valueOf(e.eventTime())) + ",\"meeting_uuid\":" + quote(e.meetingUuid()) + "}";
      return new DeadLetter(e.meetingKey(), STAGE, InputFormat.WEBHOOK_EVENTS.id(), e.sourceFile(),
          e.sourceLine(), null, reason, message, raw);
    }

    private static String quote(String s) {
      return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }
}
