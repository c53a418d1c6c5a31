package dev.meetscope.transforms.streaming;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One pane of one meeting's sliding window as the windowed combine produces it: the counts of the window so
 * far, which pane it is, and joins/leaves per period slice (for the running present count). Internal to the
 * stream; {@link AssembleLiveStats} turns it into {@code LiveWindowStats}.
 *
 * @param paneTiming {@code EARLY}, {@code ON_TIME} or {@code LATE}
 * @param ended {@code meeting.ended} events in the window
 * @param sliceStarts slice starts (epoch ms) with joins or leaves, ascending
 */
public record LivePane(
    String meetingKey,
    String meetingId,
    Instant windowStart,
    Instant windowEnd,
    String paneTiming,
    long paneIndex,
    long events,
    long joins,
    long leaves,
    long departures,
    long chatMessages,
    long questions,
    long reactions,
    long activeChatters,
    long ended,
    Instant maxEventTime,
    List<Long> sliceStarts,
    List<Long> sliceJoins,
    List<Long> sliceLeaves) implements Serializable {

  public LivePane {
    sliceStarts = List.copyOf(sliceStarts);
    sliceJoins = List.copyOf(sliceJoins);
    sliceLeaves = List.copyOf(sliceLeaves);
  }
}
