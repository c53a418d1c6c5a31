package dev.meetscope.transforms.analytics;

import dev.meetscope.models.analytics.aggregate.MeetingAccumulator;
import dev.meetscope.models.analytics.aggregate.PersonContribution;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * Folds people's {@link PersonContribution}s into a {@link MeetingAccumulator}. The output is the merged
 * accumulator itself: the {@code meeting} row needs the meeting's context to be extracted, which is joined
 * afterwards. The accumulator holds counts and histograms, never rows, so combiner lifting and merging keep
 * a 10,000-person meeting small.
 */
public final class MeetingTotalsFn extends CombineFn<PersonContribution, MeetingAccumulator, MeetingAccumulator> {
  static final Coder<MeetingAccumulator> CODER = AccumulatorCoder.of(MeetingAccumulator.class);

  @Override
  public MeetingAccumulator createAccumulator() {
    return new MeetingAccumulator();
  }

  @Override
  public MeetingAccumulator addInput(MeetingAccumulator acc, PersonContribution person) {
    acc.add(person);
    return acc;
  }

  @Override
  public MeetingAccumulator mergeAccumulators(Iterable<MeetingAccumulator> accumulators) {
    return MeetingAccumulator.mergeAll(accumulators);
  }

  @Override
  public MeetingAccumulator extractOutput(MeetingAccumulator acc) {
    return acc;
  }

  @Override
  public Coder<MeetingAccumulator> getAccumulatorCoder(CoderRegistry registry,
      Coder<PersonContribution> inputCoder) {
    return CODER;
  }

  @Override
  public Coder<MeetingAccumulator> getDefaultOutputCoder(CoderRegistry registry,
      Coder<PersonContribution> inputCoder) {
    return CODER;
  }
}
