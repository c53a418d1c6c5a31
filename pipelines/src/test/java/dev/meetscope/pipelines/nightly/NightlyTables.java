package dev.meetscope.pipelines.nightly;

import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.PersonWeek;
import dev.meetscope.models.record.ScoreComponent;
import dev.meetscope.models.record.SeriesTrend;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.models.record.UtteranceSentiment;
import java.util.LinkedHashMap;
import java.util.Map;

/** The record behind each table of {@link NightlyBatch#TABLES}, in the same order (checked by the tests). */
final class NightlyTables {
  private NightlyTables() {}

  static Map<String, Class<?>> records() {
    Map<String, Class<?>> t = new LinkedHashMap<>();
    t.put("participant_session", ParticipantSession.class);
    t.put("utterance", Utterance.class);
    t.put("chat_message", ChatMessage.class);
    t.put("meeting_event", MeetingEvent.class);
    t.put("participant_meeting", ParticipantMeeting.class);
    t.put("meeting", MeetingSummary.class);
    t.put("meeting_timeline", TimelineMinute.class);
    t.put("utterance_sentiment", UtteranceSentiment.class);
    t.put("meeting_topic", MeetingTopic.class);
    t.put("action_item", ActionItemRow.class);
    t.put("score_component", ScoreComponent.class);
    t.put("series_trend", SeriesTrend.class);
    t.put("meeting_anomaly", MeetingAnomaly.class);
    t.put("person_week", PersonWeek.class);
    t.put("dead_letter", DeadLetter.class);
    return t;
  }
}
