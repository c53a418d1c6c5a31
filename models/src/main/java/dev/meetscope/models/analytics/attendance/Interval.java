package dev.meetscope.models.analytics.attendance;

import java.io.Serializable;

/** A half-open time interval {@code [startMs, endMs)} in epoch milliseconds. */
public record Interval(long startMs, long endMs) implements Serializable {
  public long lengthMs() {
    return Math.max(0, endMs - startMs);
  }

  public boolean isEmpty() {
    return endMs <= startMs;
  }
}
