package dev.meetscope.models.record;

import java.util.List;

/**
 * The NLP columns of one speaker label (transcript speaker or chat sender) in one meeting, for
 * {@code participant_meeting}: join on {@code meetingKey} + the label's resolved person.
 *
 * <p>Two labels of one person merge as a word-weighted mean: {@code sentimentAvg = Σ avg·sentimentWords /
 * Σ sentimentWords}; topic words add up, then the {@code key_topics_contributed} threshold applies again.
 *
 * @param sentimentAvg word-weighted mean sentiment of the label's utterances and public chat; null when none
 *     was scored
 * @param sentimentWords the weight behind {@code sentimentAvg}
 * @param words words of the label's timed text (topic statistics)
 * @param keyTopicsContributed labels of topics where the label has ≥ 15 % of the topic's words or ≥ 60 words
 * @param topicWords the label's words per topic
 */
public record PersonText(
    String meetingKey,
    String speakerLabel,
    Double sentimentAvg,
    Integer sentimentWords,
    Integer words,
    List<String> keyTopicsContributed,
    List<PersonTopicWords> topicWords,
    String metricsVersion) {

  public PersonText {
    keyTopicsContributed = keyTopicsContributed == null ? List.of() : List.copyOf(keyTopicsContributed);
    topicWords = topicWords == null ? List.of() : List.copyOf(topicWords);
  }
}
