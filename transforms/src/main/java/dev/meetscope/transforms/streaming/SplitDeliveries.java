package dev.meetscope.transforms.streaming;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.stream.StreamEvents;
import dev.meetscope.transforms.schema.RecordCoders;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Parsed deliveries → the meeting activity events the stream uses ({@link #EVENTS}) and dead letters
 * ({@link #DEAD_LETTERS}). Valid events the stream does not use (recordings, waiting room, webinars, URL
 * validation, unknown events) are counted as {@code stream/events_ignored}, not dead-lettered: nothing is
 * wrong with them. Counters: {@code stream/deliveries}, {@code stream/events},
 * {@code stream/parse_dead_letters}.
 */
public final class SplitDeliveries extends PTransform<PCollection<ParsedDelivery>, PCollectionTuple> {
  public static final TupleTag<MeetingEvent> EVENTS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  public static SplitDeliveries create() {
    return new SplitDeliveries();
  }

  @Override
  public PCollectionTuple expand(PCollection<ParsedDelivery> input) {
    PCollectionTuple out = input.apply("Split", ParDo.of(new SplitFn())
        .withOutputTags(EVENTS, TupleTagList.of(DEAD_LETTERS)));
    out.get(EVENTS).setCoder(RecordCoders.of(MeetingEvent.class));
    out.get(DEAD_LETTERS).setCoder(RecordCoders.of(DeadLetter.class));
    return out;
  }

  private static final class SplitFn extends DoFn<ParsedDelivery, MeetingEvent> {
    private final Counter deliveries = Metrics.counter("stream", "deliveries");
    private final Counter events = Metrics.counter("stream", "events");
    private final Counter ignored = Metrics.counter("stream", "events_ignored");
    private final Counter deadLetters = Metrics.counter("stream", "parse_dead_letters");

    @ProcessElement
    public void process(@Element ParsedDelivery d, MultiOutputReceiver out) {
      deliveries.inc();
      if (d.deadLetter() != null) {
        deadLetters.inc();
        out.get(DEAD_LETTERS).output(d.deadLetter());
      } else if (StreamEvents.isActivity(d.event()) && d.event().meetingKey() != null) {
        events.inc();
        out.get(EVENTS).output(d.event());
      } else {
        ignored.inc();
      }
    }
  }
}
