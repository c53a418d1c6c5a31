package dev.meetscope.models.analytics;

import java.io.Serializable;
import java.time.Instant;

/**
 * The span of a meeting occurrence in epoch milliseconds. When nothing gives an absolute time (a transcript
 * alone, without recording start) the span is on a synthetic clock ({@code anchored = false}): durations
 * and offsets are right, absolute times are output as null.
 *
 * @param startSource one of {@code webhook}, {@code manifest}, {@code report}, {@code data}, {@code none}
 */
public record MeetingSpan(long startMs, long endMs, boolean anchored, String startSource,
    String endSource) implements Serializable {

  public long durationMs() {
    return Math.max(0, endMs - startMs);
  }

  /** The number of minutes of the timeline: the last, partial minute counts. */
  public int minutes() {
    return (int) ((durationMs() + 59_999) / 60_000);
  }

  /** Minute index of a time, or -1 outside the span. */
  public int minuteOf(long ms) {
    if (ms < startMs || ms >= endMs) {
      return -1;
    }
    return (int) ((ms - startMs) / 60_000);
  }

  public Instant instant(long ms) {
    return anchored ? Instant.ofEpochMilli(ms) : null;
  }

  public double offsetSeconds(long ms) {
    return (ms - startMs) / 1000.0;
  }

  public String source() {
    return startSource + "/" + endSource;
  }
}
