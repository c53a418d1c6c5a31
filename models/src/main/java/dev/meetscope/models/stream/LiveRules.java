package dev.meetscope.models.stream;

import dev.meetscope.models.analytics.Rounding;

/** The live metrics of a window that need the present count: engagement index and the drop-off rule. */
public final class LiveRules {
  private LiveRules() {}

  /**
   * 100 × active chatters / people present at the window end, at most 100 (someone may chat and leave),
   * rounded to 6 decimals; null when nobody is present.
   */
  public static Double engagementIndex(int activeChatters, int present) {
    if (present <= 0) {
      return null;
    }
    return Rounding.round6(Math.min(100.0, 100.0 * activeChatters / present));
  }

  /**
   * A mass drop-off: at least {@code minLeavers} departures and at least {@code share} of those present just
   * before the window (docs/metrics.md, live form: departures within one window, no look-ahead for rejoins).
   */
  public static boolean isMassDropoff(long departures, int presentBefore, double share, int minLeavers) {
    return presentBefore > 0 && departures >= minLeavers && departures >= share * presentBefore;
  }

  /** {@code departures / presentBefore}, rounded to 6 decimals. */
  public static double share(long departures, int presentBefore) {
    return Rounding.round6((double) departures / presentBefore);
  }
}
