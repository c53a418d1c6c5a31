package dev.meetscope.models.record;

/**
 * One row of {@code person_week}: one person's meetings in one ISO week of the run's input (docs/metrics.md,
 * section 11).
 *
 * @param isoWeek {@code YYYY-Www} of the meeting starts, in UTC
 * @param hoursInMeetings attended seconds / 3600 (meetings without presence data count 0)
 * @param engagementMean mean {@code engagement_score} over the week's meetings that have one
 * @param speakingPctMean mean {@code speaking_pct} over the week's meetings that have one
 * @param speakingPctTrend least-squares slope of {@code speaking_pct} per meeting, in start order (percentage
 *     points per meeting); null with fewer than 2 meetings that have one
 */
public record PersonWeek(
    String participantKey,
    String isoWeek,
    Integer meetings,
    Double hoursInMeetings,
    Double engagementMean,
    Double speakingPctMean,
    Double speakingPctTrend,
    String metricsVersion) {}
