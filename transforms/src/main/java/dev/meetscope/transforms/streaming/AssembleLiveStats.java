package dev.meetscope.transforms.streaming;

import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.models.record.LiveWindowStats;
import dev.meetscope.models.stream.LiveRules;
import dev.meetscope.models.stream.PresenceLedger;
import dev.meetscope.models.stream.WindowTally;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.Serializable;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
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
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Window panes → {@code LiveWindowStats} and {@code DropoffAlert}, per meeting (a small step: one element
 * per pane, not per event). It accumulates each open window's panes (they arrive as deltas, see
 * {@link LiveWindows}) and keeps the meeting's running presence ({@link PresenceLedger}): people present
 * at a window's end are all joins minus all leaves before it, summed from the per-slice counts of the
 * windows.
 *
 * <ul>
 *   <li>Early and late panes are emitted at once, with the presence known then (early panes of other
 *       windows may still be on their way, so an early present count can lag by a few seconds).
 *   <li>On-time panes wait for an event-time timer at the window end: by then every earlier window's
 *       on-time pane has arrived, so the on-time present count is exact.
 *   <li>Output panes accumulate: each holds every event of its window so far; {@code pane_index} counts
 *       the window's outputs 0, 1, 2, …
 *   <li>A window showing a mass drop-off ({@link LiveRules#isMassDropoff}) raises one alert on the first
 *       pane that shows it; windows overlapping an alerted one raise none.
 * </ul>
 * A window is forgotten once no late pane can reach it; the meeting's state is cleared
 * {@code finalGrace} after it ended, or {@code meetingIdleTimeout} after its last window, plus the lateness.
 */
public final class AssembleLiveStats extends PTransform<PCollection<KV<String, LivePane>>, PCollectionTuple> {
  public static final TupleTag<LiveWindowStats> STATS = new TupleTag<>() {};
  public static final TupleTag<DropoffAlert> ALERTS = new TupleTag<>() {};

  private final StreamSettings settings;

  private AssembleLiveStats(StreamSettings settings) {
    this.settings = settings;
  }

  public static AssembleLiveStats with(StreamSettings settings) {
    return new AssembleLiveStats(settings.validate());
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, LivePane>> panes) {
    PCollectionTuple out = panes
        .apply("ToGlobalWindow", Window.<KV<String, LivePane>>into(new GlobalWindows())
            .triggering(DefaultTrigger.of()).discardingFiredPanes().withAllowedLateness(Duration.ZERO))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(LivePane.class)))
        .apply("PerMeeting", ParDo.of(new AssembleFn(settings)).withOutputTags(STATS, TupleTagList.of(ALERTS)));
    out.get(STATS).setCoder(RecordCoders.of(LiveWindowStats.class));
    out.get(ALERTS).setCoder(RecordCoders.of(DropoffAlert.class));
    return out;
  }

  /** One open window: its events so far and how many panes it emitted. */
  static final class OpenWindow implements Serializable {
    private static final long serialVersionUID = 1L;
    final long startMs;
    final long endMs;
    final WindowTally tally;
    long emitted;

    OpenWindow(long startMs, long endMs, long periodMs) {
      this.startMs = startMs;
      this.endMs = endMs;
      this.tally = new WindowTally(periodMs);
    }
  }

  /** Everything the step keeps per meeting; bounded by the windows a late event can still reach. */
  static final class MeetingLive implements Serializable {
    private static final long serialVersionUID = 1L;
    final PresenceLedger ledger = new PresenceLedger();
    /** Open windows by start. */
    final TreeMap<Long, OpenWindow> windows = new TreeMap<>();
    /** Starts of windows whose on-time pane waits for the window end. */
    final TreeSet<Long> pending = new TreeSet<>();
    long lastAlertWindowEndMs = Long.MIN_VALUE;
    long latestWindowEndMs = Long.MIN_VALUE;
    Long endedByMs;
  }

  static final class AssembleFn extends DoFn<KV<String, LivePane>, LiveWindowStats> {
    private final double dropoffShare;
    private final int dropoffMinLeavers;
    private final long periodMs;
    private final long sizeMs;
    private final long latenessMs;
    private final long horizonMs;
    private final long graceMs;
    private final long idleMs;
    private final Counter alerts = Metrics.counter("stream", "dropoff_alerts");
    private final Counter panesOut = Metrics.counter("stream", "live_panes");

    @StateId("live")
    private final StateSpec<ValueState<MeetingLive>> liveSpec = StateSpecs.value(SerializableCoder.of(MeetingLive.class));

    @TimerId("emit")
    private final TimerSpec emitSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId("forget")
    private final TimerSpec forgetSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    AssembleFn(StreamSettings s) {
      this.dropoffShare = s.dropoffShare();
      this.dropoffMinLeavers = s.dropoffMinLeavers();
      this.periodMs = s.windowPeriod().toMillis();
      this.sizeMs = s.windowSize().toMillis();
      this.latenessMs = s.allowedLateness().plus(s.latenessMargin()).toMillis();
      // No late pane can change a slice older than this behind the newest on-time window end.
      this.horizonMs = latenessMs + sizeMs;
      this.graceMs = s.finalGrace().toMillis();
      this.idleMs = s.meetingIdleTimeout().toMillis();
    }

    @ProcessElement
    public void process(@Element KV<String, LivePane> kv, @StateId("live") ValueState<MeetingLive> state,
        @TimerId("emit") Timer emit, @TimerId("forget") Timer forget, MultiOutputReceiver out) {
      LivePane pane = kv.getValue();
      MeetingLive live = state.read();
      if (live == null) {
        live = new MeetingLive();
      }
      long startMs = pane.windowStart().toEpochMilli();
      long endMs = pane.windowEnd().toEpochMilli();
      OpenWindow w = live.windows.computeIfAbsent(startMs, k -> new OpenWindow(startMs, endMs, periodMs));
      w.tally.merge(pane.delta());
      live.ledger.recordAll(w.tally.slices());
      live.latestWindowEndMs = Math.max(live.latestWindowEndMs, endMs);
      if (pane.delta().ended() > 0 && (live.endedByMs == null || endMs < live.endedByMs)) {
        live.endedByMs = endMs;
      }
      if ("ON_TIME".equals(pane.paneTiming())) {
        live.pending.add(startMs);
        emit.set(new Instant(live.windows.get(live.pending.first()).endMs - 1));
      } else {
        emitStats(kv.getKey(), live, w, pane.paneTiming(), out);
      }
      long forgetAt = (live.endedByMs != null ? live.endedByMs + graceMs : live.latestWindowEndMs + idleMs)
          + horizonMs;
      forget.set(new Instant(forgetAt));
      state.write(live);
    }

    @OnTimer("emit")
    public void onEmit(OnTimerContext c, @Key String meetingKey, @StateId("live") ValueState<MeetingLive> state,
        @TimerId("emit") Timer emit, MultiOutputReceiver out) {
      MeetingLive live = state.read();
      if (live == null) {
        return;
      }
      long now = c.timestamp().getMillis();
      while (!live.pending.isEmpty()) {
        OpenWindow w = live.windows.get(live.pending.first());
        if (w.endMs - 1 > now) {
          break;
        }
        live.pending.pollFirst();
        emitStats(meetingKey, live, w, "ON_TIME", out);
      }
      // Windows no late pane can reach any more, and the slices only they held, are done.
      live.windows.headMap(now - latenessMs - sizeMs, false).keySet().removeIf(s -> !live.pending.contains(s));
      live.ledger.foldBefore(now - horizonMs);
      if (!live.pending.isEmpty()) {
        emit.set(new Instant(live.windows.get(live.pending.first()).endMs - 1));
      }
      state.write(live);
    }

    @OnTimer("forget")
    public void onForget(@StateId("live") ValueState<MeetingLive> state) {
      state.clear();
    }

    private void emitStats(String meetingKey, MeetingLive live, OpenWindow w, String timing,
        MultiOutputReceiver out) {
      WindowTally t = w.tally;
      int presentAtStart = live.ledger.presentAt(w.startMs);
      int present = live.ledger.presentAt(w.endMs);
      boolean dropoff = LiveRules.isMassDropoff(t.departures(), presentAtStart, dropoffShare, dropoffMinLeavers);
      java.time.Instant start = java.time.Instant.ofEpochMilli(w.startMs);
      java.time.Instant end = java.time.Instant.ofEpochMilli(w.endMs);
      java.time.Instant maxEvent = t.maxEventMs() == Long.MIN_VALUE ? null
          : java.time.Instant.ofEpochMilli(t.maxEventMs());
      long index = w.emitted++;
      out.get(STATS).output(new LiveWindowStats(meetingKey, t.meetingId(), start, end, timing, index, present,
          presentAtStart, (int) t.joins(), (int) t.leaves(), (int) t.departures(), (int) t.chatMessages(),
          (int) t.questions(), (int) t.reactions(), t.activeChatters(), null,
          LiveRules.engagementIndex(t.activeChatters(), present), t.events(), maxEvent, dropoff,
          MetricsVersion.CURRENT));
      panesOut.inc();
      if (dropoff && w.startMs >= live.lastAlertWindowEndMs) {
        live.lastAlertWindowEndMs = w.endMs;
        alerts.inc();
        out.get(ALERTS).output(new DropoffAlert(meetingKey, t.meetingId(), start, end, (int) t.departures(),
            presentAtStart, LiveRules.share(t.departures(), presentAtStart), timing, index, maxEvent,
            MetricsVersion.CURRENT));
      }
    }
  }
}
