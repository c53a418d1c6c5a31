package dev.meetscope.transforms.nlp;

import dev.meetscope.models.analytics.LabelPerson;
import dev.meetscope.models.record.ActionItem;
import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.PersonText;
import dev.meetscope.models.record.PersonTopicWords;
import dev.meetscope.models.record.TextMinute;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.transforms.schema.RecordCoders;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;

/** The join of text results into the analytics rows: every output row asserted exactly. */
public class JoinMeetingTextTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  /** {@code words} null: a meeting without transcript and chat. */
  private static ParticipantMeeting person(String meeting, String key, String name, Integer words) {
    return new ParticipantMeeting(meeting, key, name, null, false, null, null, 3000L, 0.83, 1, 0, 0L, 0L, 0.83,
        words == null ? null : 60.0, 50.0, 4, words, 10.0, 60.0, 0, 1, 0, 0, words == null ? null : 0, 0, 0, 0, 0, null, "none", null,
        null, null, null, null, null, null, null, "exact", List.of(), 1.0, "1.0.0");
  }

  private static PersonText text(String meeting, String label, Double avg, int weight, PersonTopicWords... topics) {
    return new PersonText(meeting, label, avg, weight, 100, List.of(), List.of(topics), "1.0.0");
  }

  private static TimelineMinute minute(String meeting, int i) {
    return new TimelineMinute(meeting, i, T0.plusSeconds(60L * i), 3, 0, 0, 1, 30.0, 0, 0, 0, null, null, null,
        "1.0.0");
  }

  private static MeetingSummary meeting(String key, Integer questions) {
    return new MeetingSummary(key, "812", "Weekly", T0, T0.plusSeconds(180), 180L, "manifest/report", 2, 2, 0,
        0.9, 120.0, null, 0.1, 0.9, 0.0, List.of(), 0, questions, null, 0, List.of(), null, null, null, null, null,
        null, List.of(), 1.0, "1.0.0");
  }

  private <T> PCollection<T> of(String name, Class<T> type, List<T> rows) {
    return pipeline.apply(name, Create.of(rows).withCoder(RecordCoders.of(type)));
  }

  @Test
  public void textResultsLandOnTheirPersonMinuteAndMeetingAndEveryRowComesOutOnce() {
    PersonTopicWords budget1 = new PersonTopicWords(1, "budget, forecast", 40, 1000);
    PersonTopicWords budget2 = new PersonTopicWords(1, "budget, forecast", 30, 1000);
    PCollectionTuple input = PCollectionTuple
        .of(JoinMeetingText.PARTICIPANTS, of("People", ParticipantMeeting.class, List.of(
            person("m1", "uid:A", "Ada Example", 120), person("m1", "uid:G", "Grace Sample", 0),
            person("m2", "uid:L", "Lee", null))))
        .and(JoinMeetingText.LABELS, of("Labels", LabelPerson.class, List.of(
            new LabelPerson("m1", "Ada Example", "uid:A"), new LabelPerson("m1", "Ada (iPhone)", "uid:A"),
            new LabelPerson("m1", "Grace Sample", "uid:G"))))
        .and(JoinMeetingText.PERSON_TEXT, of("Texts", PersonText.class, List.of(
            text("m1", "Ada Example", 0.8, 30, budget1), text("m1", "Ada (iPhone)", 0.2, 10, budget2),
            text("m1", "Ghost", 0.1, 50))))
        .and(JoinMeetingText.TIMELINE, of("Timeline", TimelineMinute.class, List.of(
            minute("m1", 0), minute("m1", 1), minute("m2", 0))))
        .and(JoinMeetingText.TEXT_MINUTES, of("TextMinutes", TextMinute.class, List.of(
            new TextMinute("m1", 1, T0.plusSeconds(60), 0.65, 40, 1), new TextMinute("m1", 7, null, 0.5, 3, null))))
        .and(JoinMeetingText.MEETINGS, of("Meetings", MeetingSummary.class, List.of(
            meeting("m1", 2), meeting("m2", null))))
        .and(JoinMeetingText.MEETING_TOPICS, of("Topics", MeetingTopic.class, List.of(
            new MeetingTopic("m1", 1, "budget, forecast", List.of("budget"), 1000, 1.0, 1, List.of(), List.of(),
                "1.0.0"))))
        .and(JoinMeetingText.ACTION_ITEMS, of("Items", ActionItemRow.class, List.of(
            new ActionItemRow("m1", "utterance", "t.vtt", 9, "Grace Sample", T0.plusSeconds(70), 70_000L,
                "Ada, can you send the deck by Friday?", "send the deck", "Ada", false, "by Friday", true, "request",
                "1.0.0"))));

    PCollectionTuple out = input.apply(JoinMeetingText.create());

    // Ada: two labels, (0.8·30 + 0.2·10) / 40 = 0.65; 40 + 30 = 70 words ≥ 60 in "budget, forecast".
    PAssert.that(out.get(JoinMeetingText.PARTICIPANTS)).containsInAnyOrder(
        person("m1", "uid:A", "Ada Example", 120).withText(0.65, List.of("budget, forecast")),
        person("m1", "uid:G", "Grace Sample", 0).withText(null, List.of()),
        person("m2", "uid:L", "Lee", null));
    PAssert.that(out.get(JoinMeetingText.TIMELINE)).containsInAnyOrder(
        minute("m1", 0), minute("m1", 1).withText(0.65, 1), minute("m2", 0));
    PAssert.that(out.get(JoinMeetingText.MEETINGS)).containsInAnyOrder(
        meeting("m1", 2).withText(List.of(new ActionItem("Ada, can you send the deck by Friday?", "uid:A", "Ada",
            "by Friday", true, T0.plusSeconds(70))), List.of("budget, forecast")),
        meeting("m2", null));
    pipeline.run().waitUntilFinish();
  }
}
