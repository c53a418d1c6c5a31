package dev.meetscope.models.scoring;

import dev.meetscope.models.record.ActionItem;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimelineMinute;
import java.time.Instant;
import java.util.List;

/** Rows with only the columns the scores read. */
final class ScoringFixtures {
  private ScoringFixtures() {}

  static ParticipantMeeting person(String key, Long attendedSeconds, Double attention, Double speakingPct,
      String chatActivity, Integer questions, Double sentiment) {
    return new ParticipantMeeting("m1", key, null, null, false, null, null, attendedSeconds, null, null, null,
        null, null, attention, speakingPct == null ? null : speakingPct * 10, speakingPct, null, null, null, null,
        null, questions, null, null, null, null, null, null, null, null, chatActivity, sentiment, null, null, null,
        null, null, null, null, "exact", List.of(), 0.9, "1.0.0");
  }

  static MeetingSummary meeting(Double gini, Integer questions, Double answered, Double crosstalkSeconds,
      Long durationSeconds, List<ActionItem> actionItems) {
    return new MeetingSummary("m1", "812", "Launch review", Instant.parse("2026-03-02T15:00:00Z"),
        Instant.parse("2026-03-02T15:30:00Z"), durationSeconds, "report/report", 4, 4, 0, 0.9, 600.0, 0.5, gini,
        0.8, crosstalkSeconds, List.of(), 0, questions, answered, 5, List.of(), null, actionItems, null, null, null,
        null, List.of(), 0.9, "1.0.0");
  }

  static TimelineMinute minute(int index, int present, int speakers, double talk, int chat, int leaves) {
    return new TimelineMinute("m1", index, null, present, 0, leaves, speakers, talk, chat, 0, 0, null, null, null,
        "1.0.0");
  }

  static ActionItem item(boolean clear) {
    return new ActionItem("I will send the deck by Friday", "k1", null, clear ? "by Friday" : null, clear, null);
  }
}
