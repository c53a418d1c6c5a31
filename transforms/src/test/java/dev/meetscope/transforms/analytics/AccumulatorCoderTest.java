package dev.meetscope.transforms.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.MeetingContext;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.analytics.aggregate.MeetingAccumulator;
import dev.meetscope.models.analytics.aggregate.MinuteTally;
import dev.meetscope.models.analytics.aggregate.PersonContribution;
import dev.meetscope.models.analytics.aggregate.TimelineAccumulator;
import dev.meetscope.models.analytics.attendance.Interval;
import java.time.ZoneId;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** Accumulators and the context survive the coder, and compare by encoding. */
class AccumulatorCoderTest {
  private static final MeetingContext CONTEXT = new MeetingContext("m1", "812", "Weekly", new MeetingSpan(0,
      120_000, true, "manifest", "report"), true, true, 1.0, false, 30_000, 1.0, List.of(), 0,
      AnalyticsSettings.defaults().withZone(ZoneId.of("America/New_York")), List.of("host_unknown"));

  private static PersonContribution person(String key, long talkMs) {
    return new PersonContribution(key, false, 1.0, List.of(new Interval(0, 120_000)), List.of(), talkMs, true,
        1, 1, null, List.of(new MinuteTally(0, 1, 1, 0, 1, talkMs, 0, 0, 1), new MinuteTally(1, 1, 0, 0, 0,
            0, 0, 0, 0)));
  }

  @Test
  void accumulatorsRoundTripAndExtractTheSameRows() throws Exception {
    MeetingAccumulator meeting = new MeetingAccumulator();
    TimelineAccumulator timeline = new TimelineAccumulator();
    for (PersonContribution p : List.of(person("uid:A", 20_000), person("uid:B", 10_000))) {
      meeting.add(p);
      timeline.add(p);
    }
    MeetingAccumulator meetingBack = CoderUtils.clone(MeetingTotalsFn.CODER, meeting);
    TimelineAccumulator timelineBack = CoderUtils.clone(TimelineTotalsFn.CODER, timeline);
    assertEquals(meeting.extract(CONTEXT), meetingBack.extract(CONTEXT));
    assertEquals(timeline.extract(CONTEXT), timelineBack.extract(CONTEXT));
    assertEquals(2, meetingBack.extract(CONTEXT).peakConcurrent());

    Coder<MeetingContext> contextCoder = AccumulatorCoder.of(MeetingContext.class);
    assertEquals(CONTEXT, CoderUtils.clone(contextCoder, CONTEXT));
  }

  @Test
  void valuesCompareByEncodingAndTheCoderIsNeverAKey() {
    MeetingAccumulator a = new MeetingAccumulator();
    MeetingAccumulator b = new MeetingAccumulator();
    assertEquals(MeetingTotalsFn.CODER.structuralValue(a), MeetingTotalsFn.CODER.structuralValue(b));
    b.add(person("uid:A", 1_000));
    assertNotEquals(MeetingTotalsFn.CODER.structuralValue(a), MeetingTotalsFn.CODER.structuralValue(b));
    assertThrows(Coder.NonDeterministicException.class, MeetingTotalsFn.CODER::verifyDeterministic);
  }
}
