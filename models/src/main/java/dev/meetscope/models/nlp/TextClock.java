package dev.meetscope.models.nlp;

/**
 * Where minute 0 of a meeting starts and how many minutes it has.
 *
 * @param originMs start of minute 0 (epoch ms, or a synthetic clock)
 * @param minutes minutes of the timeline; null = up to the last timed text
 * @param anchored false on a synthetic clock: no absolute times are output
 */
public record TextClock(long originMs, Integer minutes, boolean anchored) {}
