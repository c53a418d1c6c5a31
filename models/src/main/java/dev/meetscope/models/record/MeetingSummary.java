package dev.meetscope.models.record;

import java.time.Instant;
import java.util.List;

/**
 * One row of the {@code meeting} table: one meeting occurrence. Column names are the snake_case of the
 * component names and follow docs/metrics.md; NLP and scoring columns stay null until those stages fill
 * them.
 *
 * @param spanSource where the meeting start and end came from, {@code <start source>/<end source>}, each one
 *     of {@code webhook}, {@code manifest}, {@code report}, {@code data}, {@code none}
 * @param participants people = rows of {@code participant_meeting} for this meeting
 * @param avgAttendanceRatio mean {@code attendance_ratio} over people with presence data
 * @param totalTalkSeconds talk attributed to people (unattributed cues excluded)
 * @param interruptions interruptions in the transcript (each counted once)
 */
public record MeetingSummary(
    String meetingKey,
    String meetingId,
    String topic,
    Instant meetingStart,
    Instant meetingEnd,
    Long durationSeconds,
    String spanSource,
    Integer participants,
    Integer peakConcurrent,
    Integer neverSpoke,
    Double avgAttendanceRatio,
    Double totalTalkSeconds,
    Double talkListenRatio,
    Double participationGini,
    Double speakerEntropy,
    Double crosstalkSeconds,
    List<CrosstalkSegment> crosstalkSegments,
    Integer interruptions,
    Integer questions,
    Double answeredRatio,
    Integer chatMessages,
    List<MassDropoff> massDropoffs,
    List<EngagementDrop> engagementDrops,
    List<ActionItem> actionItems,
    List<String> topics,
    Double engagementMean,
    Double effectivenessScore,
    String summary,
    List<String> flags,
    Double confidence,
    String metricsVersion) {

  public MeetingSummary {
    crosstalkSegments = crosstalkSegments == null ? null : List.copyOf(crosstalkSegments);
    massDropoffs = massDropoffs == null ? null : List.copyOf(massDropoffs);
    engagementDrops = engagementDrops == null ? null : List.copyOf(engagementDrops);
    actionItems = actionItems == null ? null : List.copyOf(actionItems);
    topics = topics == null ? null : List.copyOf(topics);
    flags = flags == null ? List.of() : List.copyOf(flags);
  }

  /**
   * The same row with the scoring stage's columns (docs/metrics.md, "Scores") under {@code version}.
   */
  public MeetingSummary withScores(List<EngagementDrop> drops, Double engagementMeanValue,
      Double effectiveness, String summaryText, String version) {
    return new MeetingSummary(meetingKey, meetingId, topic, meetingStart, meetingEnd, durationSeconds, spanSource,
        participants, peakConcurrent, neverSpoke, avgAttendanceRatio, totalTalkSeconds, talkListenRatio,
        participationGini, speakerEntropy, crosstalkSeconds, crosstalkSegments, interruptions, questions,
        answeredRatio, chatMessages, massDropoffs, drops, actionItems, topics, engagementMeanValue, effectiveness,
        summaryText, flags, confidence, version);
  }

  /** The same row with the NLP columns ({@code action_items}, {@code topics}) set. */
  public MeetingSummary withText(List<ActionItem> items, List<String> topicLabels) {
    return new MeetingSummary(meetingKey, meetingId, topic, meetingStart, meetingEnd, durationSeconds, spanSource,
        participants, peakConcurrent, neverSpoke, avgAttendanceRatio, totalTalkSeconds, talkListenRatio,
        participationGini, speakerEntropy, crosstalkSeconds, crosstalkSegments, interruptions, questions,
        answeredRatio, chatMessages, massDropoffs, engagementDrops, items, topicLabels, engagementMean,
        effectivenessScore, summary, flags, confidence, metricsVersion);
  }
}
