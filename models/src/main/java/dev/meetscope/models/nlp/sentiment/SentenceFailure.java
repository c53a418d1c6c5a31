package dev.meetscope.models.nlp.sentiment;

/** A piece of a text whose sentiment could not be computed; it becomes a dead letter (stage {@code nlp}). */
public record SentenceFailure(String sentence, String reason, String message) {}
