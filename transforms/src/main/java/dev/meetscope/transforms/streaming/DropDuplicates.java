package dev.meetscope.transforms.streaming;

import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.stream.StreamEvents;
import dev.meetscope.transforms.schema.RecordCoders;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.KvCoder;
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
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Drops repeated deliveries before anything is counted: Zoom retries a webhook with the same request id,
 * Pub/Sub redelivers. Keyed by the delivery id ({@link StreamEvents#dedupKey}), so the work spreads over
 * workers even for a 10,000-person meeting. An id is remembered until the watermark is {@code memory} past
 * the event time (then a copy would be too late anyway); counter {@code stream/duplicates}.
 */
public final class DropDuplicates extends PTransform<PCollection<MeetingEvent>, PCollection<MeetingEvent>> {
  private final Duration memory;

  private DropDuplicates(Duration memory) {
    this.memory = memory;
  }

  public static DropDuplicates remembering(java.time.Duration memory) {
    return new DropDuplicates(StreamSettings.joda(memory));
  }

  @Override
  public PCollection<MeetingEvent> expand(PCollection<MeetingEvent> events) {
    return events
        .apply("KeyByDeliveryId", WithKeys.of(StreamEvents::dedupKey).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingEvent.class)))
        .apply("FirstDeliveryOnly", ParDo.of(new FirstOnlyFn(memory)))
        .setCoder(RecordCoders.of(MeetingEvent.class));
  }

  private static final class FirstOnlyFn extends DoFn<KV<String, MeetingEvent>, MeetingEvent> {
    private final Duration memory;
    private final Counter duplicates = Metrics.counter("stream", "duplicates");

    @StateId("seen")
    private final StateSpec<ValueState<Boolean>> seenSpec = StateSpecs.value(BooleanCoder.of());

    @TimerId("forget")
    private final TimerSpec forgetSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    FirstOnlyFn(Duration memory) {
      this.memory = memory;
    }

    @ProcessElement
    public void process(@Element KV<String, MeetingEvent> kv, @Timestamp Instant timestamp,
        @StateId("seen") ValueState<Boolean> seen, @TimerId("forget") Timer forget,
        OutputReceiver<MeetingEvent> out) {
      if (Boolean.TRUE.equals(seen.read())) {
        duplicates.inc();
        return;
      }
      seen.write(true);
      forget.set(timestamp.plus(memory));
      out.output(kv.getValue());
    }

    @OnTimer("forget")
    public void forget(@StateId("seen") ValueState<Boolean> seen) {
      seen.clear();
    }
  }
}
