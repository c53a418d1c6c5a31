package dev.meetscope.transforms.analytics;

import dev.meetscope.models.analytics.aggregate.PersonContribution;
import dev.meetscope.models.analytics.aggregate.TimelineAccumulator;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * Sums people's per-minute tallies into a {@link TimelineAccumulator} (one entry per minute of the meeting,
 * whatever its size). The output is the accumulator; {@code meeting_timeline} rows are extracted once the
 * meeting's context is joined.
 */
public final class TimelineTotalsFn
    extends CombineFn<PersonContribution, TimelineAccumulator, TimelineAccumulator> {
  static final Coder<TimelineAccumulator> CODER = AccumulatorCoder.of(TimelineAccumulator.class);

  @Override
  public TimelineAccumulator createAccumulator() {
    return new TimelineAccumulator();
  }

  @Override
  public TimelineAccumulator addInput(TimelineAccumulator acc, PersonContribution person) {
    acc.add(person);
    return acc;
  }

  @Override
  public TimelineAccumulator mergeAccumulators(Iterable<TimelineAccumulator> accumulators) {
    TimelineAccumulator out = new TimelineAccumulator();
    for (TimelineAccumulator a : accumulators) {
      out.merge(a);
    }
    return out;
  }

  @Override
  public TimelineAccumulator extractOutput(TimelineAccumulator acc) {
    return acc;
  }

  @Override
  public Coder<TimelineAccumulator> getAccumulatorCoder(CoderRegistry registry,
      Coder<PersonContribution> inputCoder) {
    return CODER;
  }

  @Override
  public Coder<TimelineAccumulator> getDefaultOutputCoder(CoderRegistry registry,
      Coder<PersonContribution> inputCoder) {
    return CODER;
  }
}
