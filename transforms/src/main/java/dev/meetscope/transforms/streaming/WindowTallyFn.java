package dev.meetscope.transforms.streaming;

import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.stream.StreamEvents;
import dev.meetscope.models.stream.WindowTally;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;

/** The windowed combine of a meeting's events: {@link WindowTally} as a Beam {@code CombineFn}. */
final class WindowTallyFn extends Combine.CombineFn<MeetingEvent, WindowTally, WindowTally> {
  private final long periodMs;

  WindowTallyFn(long periodMs) {
    this.periodMs = periodMs;
  }

  @Override
  public WindowTally createAccumulator() {
    return new WindowTally(periodMs);
  }

  @Override
  public WindowTally addInput(WindowTally acc, MeetingEvent e) {
    return acc.add(e, StreamEvents.eventTime(e).toEpochMilli());
  }

  @Override
  public WindowTally mergeAccumulators(Iterable<WindowTally> accumulators) {
    WindowTally out = new WindowTally(periodMs);
    for (WindowTally a : accumulators) {
      out.merge(a);
    }
    return out;
  }

  @Override
  public WindowTally extractOutput(WindowTally acc) {
    // A copy: the runner may keep adding to the accumulator of an accumulating window.
    return new WindowTally(periodMs).merge(acc);
  }

  @Override
  public Coder<WindowTally> getAccumulatorCoder(CoderRegistry registry, Coder<MeetingEvent> inputCoder)
      throws CannotProvideCoderException {
    return SerializableCoder.of(WindowTally.class);
  }

  @Override
  public Coder<WindowTally> getDefaultOutputCoder(CoderRegistry registry, Coder<MeetingEvent> inputCoder)
      throws CannotProvideCoderException {
    return SerializableCoder.of(WindowTally.class);
  }
}
