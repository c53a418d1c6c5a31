package dev.meetscope.models.analytics.attendance;

/**
 * {@code attention_score} in [0, 1]: {@code attendance_ratio} minus 0.1 per <em>full</em> 5 minutes of late
 * join (at most 0.3), the same for early leave, and 0.05 per rejoin beyond the first two; never below 0.
 * Rounded to 6 decimals so the output does not carry binary noise ({@code 0.30000000000000004}).
 */
public final class AttentionScore {
  private AttentionScore() {}

  /** Null when the attendance ratio is unknown; unknown lateness, early leave or rejoins cost nothing. */
  public static Double compute(Double attendanceRatio, Long lateJoinSeconds, Long earlyLeaveSeconds,
      Integer rejoins) {
    if (attendanceRatio == null) {
      return null;
    }
    double penalty = blockPenalty(lateJoinSeconds) + blockPenalty(earlyLeaveSeconds);
    if (rejoins != null && rejoins > 2) {
      penalty += 0.05 * (rejoins - 2);
    }
    double score = Math.max(0.0, Math.min(1.0, attendanceRatio - penalty));
    return Math.round(score * 1e6) / 1e6;
  }

  private static double blockPenalty(Long seconds) {
    if (seconds == null || seconds <= 0) {
      return 0.0;
    }
    return 0.1 * Math.min(3, seconds / 300);
  }
}
