package dev.meetscope.models.scoring;

import dev.meetscope.models.analytics.Rounding;
import dev.meetscope.models.record.EngagementDrop;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ScoreComponent;
import dev.meetscope.models.record.TimelineMinute;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scoring stage for one meeting: engagement per person, the per-minute index and its drops, mean
 * engagement, effectiveness, the summary sentences, and the {@code score_component} rows that explain them.
 * Runs after attendance, conversation and text analysis have filled their columns.
 */
public final class MeetingScorer implements Serializable {
  public static final String ENGAGEMENT = "engagement_score";
  public static final String EFFECTIVENESS = "effectiveness_score";

  private final ScoringProfile profile;
  private final String metricsVersion;

  public MeetingScorer(ScoringProfile profile, String metricsVersion) {
    this.profile = profile;
    this.metricsVersion = metricsVersion;
  }

  /** The scored rows of one meeting. {@code meeting} is null when only people or minutes arrived. */
  public record Scored(MeetingSummary meeting, List<ParticipantMeeting> people, List<TimelineMinute> minutes,
      List<ScoreComponent> components) {}

  /** One person's scored row and the components of the score. */
  public record ScoredPerson(ParticipantMeeting person, List<ScoreComponent> components) {}

  /**
   * Scores one meeting whose rows are all at hand. The batch job splits the same work so that people are never
   * gathered in one list: {@link #scorePerson} per person (with the meeting's {@code couldSpeak} count),
   * the mean of the scores per meeting, then {@link #scoreMeeting}.
   */
  public Scored score(MeetingSummary meeting, List<ParticipantMeeting> people, List<TimelineMinute> minutes) {
    int couldSpeak = (int) people.stream().filter(EngagementScorer::couldSpeak).count();
    List<ParticipantMeeting> scoredPeople = new ArrayList<>();
    List<ScoreComponent> components = new ArrayList<>();
    double scoreSum = 0;
    int scored = 0;
    for (ParticipantMeeting p : people) {
      ScoredPerson s = scorePerson(p, couldSpeak);
      scoredPeople.add(s.person());
      components.addAll(s.components());
      if (s.person().engagementScore() != null) {
        scoreSum += s.person().engagementScore();
        scored++;
      }
    }
    Double engagementMean = scored == 0 ? null : scoreSum / scored;
    Scored rest = scoreMeeting(meeting, minutes, engagementMean);
    components.addAll(rest.components());
    return new Scored(rest.meeting(), scoredPeople, rest.minutes(), components);
  }

  /**
   * The engagement score of one person.
   *
   * @param couldSpeak the meeting's attendees who could speak ({@link EngagementScorer#couldSpeak})
   */
  public ScoredPerson scorePerson(ParticipantMeeting p, int couldSpeak) {
    WeightedScore s = new EngagementScorer(profile).score(p, couldSpeak);
    List<ScoreComponent> components = new ArrayList<>();
    addComponents(components, p.meetingKey(), p.participantKey(), ENGAGEMENT, s);
    return new ScoredPerson(p.withEngagement(s.score(), s.value("attention"), s.value("speaking"), s.value("chat"),
        s.value("questions"), s.value("tone"), metricsVersion), components);
  }

  /**
   * The per-minute index, engagement drops, effectiveness and summary of one meeting.
   *
   * @param meeting the meeting row, or null when only minutes arrived (they still get their index)
   * @param engagementMean mean engagement score of its people, or null when none has one
   */
  public Scored scoreMeeting(MeetingSummary meeting, List<TimelineMinute> minutes, Double engagementMean) {
    Double mean = Rounding.round6(engagementMean);
    String meetingKey = meeting != null ? meeting.meetingKey() : minutes.isEmpty() ? null : minutes.get(0).meetingKey();
    List<TimelineMinute> sorted = new ArrayList<>(minutes);
    sorted.sort(Comparator.comparing(TimelineMinute::minuteIndex, Comparator.nullsLast(Comparator.naturalOrder())));
    Double[] index = MinuteEngagement.index(sorted);
    List<TimelineMinute> indexedMinutes = new ArrayList<>();
    int withIndex = 0;
    for (int i = 0; i < sorted.size(); i++) {
      indexedMinutes.add(sorted.get(i).withEngagementIndex(index[i], metricsVersion));
      withIndex += index[i] == null ? 0 : 1;
    }
    List<EngagementDrop> drops = MinuteEngagement.drops(sorted, index, profile);
    List<ScoreComponent> components = new ArrayList<>();
    MeetingSummary scoredMeeting = null;
    if (meeting != null) {
      WeightedScore eff = new EffectivenessScorer(profile).score(meeting, mean, drops, withIndex);
      addComponents(components, meetingKey, null, EFFECTIVENESS, eff);
      String summary = SummaryText.of(meeting, mean, eff, drops);
      scoredMeeting = meeting.withScores(drops, mean, eff.score(), summary, metricsVersion);
    }
    return new Scored(scoredMeeting, List.of(), indexedMinutes, components);
  }

  private void addComponents(List<ScoreComponent> out, String meetingKey, String participantKey, String score,
      WeightedScore s) {
    for (WeightedScore.Part part : s.parts()) {
      out.add(new ScoreComponent(meetingKey, participantKey, score, part.component(), part.value(), part.weight(),
          part.points(), profile.id(), metricsVersion));
    }
  }

  /** The profile in use. */
  public ScoringProfile profile() {
    return profile;
  }
}
