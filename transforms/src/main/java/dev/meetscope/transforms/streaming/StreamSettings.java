package dev.meetscope.transforms.streaming;

import java.io.Serializable;
import java.time.Duration;

/**
 * Windows, triggers, lateness and state bounds of the streaming job (docs/streaming.md). Every value can be
 * changed so tests can shrink them; {@link #validate} checks combinations.
 *
 * @param windowSize length of the sliding windows (default 60 s)
 * @param windowPeriod how often a window starts (default 10 s); the size must be a multiple of it
 * @param earlyFiring an early pane fires this long after the first element of a pane (default 2 s); late
 *     panes fire the same way
 * @param allowedLateness how far behind the watermark an event may still update its windows (default 5 min);
 *     older events are too late: counted and dead-lettered
 * @param latenessMargin extra lateness the windows keep beyond {@code allowedLateness}, so an event the
 *     stream accepted is never dropped by the window step although the watermark moved on meanwhile
 * @param probeInterval how often (event time) a meeting learns how far the watermark has come
 * @param finalGrace after {@code meeting.ended}, how long (event time) to wait for stragglers such as
 *     {@code participant_left} before the final rows
 * @param meetingIdleTimeout a meeting without any event for this long (event time) is over: final rows
 * @param maxEventsPerMeeting events kept per meeting for its final rows; more are dead-lettered
 * @param hotKeyFanout partial combiners per meeting for the window counts (1 = none)
 * @param closedMemory how long a meeting remembers it was closed, so stragglers are dead letters and do not
 *     reopen it
 */
public record StreamSettings(
    Duration windowSize,
    Duration windowPeriod,
    Duration earlyFiring,
    Duration allowedLateness,
    Duration latenessMargin,
    Duration probeInterval,
    Duration finalGrace,
    Duration meetingIdleTimeout,
    long maxEventsPerMeeting,
    int hotKeyFanout,
    double dropoffShare,
    int dropoffMinLeavers,
    Duration closedMemory) implements Serializable {

  public static StreamSettings defaults() {
    return new StreamSettings(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(2),
        Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(1),
        Duration.ofMinutes(30), 1_000_000, 16, 0.10, 3, Duration.ofHours(24));
  }

  /** Throws {@link IllegalArgumentException} saying what to fix. */
  public StreamSettings validate() {
    positive("windowSize", windowSize);
    positive("windowPeriod", windowPeriod);
    positive("probeInterval", probeInterval);
    positive("meetingIdleTimeout", meetingIdleTimeout);
    notNegative("earlyFiring", earlyFiring);
    notNegative("allowedLateness", allowedLateness);
    notNegative("latenessMargin", latenessMargin);
    notNegative("finalGrace", finalGrace);
    if (windowSize.toMillis() % windowPeriod.toMillis() != 0) {
      throw new IllegalArgumentException("--windowSize (" + windowSize + ") must be a multiple of --windowPeriod ("
          + windowPeriod + ")");
    }
    if (latenessMargin.compareTo(probeInterval.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("the lateness margin must be at least two probe intervals");
    }
    if (maxEventsPerMeeting < 1 || hotKeyFanout < 1 || dropoffMinLeavers < 1 || dropoffShare <= 0
        || dropoffShare > 1) {
      throw new IllegalArgumentException("--maxEventsPerMeeting and --hotKeyFanout must be at least 1,"
          + " --dropoffShare in (0, 1]");
    }
    return this;
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("--" + name + " must be positive");
    }
  }

  private static void notNegative(String name, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("--" + name + " must not be negative");
    }
  }

  /** How long a delivery id is remembered for de-duplication: as long as a duplicate could still count. */
  public Duration dedupMemory() {
    return allowedLateness.plus(latenessMargin);
  }

  public StreamSettings withWindows(Duration size, Duration period) {
    return new StreamSettings(size, period, earlyFiring, allowedLateness, latenessMargin, probeInterval,
        finalGrace, meetingIdleTimeout, maxEventsPerMeeting, hotKeyFanout, dropoffShare, dropoffMinLeavers,
        closedMemory);
  }

  public StreamSettings withEarlyFiring(Duration value) {
    return new StreamSettings(windowSize, windowPeriod, value, allowedLateness, latenessMargin, probeInterval,
        finalGrace, meetingIdleTimeout, maxEventsPerMeeting, hotKeyFanout, dropoffShare, dropoffMinLeavers,
        closedMemory);
  }

  public StreamSettings withLateness(Duration lateness, Duration margin, Duration probe) {
    return new StreamSettings(windowSize, windowPeriod, earlyFiring, lateness, margin, probe, finalGrace,
        meetingIdleTimeout, maxEventsPerMeeting, hotKeyFanout, dropoffShare, dropoffMinLeavers, closedMemory);
  }

  public StreamSettings withMeetingEnd(Duration grace, Duration idleTimeout) {
    return new StreamSettings(windowSize, windowPeriod, earlyFiring, allowedLateness, latenessMargin,
        probeInterval, grace, idleTimeout, maxEventsPerMeeting, hotKeyFanout, dropoffShare, dropoffMinLeavers,
        closedMemory);
  }

  public StreamSettings withMaxEventsPerMeeting(long value) {
    return new StreamSettings(windowSize, windowPeriod, earlyFiring, allowedLateness, latenessMargin,
        probeInterval, finalGrace, meetingIdleTimeout, value, hotKeyFanout, dropoffShare, dropoffMinLeavers,
        closedMemory);
  }

  public StreamSettings withHotKeyFanout(int value) {
    return new StreamSettings(windowSize, windowPeriod, earlyFiring, allowedLateness, latenessMargin,
        probeInterval, finalGrace, meetingIdleTimeout, maxEventsPerMeeting, value, dropoffShare,
        dropoffMinLeavers, closedMemory);
  }

  public StreamSettings withDropoff(double share, int minLeavers) {
    return new StreamSettings(windowSize, windowPeriod, earlyFiring, allowedLateness, latenessMargin,
        probeInterval, finalGrace, meetingIdleTimeout, maxEventsPerMeeting, hotKeyFanout, share, minLeavers,
        closedMemory);
  }

  static org.joda.time.Duration joda(Duration d) {
    return org.joda.time.Duration.millis(d.toMillis());
  }
}
