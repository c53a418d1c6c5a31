package dev.meetscope.models.record;

import java.time.Instant;

/**
 * A mass drop-off seen live ({@code dropoff_alert} table and the live topic): within one sliding window at
 * least {@code dropoffShare} (10 %) of those present just before it, and at least {@code dropoffMinLeavers}
 * (3) people, departed. Raised on the first pane that shows it, early panes included; overlapping windows of
 * the same drop-off raise one alert.
 *
 * @param departures departures in the window when the alert was raised
 * @param presentBefore people present just before the window start
 * @param share {@code departures / presentBefore}, rounded to 6 decimals
 * @param paneTiming the pane that raised it: {@code EARLY}, {@code ON_TIME} or {@code LATE}
 */
public record DropoffAlert(
    String meetingKey,
    String meetingId,
    Instant windowStart,
    Instant windowEnd,
    Integer departures,
    Integer presentBefore,
    Double share,
    String paneTiming,
    Long paneIndex,
    Instant maxEventTime,
    String metricsVersion) {}
