package dev.meetscope.transforms.scoring;

import dev.meetscope.models.record.ActionItem;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.scoring.MeetingScorer;
import dev.meetscope.models.scoring.ScoringProfile;
import dev.meetscope.transforms.schema.RecordCoders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;

/** The distributed scoring equals the one-meeting-at-a-time {@link MeetingScorer} on the same rows. */
public class ScoreMeetingsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static ParticipantMeeting person(String meeting, String key, Long attended, Double attention,
      Double speakingPct, String chat, Integer questions, Double sentiment) {
    return new ParticipantMeeting(meeting, key, null, null, false, null, null, attended, null, null, null, null,
        null, attention, null, speakingPct, null, null, null, null, null, questions, null, null, null, null, null,
        null, null, null, chat, sentiment, null, null, null, null, null, null, null, "exact", List.of(), 0.9,
        "1.0.0");
  }

  private static MeetingSummary meeting(String key, Double gini) {
    return new MeetingSummary(key, "812", "Sync " + key, Instant.parse("2026-03-02T15:00:00Z"),
        Instant.parse("2026-03-02T15:20:00Z"), 1200L, "report/report", 3, 3, 0, 0.9, 600.0, 0.5, gini, 0.8, 12.0,
        List.of(), 0, 2, 0.5, 4, List.of(), null, List.of(new ActionItem("I will send it by Friday", "a", null,
            "by Friday", true, null)), null, null, null, null, List.of(), 0.9, "1.0.0");
  }

  private static List<TimelineMinute> minutes(String meeting) {
    List<TimelineMinute> minutes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      boolean quiet = i >= 10 && i < 15;
      minutes.add(new TimelineMinute(meeting, i, null, 3, 0, 0, quiet ? 0 : 2, quiet ? 0.0 : 35.0 + i % 4,
          quiet ? 0 : 1 + i % 2, 0, 0, null, null, null, "1.0.0"));
    }
    return minutes;
  }

  @Test
  public void scoresEqualTheOneMeetingScorerAndMinutesWithoutAMeetingRowStillGetTheirIndex() {
    ScoringProfile profile = ScoringProfile.defaults();
    List<ParticipantMeeting> m1 = List.of(person("m1", "a", 1200L, 0.9, 70.0, "high", 2, 0.6),
        person("m1", "b", 1200L, 0.8, 30.0, "low", 0, 0.4), person("m1", "c", 0L, 0.0, null, "none", 0, null));
    List<ParticipantMeeting> m2 = List.of(person("m2", "d", 600L, 0.5, null, null, null, null));
    List<ParticipantMeeting> people = new ArrayList<>(m1);
    people.addAll(m2);
    List<TimelineMinute> timeline = new ArrayList<>(minutes("m1"));
    timeline.addAll(minutes("orphan"));

    PCollectionTuple in = PCollectionTuple
        .of(ScoreMeetings.PARTICIPANTS, pipeline.apply("People",
            Create.of(people).withCoder(RecordCoders.of(ParticipantMeeting.class))))
        .and(ScoreMeetings.MEETINGS, pipeline.apply("Meetings",
            Create.of(meeting("m1", 0.4), meeting("m2", null)).withCoder(RecordCoders.of(MeetingSummary.class))))
        .and(ScoreMeetings.TIMELINE, pipeline.apply("Timeline",
            Create.of(timeline).withCoder(RecordCoders.of(TimelineMinute.class))));
    PCollectionTuple out = in.apply(ScoreMeetings.with(profile, "1.1.0"));

    MeetingScorer scorer = new MeetingScorer(profile, "1.1.0");
    MeetingScorer.Scored s1 = scorer.score(meeting("m1", 0.4), m1, minutes("m1"));
    MeetingScorer.Scored s2 = scorer.score(meeting("m2", null), m2, List.of());
    MeetingScorer.Scored orphan = scorer.score(null, List.of(), minutes("orphan"));

    List<ParticipantMeeting> expectedPeople = new ArrayList<>(s1.people());
    expectedPeople.addAll(s2.people());
    PAssert.that(out.get(ScoreMeetings.PARTICIPANTS)).containsInAnyOrder(expectedPeople);
    PAssert.that(out.get(ScoreMeetings.MEETINGS)).containsInAnyOrder(s1.meeting(), s2.meeting());
    List<TimelineMinute> expectedMinutes = new ArrayList<>(s1.minutes());
    expectedMinutes.addAll(orphan.minutes());
    PAssert.that(out.get(ScoreMeetings.TIMELINE)).containsInAnyOrder(expectedMinutes);
    List<Object> expectedComponents = new ArrayList<>(s1.components());
    expectedComponents.addAll(s2.components());
    PAssert.that(out.get(ScoreMeetings.COMPONENTS)).containsInAnyOrder(
        expectedComponents.stream().map(c -> (dev.meetscope.models.record.ScoreComponent) c).toList());
    pipeline.run().waitUntilFinish();
  }
}
