package dev.meetscope.models.analytics;

/** Output rounding: derived ratios to 6 decimals, so rows carry no binary noise. */
public final class Rounding {
  private Rounding() {}

  public static Double round6(Double x) {
    return x == null ? null : Math.round(x * 1e6) / 1e6;
  }

  public static Double seconds(long ms) {
    return ms / 1000.0;
  }
}
