package dev.meetscope.transforms.scoring;

import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.PersonWeek;
import dev.meetscope.models.scoring.Longitudinal;
import dev.meetscope.models.scoring.Longitudinal.Attended;
import dev.meetscope.models.scoring.Longitudinal.MeetingFacts;
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

/** The cross-meeting views in Beam equal {@link Longitudinal} on the same rows. */
public class AnalyzeAcrossMeetingsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static MeetingSummary meeting(String key, String id, int day, int participants, Double effectiveness) {
    return new MeetingSummary(key, id, "Standup", Instant.parse("2026-03-02T09:00:00Z").plusSeconds(86_400L * day),
        null, 900L, null, participants, null, null, 0.9, null, null, null, null, null, List.of(), null, null, null,
        null, List.of(), List.of(), List.of(), null, 55.0, effectiveness, "s", List.of(), 0.9, "1.1.0");
  }

  private static ParticipantMeeting person(String meeting, String key, boolean host, double speakingPct) {
    return new ParticipantMeeting(meeting, key, null, null, host, null, null, 900L, 1.0, 1, 0, 0L, 0L, 1.0, 60.0,
        speakingPct, 3, 100, 100.0, 30.0, 0, 1, 0, 0, 1, 0, 0, 0, 0, null, "low", 0.6, null, 70.0 + speakingPct / 10,
        1.0, 1.0, 0.5, 0.33, 1.0, "exact", List.of(), 1.0, "1.1.0");
  }

  @Test
  public void seriesAnomaliesAndWeeksEqualThePlainComputation() {
    ScoringProfile profile = ScoringProfile.defaults();
    List<MeetingSummary> meetings = new ArrayList<>();
    List<ParticipantMeeting> people = new ArrayList<>();
    for (int day = 0; day < 9; day++) {
      String key = "m" + day;
      meetings.add(meeting(key, "812", day, day == 8 ? 3 : 12, day >= 5 ? 30.0 : 60.0));
      people.add(person(key, "host-key", true, 40.0 + day));
      people.add(person(key, "ada-key", false, 20.0 - day));
    }
    meetings.add(meeting("adhoc", null, 1, 4, null));
    people.add(person("adhoc", "ada-key", true, 90.0));
    // 40 more people in one meeting of each week: person-weeks are grouped in hash buckets, so several people
    // share a group and must still come out one row each.
    List<String> everyone = new ArrayList<>(List.of("host-key", "ada-key"));
    for (int i = 0; i < 40; i++) {
      everyone.add("p" + i);
      people.add(person("m1", "p" + i, false, i));
      people.add(person("m7", "p" + i, false, 40 - i));
    }

    PCollectionTuple in = PCollectionTuple
        .of(ScoreMeetings.MEETINGS, pipeline.apply("Meetings",
            Create.of(meetings).withCoder(RecordCoders.of(MeetingSummary.class))))
        .and(ScoreMeetings.PARTICIPANTS, pipeline.apply("People",
            Create.of(people).withCoder(RecordCoders.of(ParticipantMeeting.class))));
    PCollectionTuple out = in.apply(AnalyzeAcrossMeetings.with(profile, "1.1.0"));

    List<MeetingFacts> facts = new ArrayList<>();
    for (MeetingSummary m : meetings) {
      String host = people.stream().filter(p -> p.meetingKey().equals(m.meetingKey()) && p.isHost())
          .map(ParticipantMeeting::participantKey).findFirst().orElse(null);
      facts.add(MeetingFacts.of(m, host));
    }
    PAssert.that(out.get(AnalyzeAcrossMeetings.SERIES)).containsInAnyOrder(Longitudinal.seriesTrend(
        facts.stream().filter(f -> "812".equals(f.meetingId())).toList(), profile, "1.1.0"));
    List<MeetingAnomaly> anomalies = Longitudinal.anomalies(facts, profile, "1.1.0");
    PAssert.that(out.get(AnalyzeAcrossMeetings.ANOMALIES)).containsInAnyOrder(anomalies);

    List<PersonWeek> weeks = new ArrayList<>();
    for (String person : everyone) {
      for (String week : List.of("2026-W10", "2026-W11")) {
        List<Attended> attended = new ArrayList<>();
        for (ParticipantMeeting p : people) {
          MeetingSummary m = meetings.stream().filter(x -> x.meetingKey().equals(p.meetingKey())).findFirst()
              .orElseThrow();
          if (p.participantKey().equals(person) && Longitudinal.isoWeek(m.meetingStart()).equals(week)) {
            attended.add(new Attended(m.meetingStart(), p));
          }
        }
        weeks.add(Longitudinal.personWeek(person, week, attended, "1.1.0"));
      }
    }
    PAssert.that(out.get(AnalyzeAcrossMeetings.PERSON_WEEKS)).containsInAnyOrder(weeks);
    pipeline.run().waitUntilFinish();
    // The fixture is built so the checks above are not vacuous.
    if (anomalies.isEmpty() || weeks.stream().noneMatch(w -> w.speakingPctTrend() != null)) {
      throw new AssertionError("fixture has no anomaly or no trend: " + anomalies + weeks);
    }
  }
}
