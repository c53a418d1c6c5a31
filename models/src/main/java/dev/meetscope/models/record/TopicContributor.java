package dev.meetscope.models.record;

/**
 * A speaker's part in a topic.
 *
 * @param speakerLabel the transcript speaker or chat sender as written
 * @param words the speaker's words in the topic's segments
 * @param share {@code words} / the topic's words
 */
public record TopicContributor(String speakerLabel, Integer words, Double share) {}
