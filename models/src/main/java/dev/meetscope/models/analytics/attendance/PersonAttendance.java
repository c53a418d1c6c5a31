package dev.meetscope.models.analytics.attendance;

import java.io.Serializable;
import java.util.List;

/**
 * One person's attendance in one meeting.
 *
 * @param presence the presence intervals: union of the sessions, short gaps bridged, clipped to the span
 * @param departuresMs ends of presence intervals before the meeting end that are not followed by a rejoin
 *     within the drop-off window (the leaves that count for mass drop-offs)
 * @param hasData false when no session of the person had a time or duration (all metrics null)
 * @param timed true when presence intervals are known (not only a total duration)
 */
public record PersonAttendance(
    List<Interval> presence,
    List<Long> departuresMs,
    Long attendedSeconds,
    Double attendanceRatio,
    Integer sessions,
    Integer rejoins,
    Long lateJoinSeconds,
    Long earlyLeaveSeconds,
    Double attentionScore,
    boolean hasData,
    boolean timed,
    List<String> flags) implements Serializable {

  public PersonAttendance {
    presence = List.copyOf(presence);
    departuresMs = List.copyOf(departuresMs);
    flags = List.copyOf(flags);
  }

  public static PersonAttendance none(List<String> flags) {
    return new PersonAttendance(List.of(), List.of(), null, null, null, null, null, null, null, false,
        false, flags);
  }
}
