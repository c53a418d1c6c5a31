package dev.meetscope.models.record;

/** A speaker's words in one topic (so rows of two labels of one person can be merged before the threshold). */
public record PersonTopicWords(Integer topicId, String label, Integer words, Integer topicWords) {}
