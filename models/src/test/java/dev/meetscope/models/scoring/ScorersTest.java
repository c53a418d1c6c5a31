package dev.meetscope.models.scoring;

import static dev.meetscope.models.scoring.ScoringFixtures.item;
import static dev.meetscope.models.scoring.ScoringFixtures.meeting;
import static dev.meetscope.models.scoring.ScoringFixtures.minute;
import static dev.meetscope.models.scoring.ScoringFixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.EngagementDrop;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ScoreComponent;
import dev.meetscope.models.record.TimelineMinute;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorersTest {
  private static final ScoringProfile DEFAULTS = ScoringProfile.defaults();

  @Test
  void engagementIsTheWeightedMeanOfItsComponents() {
    // attention 0.8; 20 % of speech among 4 who could speak = 0.8 of a fair share; medium chat 0.8;
    // 2 of 3 questions; sentiment 0.4 → tone 0.8.
    WeightedScore s = new EngagementScorer(DEFAULTS).score(person("a", 1800L, 0.8, 20.0, "medium", 2, 0.4), 4);
    assertEquals(100 * (0.35 * 0.8 + 0.25 * 0.8 + 0.15 * 0.8 + 0.10 * 2 / 3.0 + 0.15 * 0.8), s.score(), 1e-5);
    assertEquals(0.8, s.value("speaking"), 1e-9);
    assertEquals(0.666667, s.value("questions"));
    assertEquals(s.score(), s.parts().stream().mapToDouble(WeightedScore.Part::points).sum(), 1e-5);
  }

  @Test
  void missingComponentsAreLeftOutAndTheOthersReweighted() {
    // No transcript (no speaking share, no sentiment): attention, chat and questions carry the score.
    WeightedScore s = new EngagementScorer(DEFAULTS).score(person("a", 1800L, 0.8, null, "medium", 2, null), 4);
    assertEquals(100 * (0.35 * 0.8 + 0.15 * 0.8 + 0.10 * 2 / 3.0) / 0.60, s.score(), 1e-5);
    assertNull(s.value("speaking"));
    assertNull(s.parts().get(1).points());
    assertNull(new EngagementScorer(DEFAULTS).score(person("a", null, null, null, null, null, null), 4).score());
  }

  @Test
  void speakingBeyondAFairShareAndPositiveToneSaturate() {
    WeightedScore s = new EngagementScorer(DEFAULTS).score(person("a", 1800L, 1.0, 90.0, "high", 7, 0.9), 4);
    assertEquals(100.0, s.score(), 1e-9);
  }

  @Test
  void theIndexDipsWhereActivityDipsAndASustainedDipIsADrop() {
    List<TimelineMinute> minutes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      boolean quiet = i >= 15 && i < 20;
      minutes.add(minute(i, 10, quiet ? 0 : 3 + i % 2, quiet ? 0 : 40 + i % 3, quiet ? 0 : 2, 0));
    }
    Double[] index = MinuteEngagement.index(minutes);
    assertTrue(index[16] < index[10] * 0.7, index[16] + " vs " + index[10]);
    List<EngagementDrop> drops = MinuteEngagement.drops(minutes, index, DEFAULTS);
    assertEquals(1, drops.size(), drops.toString());
    assertEquals(15, drops.get(0).startMinute());
    assertTrue(drops.get(0).endMinute() >= 17 && drops.get(0).endMinute() <= 19, drops.toString());
    assertTrue(drops.get(0).dropPct() >= 30, drops.toString());
  }

  @Test
  void aShortDipIsNotADropAndNoSignalsMeanNoIndex() {
    List<TimelineMinute> minutes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      boolean quiet = i == 15 || i == 16;
      minutes.add(minute(i, 10, quiet ? 0 : 3, quiet ? 0 : 40, quiet ? 0 : 2, 0));
    }
    assertEquals(List.of(), MinuteEngagement.drops(minutes, MinuteEngagement.index(minutes), DEFAULTS));
    TimelineMinute empty = new TimelineMinute("m1", 0, null, null, null, null, null, null, null, null, null, null,
        null, null, "1.0.0");
    assertNull(MinuteEngagement.index(List.of(empty, empty))[0]);
  }

  @Test
  void effectivenessCombinesBalanceEngagementAnswersClarityAndPenalties() {
    MeetingSummary m = meeting(0.3, 4, 0.75, 90.0, 1800L, List.of(item(true), item(false)));
    WeightedScore s = new EffectivenessScorer(DEFAULTS).score(m, 60.0, List.of(new EngagementDrop(10, 12, 40.0)), 30);
    double expected = 100 * (0.25 * 0.7 + 0.30 * 0.6 + 0.15 * 0.75 + 0.10 * 0.5 + 0.10 * (1 - 90.0 / 1800 / 0.10)
        + 0.10 * (1 - 3 / 30.0));
    assertEquals(expected, s.score(), 1e-5);
    // No questions asked: answered is not a component rather than 0.
    assertNull(new EffectivenessScorer(DEFAULTS).score(meeting(0.3, 0, null, 0.0, 1800L, null), 60.0, List.of(), 30)
        .value("questions_answered"));
  }

  @Test
  void theMeetingScorerFillsEveryScoreColumnAndExplainsEachScore() {
    List<ParticipantMeeting> people = List.of(person("a", 1800L, 0.9, 60.0, "high", 3, 0.6),
        person("b", 1800L, 0.7, 40.0, "low", 1, 0.5), person("c", 0L, 0.0, null, "none", 0, null));
    List<TimelineMinute> minutes = new ArrayList<>();
    for (int i = 29; i >= 0; i--) {
      minutes.add(minute(i, 3, i % 3 == 0 ? 1 : 2, 30 + i % 5, i % 4, 0));
    }
    MeetingScorer.Scored s = new MeetingScorer(DEFAULTS, "1.1.0")
        .score(meeting(0.2, 4, 0.5, 0.0, 1800L, List.of(item(true))), people, minutes);
    assertEquals(3, s.people().size());
    s.people().forEach(p -> assertEquals("1.1.0", p.metricsVersion()));
    double mean = s.people().stream().mapToDouble(ParticipantMeeting::engagementScore).average().orElseThrow();
    assertEquals(mean, s.meeting().engagementMean(), 1e-5);
    assertEquals(0, s.minutes().get(0).minuteIndex());
    assertTrue(s.minutes().stream().allMatch(m -> m.engagementIndex() != null));
    // 5 engagement components per person + 6 effectiveness components; points add up to each score.
    assertEquals(3 * 5 + 6, s.components().size());
    for (ParticipantMeeting p : s.people()) {
      double points = s.components().stream().filter(c -> p.participantKey().equals(c.participantKey())
          && c.points() != null).mapToDouble(ScoreComponent::points).sum();
      assertEquals(p.engagementScore(), points, 1e-4);
    }
    double effPoints = s.components().stream().filter(c -> c.participantKey() == null && c.points() != null)
        .mapToDouble(ScoreComponent::points).sum();
    assertEquals(s.meeting().effectivenessScore(), effPoints, 1e-4);
    assertTrue(s.components().stream().allMatch(c -> c.scoringProfile().equals(DEFAULTS.id())));
    assertTrue(s.meeting().summary().startsWith("\"Launch review\" (30 min, 4 people): effectiveness "),
        s.meeting().summary());
    assertTrue(s.meeting().summary().contains("1 action item, 1 clear."), s.meeting().summary());
  }
}
