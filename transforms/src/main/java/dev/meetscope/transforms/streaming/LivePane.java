package dev.meetscope.transforms.streaming;

import dev.meetscope.models.stream.WindowTally;
import java.io.Serializable;
import java.time.Instant;

/**
 * One pane of one meeting's sliding window as the windowed combine fires it: the events that arrived since
 * the window's previous pane (panes discard; {@link AssembleLiveStats} accumulates them per window), and
 * which pane it is. Internal to the stream.
 *
 * @param paneTiming {@code EARLY}, {@code ON_TIME} or {@code LATE}
 * @param paneIndex Beam's pane index of the window
 * @param delta the counts of the events new in this pane
 */
public record LivePane(String meetingKey, Instant windowStart, Instant windowEnd, String paneTiming,
    long paneIndex, WindowTally delta) implements Serializable {}
