package dev.meetscope.models.record;

import java.util.List;

/**
 * One row of {@code meeting_topic}: a topic found in a meeting's transcript and public chat (docs/nlp.md).
 *
 * @param topicId 1, 2, … in order of first appearance; the same id as {@code meeting_timeline.topic_id}
 * @param label the topic's top phrases, e.g. "forecast, variance, burn rate"
 * @param keywords its top terms, strongest first
 * @param words words spoken or written in the topic's segments
 * @param wordShare {@code words} / all words of the meeting's timed text
 * @param segments time segments assigned to the topic
 * @param timeRanges runs of consecutive segments of the topic
 * @param contributors speakers by words in the topic, most first
 */
public record MeetingTopic(
    String meetingKey,
    Integer topicId,
    String label,
    List<String> keywords,
    Integer words,
    Double wordShare,
    Integer segments,
    List<TopicRange> timeRanges,
    List<TopicContributor> contributors,
    String metricsVersion) {

  public MeetingTopic {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    timeRanges = timeRanges == null ? List.of() : List.copyOf(timeRanges);
    contributors = contributors == null ? List.of() : List.copyOf(contributors);
  }
}
