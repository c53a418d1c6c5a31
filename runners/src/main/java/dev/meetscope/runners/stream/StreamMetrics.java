package dev.meetscope.runners.stream;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** The streaming job's Beam counters and its one-line summary. */
public final class StreamMetrics {
  private StreamMetrics() {}

  /** Counters as {@code namespace/name → value}; committed values where the runner has them. */
  public static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> out = new TreeMap<>();
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder().build());
    for (MetricResult<Long> c : q.getCounters()) {
      String key = c.getName().getNamespace() + "/" + c.getName().getName();
      Long v;
      try {
        v = c.getCommitted();
      } catch (UnsupportedOperationException e) {
        v = c.getAttempted();
      }
      out.merge(key, v == null ? 0L : v, Long::sum);
    }
    return out;
  }

  public static String summary(Map<String, Long> c, Duration elapsed) {
    return String.format("meetscope stream: %d deliveries (%d events, %d ignored, %d unreadable), %d duplicates,"
            + " %d skipped without consent, %d too late, %d after a meeting closed, %d dropped by a window as late; %d live panes, %d drop-off"
            + " alerts; %d meetings closed (%d participant rows) in %.1f s",
        get(c, "stream/deliveries"), get(c, "stream/events"), get(c, "stream/events_ignored"),
        get(c, "stream/parse_dead_letters"), get(c, "stream/duplicates"),
        get(c, "governance/stream_events_skipped"), get(c, "stream/too_late"),
        get(c, "stream/after_meeting_closed"), droppedAsLate(c), get(c, "stream/live_panes"),
        get(c, "stream/dropoff_alerts"), get(c, "stream/meetings_closed"), get(c, "sink/participant_meeting.rows"),
        elapsed.toMillis() / 1000.0);
  }

  /**
   * Beam's own count of (event, window) pairs a window step dropped as too late: events the stream accepted
   * while the watermark had run further ahead than it knew (docs/streaming.md).
   */
  public static long droppedAsLate(Map<String, Long> c) {
    return c.entrySet().stream().filter(e -> e.getKey().endsWith("/droppedDueToLateness"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  static long get(Map<String, Long> c, String key) {
    return c.getOrDefault(key, 0L);
  }
}
