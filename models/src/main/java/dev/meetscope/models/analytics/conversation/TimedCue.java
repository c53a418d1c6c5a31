package dev.meetscope.models.analytics.conversation;

/**
 * A transcript cue placed on the meeting clock, before alignment.
 *
 * @param personKey the person its label was attributed to; null for a speakerless cue (it continues the
 *     previous speaker of the same file)
 * @param endMs null when the source gives only a start (local captions)
 */
public record TimedCue(String personKey, long startMs, Long endMs, String text, String sourceFile,
    long sourceLine) {}
