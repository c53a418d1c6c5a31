package dev.meetscope.models.record;

import java.time.Instant;

/**
 * One row of {@code meeting_timeline}: minute {@code minuteIndex} of the meeting, covering
 * {@code [start + 60·i s, start + 60·(i+1) s)}. Counts are null when their source is missing (no report:
 * {@code present}, {@code joins}, {@code leaves}; no transcript: speech columns; no chat: chat columns).
 *
 * @param minuteStart null when the meeting has no absolute time
 * @param present people present at any moment of the minute
 * @param joins presence intervals starting in the minute (people already there at the meeting start
 *     count as joining in minute 0)
 * @param leaves presence intervals ending in the minute, before the meeting end
 * @param speakersActive people with speech in the minute
 * @param talkSeconds speech time inside the minute (summed over people, so overlaps can exceed 60)
 * @param chatMessages public messages and replies sent in the minute
 * @param reactions chat reactions added in the minute
 * @param questions spoken and chat questions starting in the minute
 */
public record TimelineMinute(
    String meetingKey,
    Integer minuteIndex,
    Instant minuteStart,
    Integer present,
    Integer joins,
    Integer leaves,
    Integer speakersActive,
    Double talkSeconds,
    Integer chatMessages,
    Integer reactions,
    Integer questions,
    Double sentimentMean,
    Double engagementIndex,
    Integer topicId,
    String metricsVersion) {

  /** The same minute with its engagement index (docs/metrics.md, "Scores") under {@code version}. */
  public TimelineMinute withEngagementIndex(Double index, String version) {
    return new TimelineMinute(meetingKey, minuteIndex, minuteStart, present, joins, leaves, speakersActive,
        talkSeconds, chatMessages, reactions, questions, sentimentMean, index, topicId, version);
  }

  /** The same minute with the NLP columns ({@code sentiment_mean}, {@code topic_id}) set. */
  public TimelineMinute withText(Double sentiment, Integer topic) {
    return new TimelineMinute(meetingKey, minuteIndex, minuteStart, present, joins, leaves, speakersActive,
        talkSeconds, chatMessages, reactions, questions, sentiment, engagementIndex, topic, metricsVersion);
  }
}
