package dev.meetscope.transforms.streaming;

import static dev.meetscope.transforms.streaming.StreamEvents.at;
import static dev.meetscope.transforms.streaming.StreamEvents.chat;
import static dev.meetscope.transforms.streaming.StreamEvents.ended;
import static dev.meetscope.transforms.streaming.StreamEvents.join;
import static dev.meetscope.transforms.streaming.StreamEvents.joda;
import static dev.meetscope.transforms.streaming.StreamEvents.leave;
import static dev.meetscope.transforms.streaming.StreamEvents.leaveAtEnd;
import static dev.meetscope.transforms.streaming.StreamEvents.seconds;
import static dev.meetscope.transforms.streaming.StreamEvents.started;
import static dev.meetscope.transforms.streaming.StreamEvents.timed;
import static org.junit.Assert.assertEquals;

import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.models.record.LiveWindowStats;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.transforms.schema.RecordCoders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/**
 * The streaming core under {@link TestStream}: on-time, early, late and too-late events, duplicates, final
 * rows at {@code meeting.ended}, and drop-off alerts. Processing time and the watermark are driven by the
 * test; nothing sleeps or reads the clock.
 */
public class StreamCoreTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** 60 s windows every 10 s, early panes 2 s after a pane's first event, no fan-out (exact pane counts). */
  static final StreamSettings SETTINGS = StreamSettings.defaults().withHotKeyFanout(1);

  private PCollectionTuple run(TestStream<MeetingEvent> events, StreamSettings settings) {
    return pipeline.apply(events).apply(StreamCore.with(settings, AnalyticsSettings.defaults()));
  }

  private static TestStream.Builder<MeetingEvent> stream() {
    return TestStream.create(RecordCoders.of(MeetingEvent.class)).advanceWatermarkTo(joda(at(0, 0)));
  }

  private static IntervalWindow window(int startMinute, int startSecond) {
    return new IntervalWindow(joda(at(startMinute, startSecond)), joda(at(startMinute, startSecond + 60)));
  }

  /** timing:index:events:joins:leaves:chat:questions:reactions:chatters of the events new in a pane. */
  private static PCollection<String> panes(PCollectionTuple out) {
    return out.get(StreamCore.PANES).apply(Values.create())
        .apply("Describe", MapElements.into(TypeDescriptors.strings()).via((LivePane p) -> p.paneTiming() + ":"
            + p.paneIndex() + ":" + p.delta().events() + ":" + p.delta().joins() + ":" + p.delta().leaves() + ":"
            + p.delta().chatMessages() + ":" + p.delta().questions() + ":" + p.delta().reactions() + ":"
            + p.delta().activeChatters()));
  }

  private static PCollection<LiveWindowStats> onTime(PCollectionTuple out) {
    return out.get(StreamCore.LIVE).apply("OnTimeOnly", Filter.by((LiveWindowStats s) -> s.paneTiming().equals("ON_TIME")));
  }

  private static long counter(PipelineResult result, String name) {
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("stream", name)).build());
    long total = 0;
    for (MetricResult<Long> c : q.getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }

  private static LiveWindowStats stats(Instant start, String timing, long index, int present, int presentAtStart,
      int joins, int leaves, int departures, int chat, int questions, int reactions, int chatters, Double engagement,
      long events, Instant maxEvent, boolean dropoff) {
    return new LiveWindowStats(StreamEvents.UUID, "81234567890", start, start.plusSeconds(60), timing, index,
        present, presentAtStart, joins, leaves, departures, chat, questions, reactions, chatters, null, engagement,
        events, maxEvent, dropoff, MetricsVersion.CURRENT);
  }

  @Test
  public void earlyAndOnTimePanesCountEachDeliveryOnce() {
    TestStream<MeetingEvent> events = stream()
        .addElements(timed(join("Ada Example", "101", at(0, 1))), timed(join("Grace Sample", "102", at(0, 3))),
            // Zoom's retry of Ada's join: same request id, same body.
            timed(join("Ada Example", "101", at(0, 1))))
        .advanceProcessingTime(seconds(3))
        .addElements(timed(chat("Ada Example", at(0, 5), "chat_question")),
            timed(chat("José Núñez", at(0, 6), "chat_emoji_only")))
        .advanceWatermarkTo(joda(at(1, 0)))
        .advanceWatermarkToInfinity();
    PCollectionTuple out = run(events, SETTINGS);
    PCollection<String> panes = panes(out);

    // Window panes carry what is new since the window's previous pane; the live stats accumulate them.
    PAssert.that(panes).inWindow(window(0, 0))
        .containsInAnyOrder("EARLY:0:2:2:0:0:0:0:0", "ON_TIME:1:2:0:0:1:1:1:2");
    PAssert.that(panes).inOnTimePane(window(0, 0)).containsInAnyOrder("ON_TIME:1:2:0:0:1:1:1:2");
    PAssert.that(panes).inEarlyPane(window(-1, 10)).containsInAnyOrder("EARLY:0:2:2:0:0:0:0:0");
    // Each event is in six windows: [-0:50, 0:10) holds them all as well.
    PAssert.that(panes).inOnTimePane(window(-1, 10)).containsInAnyOrder("ON_TIME:1:2:0:0:1:1:1:2");
    PAssert.that(onTime(out).apply("OnlyFirstMinute",
            Filter.by((LiveWindowStats s) -> s.windowStart().equals(at(0, 0)))))
        .containsInAnyOrder(stats(at(0, 0), "ON_TIME", 1, 2, 0, 2, 0, 0, 1, 1, 1, 2, 100.0, 4, at(0, 6), false));

    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(1, counter(result, "duplicates"));
    assertEquals(4, counter(result, "accepted"));
  }

  @Test
  public void lateEventsUpdateTheirPanesAndTooLateOnesAreDeadLetters() {
    TestStream<MeetingEvent> events = stream()
        .addElements(timed(join("Ada Example", "101", at(0, 5))), timed(join("Grace Sample", "102", at(0, 6))),
            timed(join("Lee Placeholder", "103", at(0, 7))))
        .advanceWatermarkTo(joda(at(3, 0)))
        // Within the allowed lateness (5 min behind a watermark of 3:00): updates the first minute.
        .addElements(timed(join("Dana Host", "104", at(0, 8))))
        .advanceProcessingTime(seconds(3))
        .advanceWatermarkTo(joda(at(10, 0)))
        // 9 minutes behind the watermark: too late.
        .addElements(timed(join("José Núñez", "105", at(1, 0))))
        .advanceProcessingTime(seconds(3))
        .advanceWatermarkToInfinity();
    PCollectionTuple out = run(events, SETTINGS);
    PCollection<String> panes = panes(out);

    PAssert.that(panes).inWindow(window(0, 0))
        .containsInAnyOrder("ON_TIME:0:3:3:0:0:0:0:0", "LATE:1:1:1:0:0:0:0:0");
    PAssert.that(panes).inLatePane(window(0, 0)).containsInAnyOrder("LATE:1:1:1:0:0:0:0:0");
    PAssert.that(panes).inWindow(window(0, 50)).empty();
    PAssert.that(out.get(StreamCore.LIVE).apply("FirstMinute",
            Filter.by((LiveWindowStats s) -> s.windowStart().equals(at(0, 0)))))
        .containsInAnyOrder(
            stats(at(0, 0), "ON_TIME", 0, 3, 0, 3, 0, 0, 0, 0, 0, 0, 0.0, 3, at(0, 7), false),
            stats(at(0, 0), "LATE", 1, 4, 0, 4, 0, 0, 0, 0, 0, 0, 0.0, 4, at(0, 8), false));
    PAssert.that(out.get(StreamCore.DEAD_LETTERS).apply("Reasons",
            MapElements.into(TypeDescriptors.strings()).via((DeadLetter d) -> d.reason() + " " + d.sourceLine())))
        .containsInAnyOrder("STREAM_TOO_LATE " + at(1, 0).getEpochSecond() % 100_000);
    // The final rows count the late join but not the too-late one.
    PAssert.that(out.get(StreamCore.MEETINGS).apply("Participants",
            MapElements.into(TypeDescriptors.integers()).via(MeetingSummary::participants)))
        .containsInAnyOrder(4);

    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(1, counter(result, "too_late"));
    assertEquals(4, counter(result, "accepted"));
  }

  @Test
  public void finalRowsAfterMeetingEndedIncludeStragglersAndLaterOnesAreDeadLetters() {
    TestStream<MeetingEvent> events = stream()
        .addElements(timed(started()), timed(join("Ada Example", "101", at(0, 0))),
            timed(join("Grace Sample", "102", at(0, 30))), timed(leave("Grace Sample", "102", at(10, 0))))
        .advanceWatermarkTo(joda(at(20, 0)))
        .addElements(timed(ended(at(30, 0))))
        .advanceWatermarkTo(joda(at(30, 20)))
        // Zoom sends participant_left after meeting.ended: within the grace minute it still counts.
        .addElements(timed(leaveAtEnd("Ada Example", "101", at(30, 0))))
        .advanceWatermarkTo(joda(at(32, 0)))
        // After the final rows: a dead letter, not a second meeting row.
        .addElements(timed(chat("Ada Example", at(30, 5))))
        .advanceWatermarkToInfinity();
    PCollectionTuple out = run(events, SETTINGS);

    PAssert.that(out.get(StreamCore.PARTICIPANTS).apply("Rows", MapElements.into(TypeDescriptors.strings())
            .via((ParticipantMeeting p) -> p.displayName() + " " + p.attendedSeconds() + " " + p.sessions())))
        .containsInAnyOrder("Ada Example 1800 1", "Grace Sample 570 1");
    PAssert.that(out.get(StreamCore.MEETINGS).apply("Meeting", MapElements.into(TypeDescriptors.strings())
            .via((MeetingSummary m) -> m.meetingKey() + " " + m.meetingStart() + " " + m.meetingEnd() + " "
                + m.participants() + " " + m.peakConcurrent())))
        .containsInAnyOrder(StreamEvents.UUID + " " + at(0, 0) + " " + at(30, 0) + " 2 2");
    PAssert.that(out.get(StreamCore.TIMELINE).apply("Minutes",
            MapElements.into(TypeDescriptors.integers()).via(m -> m.minuteIndex()))).satisfies(minutes -> {
              List<Integer> list = new ArrayList<>();
              minutes.forEach(list::add);
              assertEquals(30, list.size());
              return null;
            });
    PAssert.that(out.get(StreamCore.DEAD_LETTERS).apply("Reasons",
            MapElements.into(TypeDescriptors.strings()).via(DeadLetter::reason)))
        .containsInAnyOrder("STREAM_MEETING_CLOSED");
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aMassDropOffRaisesOneAlert() {
    TestStream.Builder<MeetingEvent> b = stream();
    for (int i = 0; i < 20; i++) {
      b = b.addElements(timed(join("Person " + i, "2" + i, at(0, i))));
    }
    for (int i = 0; i < 5; i++) {
      b = b.addElements(timed(leave("Person " + i, "2" + i, at(5, i))));
    }
    // Leaving because the host ended the meeting is not a drop-off.
    for (int i = 5; i < 20; i++) {
      b = b.addElements(timed(leaveAtEnd("Person " + i, "2" + i, at(9, 0))));
    }
    PCollectionTuple out = run(b.advanceWatermarkToInfinity(), SETTINGS);
    PCollection<LiveWindowStats> onTime = onTime(out);

    PAssert.that(out.get(StreamCore.ALERTS)).containsInAnyOrder(new DropoffAlert(StreamEvents.UUID, "81234567890",
        at(4, 10), at(5, 10), 5, 20, 0.25, "ON_TIME", 0L, at(5, 4), MetricsVersion.CURRENT));
    PAssert.that(onTime.apply("Dropping", Filter.by(LiveWindowStats::massDropoff))
            .apply("Starts", MapElements.into(TypeDescriptors.strings()).via(s -> s.windowStart().toString())))
        .containsInAnyOrder(at(4, 10).toString(), at(4, 20).toString(), at(4, 30).toString(),
            at(4, 40).toString(), at(4, 50).toString(), at(5, 0).toString());
    PAssert.that(onTime.apply("AtNine", Filter.by((LiveWindowStats s) -> s.windowStart().equals(at(8, 30))))
            .apply("Present", MapElements.into(TypeDescriptors.strings())
                .via(s -> s.presentAtStart() + "->" + s.present() + " departures " + s.departures())))
        .containsInAnyOrder("15->0 departures 0");
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void fanOutGivesTheSameOnTimeCounts() {
    TestStream.Builder<MeetingEvent> b = stream();
    for (int i = 0; i < 40; i++) {
      b = b.addElements(timed(join("Person " + i, "3" + i, at(0, i))));
      b = b.addElements(timed(chat("Person " + i, at(0, i + 1), i % 3 == 0 ? "chat_question" : "x")));
    }
    PCollectionTuple out = run(b.advanceWatermarkToInfinity(), SETTINGS.withHotKeyFanout(8));
    PAssert.that(onTime(out).apply("FirstMinute", Filter.by((LiveWindowStats s) -> s.windowStart().equals(at(0, 0))))
            .apply("Counts", MapElements.into(TypeDescriptors.strings()).via(s -> s.present() + " " + s.joins() + " "
                + s.chatMessages() + " " + s.questions() + " " + s.activeChatters() + " " + s.events())))
        .containsInAnyOrder("40 40 40 14 40 80");
    pipeline.run().waitUntilFinish();
  }
}
