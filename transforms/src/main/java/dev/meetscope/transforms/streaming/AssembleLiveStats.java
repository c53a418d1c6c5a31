package dev.meetscope.transforms.streaming;

import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.models.record.LiveWindowStats;
import dev.meetscope.models.stream.LiveRules;
import dev.meetscope.models.stream.PresenceLedger;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
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
 * per pane, not per event). It keeps the meeting's running presence ({@link PresenceLedger}): people present
 * at a window's end are all joins minus all leaves before it, summed from the per-slice counts the panes
 * carry.
 *
 * <ul>
 *   <li>Early and late panes are emitted at once, with the presence known then (early panes of other
 *       windows may still be on their way, so an early present count can lag by a few seconds).
 *   <li>On-time panes wait for an event-time timer at the window end: by then every earlier window's
 *       on-time pane has arrived, so the on-time present count is exact.
 *   <li>A window showing a mass drop-off ({@link LiveRules#isMassDropoff}) raises one alert on the first
 *       pane that shows it; windows overlapping an alerted one raise none.
 * </ul>
 * State is cleared {@code finalGrace} after the meeting ended, or {@code meetingIdleTimeout} after its last
 * window, plus the lateness.
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
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(LivePane.class)))
        .apply("PerMeeting", ParDo.of(new AssembleFn(settings)).withOutputTags(STATS, TupleTagList.of(ALERTS)));
    out.get(STATS).setCoder(RecordCoders.of(LiveWindowStats.class));
    out.get(ALERTS).setCoder(RecordCoders.of(DropoffAlert.class));
    return out;
  }

  /** Everything the step keeps per meeting; small (slices within the lateness horizon, pending panes). */
  static final class MeetingLive implements Serializable {
    private static final long serialVersionUID = 1L;
    final PresenceLedger ledger = new PresenceLedger();
    /** On-time panes waiting for their window end, by window end. */
    final TreeMap<Long, LivePane> pending = new TreeMap<>();
    long lastAlertWindowEndMs = Long.MIN_VALUE;
    long latestWindowEndMs = Long.MIN_VALUE;
    Long endedByMs;
  }

  static final class AssembleFn extends DoFn<KV<String, LivePane>, LiveWindowStats> {
    private final double dropoffShare;
    private final int dropoffMinLeavers;
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
      // No late pane can change a slice older than this behind the newest on-time window end.
      this.horizonMs = s.allowedLateness().plus(s.latenessMargin()).plus(s.windowSize()).toMillis();
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
      for (int i = 0; i < pane.sliceStarts().size(); i++) {
        live.ledger.record(pane.sliceStarts().get(i), pane.sliceJoins().get(i), pane.sliceLeaves().get(i));
      }
      long endMs = pane.windowEnd().toEpochMilli();
      live.latestWindowEndMs = Math.max(live.latestWindowEndMs, endMs);
      if (pane.ended() > 0 && (live.endedByMs == null || endMs < live.endedByMs)) {
        live.endedByMs = endMs;
      }
      if ("ON_TIME".equals(pane.paneTiming())) {
        live.pending.put(endMs, pane);
        emit.set(new Instant(live.pending.firstKey() - 1));
      } else {
        emitStats(live, pane, out);
      }
      long forgetAt = (live.endedByMs != null ? live.endedByMs + graceMs : live.latestWindowEndMs + idleMs)
          + horizonMs;
      forget.set(new Instant(forgetAt));
      state.write(live);
    }

    @OnTimer("emit")
    public void onEmit(OnTimerContext c, @StateId("live") ValueState<MeetingLive> state,
        @TimerId("emit") Timer emit, MultiOutputReceiver out) {
      MeetingLive live = state.read();
      if (live == null) {
        return;
      }
      long now = c.timestamp().getMillis();
      Iterator<Map.Entry<Long, LivePane>> it = live.pending.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<Long, LivePane> p = it.next();
        if (p.getKey() - 1 > now) {
          break;
        }
        emitStats(live, p.getValue(), out);
        it.remove();
      }
      live.ledger.foldBefore(now - horizonMs);
      if (!live.pending.isEmpty()) {
        emit.set(new Instant(live.pending.firstKey() - 1));
      }
      state.write(live);
    }

    @OnTimer("forget")
    public void onForget(@StateId("live") ValueState<MeetingLive> state) {
      state.clear();
    }

    private void emitStats(MeetingLive live, LivePane p, MultiOutputReceiver out) {
      long startMs = p.windowStart().toEpochMilli();
      long endMs = p.windowEnd().toEpochMilli();
      int presentAtStart = live.ledger.presentAt(startMs);
      int present = live.ledger.presentAt(endMs);
      boolean dropoff = LiveRules.isMassDropoff(p.departures(), presentAtStart, dropoffShare, dropoffMinLeavers);
      out.get(STATS).output(new LiveWindowStats(p.meetingKey(), p.meetingId(), p.windowStart(), p.windowEnd(),
          p.paneTiming(), p.paneIndex(), present, presentAtStart, (int) p.joins(), (int) p.leaves(),
          (int) p.departures(), (int) p.chatMessages(), (int) p.questions(), (int) p.reactions(),
          (int) p.activeChatters(), null, LiveRules.engagementIndex((int) p.activeChatters(), present),
          p.events(), p.maxEventTime(), dropoff, MetricsVersion.CURRENT));
      panesOut.inc();
      if (dropoff && startMs >= live.lastAlertWindowEndMs) {
        live.lastAlertWindowEndMs = endMs;
        alerts.inc();
        out.get(ALERTS).output(new DropoffAlert(p.meetingKey(), p.meetingId(), p.windowStart(), p.windowEnd(),
            (int) p.departures(), presentAtStart, LiveRules.share(p.departures(), presentAtStart),
            p.paneTiming(), p.paneIndex(), p.maxEventTime(), MetricsVersion.CURRENT));
      }
    }
  }
}
