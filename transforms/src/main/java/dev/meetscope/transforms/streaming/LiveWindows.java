package dev.meetscope.transforms.streaming;

import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.stream.WindowTally;
import dev.meetscope.transforms.schema.RecordCoders;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * Per meeting, sliding event-time windows ({@code windowSize} every {@code windowPeriod}) of the accepted
 * events, counted by a combiner with hot-key fan-out: a 10,000-person meeting's events are pre-combined on
 * {@code hotKeyFanout} keys before one merge per window, so no single worker counts them all.
 *
 * <p>Trigger: early panes {@code earlyFiring} after the first element of a pane (a live widget updates
 * within seconds), the on-time pane when the watermark passes the window end, late panes the same way as
 * early ones for late events. Allowed lateness = {@code allowedLateness} + {@code latenessMargin}; the
 * stricter too-late rule is applied before, in {@link TrackMeetings}, so every accepted event is counted in
 * all its windows.
 *
 * <p>Panes here <b>discard</b> (each carries the events new since the window's previous pane) and
 * {@link AssembleLiveStats} accumulates them per window, so the live output panes accumulate. Why not
 * {@code accumulatingFiredPanes()} here: the Flink runner (Beam 2.62, streaming) emits only the new elements
 * in the panes of this combine, with or without the hot-key fan-out (on-time panes came out empty in
 * {@code StreamOnFlinkTest}); discarding deltas merged downstream give the same result on every runner.
 */
public final class LiveWindows extends PTransform<PCollection<MeetingEvent>, PCollection<KV<String, LivePane>>> {
  private final StreamSettings settings;

  private LiveWindows(StreamSettings settings) {
    this.settings = settings;
  }

  public static LiveWindows with(StreamSettings settings) {
    return new LiveWindows(settings.validate());
  }

  /** The windowing of the live counts, for tests and documentation. */
  public Window<KV<String, MeetingEvent>> windowing() {
    Duration early = StreamSettings.joda(settings.earlyFiring());
    return Window.<KV<String, MeetingEvent>>into(
            SlidingWindows.of(StreamSettings.joda(settings.windowSize()))
                .every(StreamSettings.joda(settings.windowPeriod())))
        .triggering(AfterWatermark.pastEndOfWindow()
            .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(early))
            .withLateFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(early)))
        .withAllowedLateness(StreamSettings.joda(settings.allowedLateness().plus(settings.latenessMargin())))
        .discardingFiredPanes();
  }

  @Override
  public PCollection<KV<String, LivePane>> expand(PCollection<MeetingEvent> accepted) {
    long periodMs = settings.windowPeriod().toMillis();
    return accepted
        .apply("KeyByMeeting", WithKeys.of(MeetingEvent::meetingKey).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingEvent.class)))
        .apply("SlidingWindows", windowing())
        .apply("CountPerWindow", Combine.<String, MeetingEvent, WindowTally>perKey(new WindowTallyFn(periodMs))
            .withHotKeyFanout(settings.hotKeyFanout()))
        .apply("ToPanes", ParDo.of(new ToPaneFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(LivePane.class)));
  }

  /** Adds the window and pane to the counts. */
  static final class ToPaneFn extends DoFn<KV<String, WindowTally>, KV<String, LivePane>> {
    @ProcessElement
    public void process(@Element KV<String, WindowTally> kv, IntervalWindow window, PaneInfo pane,
        OutputReceiver<KV<String, LivePane>> out) {
      out.output(KV.of(kv.getKey(), new LivePane(kv.getKey(),
          java.time.Instant.ofEpochMilli(window.start().getMillis()),
          java.time.Instant.ofEpochMilli(window.end().getMillis()), pane.getTiming().name(), pane.getIndex(),
          kv.getValue())));
    }
  }
}
