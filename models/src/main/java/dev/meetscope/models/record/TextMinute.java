package dev.meetscope.models.record;

import java.time.Instant;

/**
 * The NLP columns of one minute of {@code meeting_timeline} ({@code sentiment_mean}, {@code topic_id}); join
 * on {@code meetingKey} + {@code minuteIndex}.
 *
 * @param minuteIndex minute of the meeting, counted from the meeting span's start when one was given
 * @param minuteStart UTC start of the minute; null when the meeting has no absolute time
 * @param sentimentMean word-weighted mean sentiment of the utterances and chat messages starting in the minute
 * @param sentimentWords its weight
 * @param topicId the topic of the minute's segment; null when the segment had too little text
 */
public record TextMinute(
    String meetingKey,
    Integer minuteIndex,
    Instant minuteStart,
    Double sentimentMean,
    Integer sentimentWords,
    Integer topicId) {}
