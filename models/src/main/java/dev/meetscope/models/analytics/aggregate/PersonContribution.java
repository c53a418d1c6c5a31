package dev.meetscope.models.analytics.aggregate;

import dev.meetscope.models.analytics.attendance.Interval;
import java.io.Serializable;
import java.util.List;

/**
 * What one person adds to the meeting aggregates and the timeline: the input element of
 * {@link MeetingAccumulator} and {@link TimelineAccumulator}. Small and serializable, so a Beam
 * {@code CombineFn} can fold 10,000 of them per meeting with fan-out.
 *
 * @param attendanceRatio null without presence data
 * @param presence presence intervals inside the span (for peak concurrency)
 * @param departuresMs leaves that count for mass drop-offs
 * @param talkMs null without a transcript
 * @param giniEligible enters {@code participation_gini}: present at least {@code giniMinAttendance} of the
 *     meeting, or without presence data but with speech
 * @param questions spoken and chat questions asked
 * @param answered of those, answered
 * @param chatMessages public messages and replies; null without chat
 * @param minutes the person's per-minute counts, sparse, in minute order
 */
public record PersonContribution(
    String personKey,
    boolean host,
    Double attendanceRatio,
    List<Interval> presence,
    List<Long> departuresMs,
    Long talkMs,
    boolean giniEligible,
    int questions,
    int answered,
    Integer chatMessages,
    List<MinuteTally> minutes) implements Serializable {

  public PersonContribution {
    presence = List.copyOf(presence);
    departuresMs = List.copyOf(departuresMs);
    minutes = List.copyOf(minutes);
  }
}
