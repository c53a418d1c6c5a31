package dev.meetscope.models.analytics.conversation;

import java.io.Serializable;

/**
 * A speaker turn: a maximal run of consecutive cues by one person (a silence longer than
 * {@code maxTurnGapSeconds} also ends it).
 *
 * @param talkMs sum of the cue durations
 * @param lastCueEndsSentence the last cue ends in {@code . ? ! …}
 * @param backchannel the whole turn is a backchannel ("yeah", "mm-hmm")
 * @param interruption this turn cut off the previous speaker
 * @param interrupted the next turn cut this one off
 */
public record Turn(
    String personKey,
    long startMs,
    long endMs,
    int cues,
    int words,
    long talkMs,
    boolean lastCueEndsSentence,
    boolean backchannel,
    boolean interruption,
    boolean interrupted) implements Serializable {

  public long spanMs() {
    return Math.max(0, endMs - startMs);
  }

  Turn withInterruption(boolean made, boolean suffered) {
    return new Turn(personKey, startMs, endMs, cues, words, talkMs, lastCueEndsSentence, backchannel,
        made, suffered);
  }
}
