package dev.meetscope.models.record;

/**
 * One row of {@code meeting_anomaly}: a meeting whose attendance or engagement is far below its usual level
 * within the run (docs/metrics.md, section 11).
 *
 * @param baseline {@code series} (other occurrences of the same meeting id) or {@code host} (the host's other
 *     meetings)
 * @param metric {@code participants}, {@code avg_attendance_ratio} or {@code engagement_mean}
 * @param baselineMedian median of the metric over the baseline meetings
 * @param baselineMeetings how many meetings the baseline holds
 * @param reason one sentence saying what is unusual
 */
public record MeetingAnomaly(
    String meetingKey,
    String meetingId,
    String baseline,
    String metric,
    Double value,
    Double baselineMedian,
    Integer baselineMeetings,
    String reason,
    String metricsVersion) {}
