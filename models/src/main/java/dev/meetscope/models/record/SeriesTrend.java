package dev.meetscope.models.record;

import java.time.Instant;

/**
 * One row of {@code series_trend}: one occurrence of a recurring meeting (same Zoom {@code meeting_id}) in the
 * run's input, in start order (docs/metrics.md, section 11).
 *
 * @param occurrence 1-based position among the series' occurrences in the input, by start
 * @param occurrences how many occurrences of the series the input holds
 * @param belowThreshold effectiveness under the profile's {@code series.alert_threshold}
 * @param consecutiveBelow occurrences in a row, ending here, that were below the threshold
 * @param alert {@code consecutive_below} reached {@code series.alert_consecutive}
 */
public record SeriesTrend(
    String meetingId,
    String meetingKey,
    String topic,
    Instant meetingStart,
    Integer occurrence,
    Integer occurrences,
    Double engagementMean,
    Double effectivenessScore,
    Double avgAttendanceRatio,
    Integer participants,
    Boolean belowThreshold,
    Integer consecutiveBelow,
    Boolean alert,
    String metricsVersion) {}
