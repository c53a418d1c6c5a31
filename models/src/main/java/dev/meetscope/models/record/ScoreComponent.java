package dev.meetscope.models.record;

/**
 * One row of {@code score_component}: one component of one score, the explanation written beside
 * {@code participant_meeting.engagement_score} and {@code meeting.effectiveness_score} (docs/metrics.md,
 * "Scores"). The {@code points} of one score add up to it.
 *
 * @param participantKey the person for {@code engagement_score}; null for {@code effectiveness_score}
 * @param score {@code engagement_score} or {@code effectiveness_score}
 * @param component the component's name, as in the scoring profile
 * @param value the component in [0, 1]; null when it could not be computed (it then counts for nothing and
 *     the other weights are re-normalised)
 * @param weight the weight the profile gives it
 * @param points {@code 100 · weight · value / Σ weights of the present components}; null with the value
 * @param scoringProfile {@code name@hash} of the profile used
 */
public record ScoreComponent(
    String meetingKey,
    String participantKey,
    String score,
    String component,
    Double value,
    Double weight,
    Double points,
    String scoringProfile,
    String metricsVersion) {}
