package dev.meetscope.models.analytics;

/** The version of the metric definitions (docs/metrics.md) written into every output row. */
public final class MetricsVersion {
  public static final String CURRENT = "1.1.0";

  private MetricsVersion() {}
}
