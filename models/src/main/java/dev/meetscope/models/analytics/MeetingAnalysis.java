package dev.meetscope.models.analytics;

import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimelineMinute;
import java.util.List;

/** The three outputs of one meeting: its {@code meeting} row, people and timeline. */
public record MeetingAnalysis(
    MeetingSummary meeting, List<ParticipantMeeting> participants, List<TimelineMinute> timeline) {
  public MeetingAnalysis {
    participants = List.copyOf(participants);
    timeline = List.copyOf(timeline);
  }
}
