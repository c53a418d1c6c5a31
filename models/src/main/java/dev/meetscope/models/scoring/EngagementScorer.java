package dev.meetscope.models.scoring;

import dev.meetscope.models.record.ParticipantMeeting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code engagement_score} of one person in one meeting (docs/metrics.md, "Scores"): the weighted mean of
 * attention, speaking participation, chat participation, questions and tone.
 */
public final class EngagementScorer {
  private final ScoringProfile profile;

  public EngagementScorer(ScoringProfile profile) {
    this.profile = profile;
  }

  /**
   * Scores {@code person}.
   *
   * @param couldSpeak attendees of the meeting who could speak (present for some time): the fair speaking
   *     share is {@code 1 / couldSpeak}
   */
  public WeightedScore score(ParticipantMeeting person, int couldSpeak) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("attention", clamp(person.attentionScore()));
    values.put("speaking", person.speakingPct() == null || couldSpeak <= 0 ? null
        : Math.min(1.0, person.speakingPct() / 100.0 * couldSpeak));
    values.put("chat", person.chatActivity() == null ? null : profile.chatActivity().get(person.chatActivity()));
    values.put("questions", person.questionsAsked() == null ? null
        : Math.min(1.0, person.questionsAsked() / profile.questionsSaturation()));
    values.put("tone", person.sentimentAvg() == null ? null : Math.min(1.0, person.sentimentAvg() / 0.5));
    return WeightedScore.of(profile.engagementWeights(), values);
  }

  /** Whether the person counts toward the fair share: present for some time, or heard, or unknown presence. */
  public static boolean couldSpeak(ParticipantMeeting person) {
    return person.attendedSeconds() == null || person.attendedSeconds() > 0
        || (person.talkSeconds() != null && person.talkSeconds() > 0);
  }

  private static Double clamp(Double v) {
    return v == null ? null : Math.max(0.0, Math.min(1.0, v));
  }
}
