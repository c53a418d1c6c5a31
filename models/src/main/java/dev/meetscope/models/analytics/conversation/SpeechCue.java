package dev.meetscope.models.analytics.conversation;

import java.io.Serializable;

/**
 * One transcript cue on the meeting clock, attributed to a person.
 *
 * @param personKey the person's identity string
 * @param endMs the cue end (estimated for local captions, which have only a start)
 * @param question the cue is a spoken question
 * @param answered for questions: another person's turn or chat followed within the answer window
 * @param turnIndex index of the cue's turn in the meeting's turn list
 */
public record SpeechCue(
    String personKey,
    long startMs,
    long endMs,
    String text,
    int words,
    boolean question,
    boolean answered,
    int turnIndex) implements Serializable {

  public long durationMs() {
    return Math.max(0, endMs - startMs);
  }

  public SpeechCue withAnswered(boolean value) {
    return new SpeechCue(personKey, startMs, endMs, text, words, question, value, turnIndex);
  }
}
