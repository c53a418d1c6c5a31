package dev.meetscope.models.analytics.attendance;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.record.ParticipantSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Attendance of one person from their sessions (docs/metrics.md): presence intervals = union of the
 * sessions (gaps up to {@code rejoinGapSeconds} bridged, so a breakout move is not a rejoin), clipped to the
 * meeting span; {@code attended_seconds}, {@code attendance_ratio}, {@code sessions} (presence intervals),
 * {@code rejoins}, {@code late_join_seconds}, {@code early_leave_seconds}, {@code attention_score}.
 *
 * <p>A session without a leave time ends at join + duration when the duration is known, else at the
 * meeting end (flag {@code leave_unknown}). A leave before the join is skipped (flag
 * {@code negative_session}). Sessions with a duration but no join time (unique-users exports) give only
 * {@code attended_seconds} (the summed duration, capped at the meeting length) and the ratio (flag
 * {@code duration_only}).
 */
public final class AttendanceCalculator {
  private AttendanceCalculator() {}

  public static PersonAttendance compute(List<ParticipantSession> sessions, MeetingSpan span,
      AnalyticsSettings settings) {
    Set<String> flags = new TreeSet<>();
    List<Interval> raw = new ArrayList<>();
    long durationOnlySeconds = 0;
    boolean anyDurationOnly = false;
    for (ParticipantSession s : sessions) {
      if (s.joinTime() == null) {
        if (s.durationSeconds() != null) {
          durationOnlySeconds += Math.max(0, s.durationSeconds());
          anyDurationOnly = true;
        }
        continue;
      }
      long join = s.joinTime().toEpochMilli();
      long leave;
      if (s.leaveTime() != null) {
        leave = s.leaveTime().toEpochMilli();
      } else if (s.durationSeconds() != null) {
        leave = join + s.durationSeconds() * 1000;
      } else {
        leave = Math.max(join, span.endMs());
        flags.add("leave_unknown");
      }
      if (leave < join) {
        flags.add("negative_session");
        continue;
      }
      raw.add(new Interval(join, leave));
    }
    if (raw.isEmpty()) {
      if (!anyDurationOnly) {
        flags.add("no_presence_data");
        return PersonAttendance.none(List.copyOf(flags));
      }
      flags.add("duration_only");
      long attended = Math.min(durationOnlySeconds, span.durationMs() / 1000);
      Double ratio = span.durationMs() > 0 ? attended * 1000.0 / span.durationMs() : null;
      return new PersonAttendance(List.of(), List.of(), attended, ratio, null, null, null, null,
          AttentionScore.compute(ratio, null, null, null), true, false, List.copyOf(flags));
    }
    if (anyDurationOnly) {
      flags.add("untimed_sessions_ignored");
    }
    return fromIntervals(raw, span, settings, flags);
  }

  /** Attendance from raw session intervals (epoch ms), for callers that already have them. */
  public static PersonAttendance fromIntervals(List<Interval> raw, MeetingSpan span,
      AnalyticsSettings settings, Set<String> flagsIn) {
    Set<String> flags = new TreeSet<>(flagsIn);
    List<Interval> union = Intervals.union(raw, settings.rejoinGapSeconds() * 1000);
    List<Interval> presence = Intervals.clip(union, span.startMs(), span.endMs());
    if (!union.isEmpty() && union.get(union.size() - 1).endMs() > span.endMs()) {
      // Joining before the (scheduled) start is normal; presence after the end hints at a wrong span.
      flags.add("presence_after_end");
    }
    long attendedMs = Intervals.totalLengthMs(presence);
    long attended = Math.round(attendedMs / 1000.0);
    Double ratio = span.durationMs() > 0 ? (double) attendedMs / span.durationMs() : null;
    int sessions = presence.size();
    int rejoins = Math.max(0, sessions - 1);
    Long late = null;
    Long early = null;
    if (sessions == 0) {
      flags.add("no_presence_in_span");
    } else {
      late = Math.round((presence.get(0).startMs() - span.startMs()) / 1000.0);
      early = Math.round((span.endMs() - presence.get(sessions - 1).endMs()) / 1000.0);
    }
    List<Long> departures = new ArrayList<>();
    long window = settings.dropoffWindowSeconds() * 1000;
    for (int i = 0; i < sessions; i++) {
      long end = presence.get(i).endMs();
      if (end >= span.endMs()) {
        continue;
      }
      boolean rejoinsSoon = i + 1 < sessions && presence.get(i + 1).startMs() - end <= window;
      if (!rejoinsSoon) {
        departures.add(end);
      }
    }
    return new PersonAttendance(presence, departures, attended, ratio, sessions, rejoins, late, early,
        AttentionScore.compute(ratio, late, early, rejoins), true, true, List.copyOf(flags));
  }
}
