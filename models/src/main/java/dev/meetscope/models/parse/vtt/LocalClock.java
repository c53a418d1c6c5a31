package dev.meetscope.models.parse.vtt;

import java.util.List;

/**
 * Turns a sequence of date-less wall-clock times into milliseconds since local midnight of the first day
 * (zoom-formats.md §6 #23): a step back of more than 12 hours is a midnight wrap (+1 day), a smaller step
 * back is kept as is and flagged out of order.
 */
final class LocalClock {
  static final String FLAG_MIDNIGHT_WRAP = "midnight_wrap";
  static final String FLAG_OUT_OF_ORDER = "out_of_order";

  private static final long DAY_MS = 24L * 60 * 60 * 1000;
  private static final long HALF_DAY_MS = DAY_MS / 2;

  private int dayOffset;
  private Long previousMs;

  /** Elapsed ms since midnight of day 0; adds {@code midnight_wrap} or {@code out_of_order} to flags. */
  long next(long msOfDay, List<String> flags) {
    long ms = dayOffset * DAY_MS + msOfDay;
    if (previousMs != null && ms < previousMs) {
      if (previousMs - ms > HALF_DAY_MS) {
        dayOffset++;
        ms += DAY_MS;
        flags.add(FLAG_MIDNIGHT_WRAP);
      } else {
        flags.add(FLAG_OUT_OF_ORDER);
      }
    }
    previousMs = ms;
    return ms;
  }

  /** Whole days added so far by midnight wraps. */
  int dayOffset() {
    return dayOffset;
  }
}
