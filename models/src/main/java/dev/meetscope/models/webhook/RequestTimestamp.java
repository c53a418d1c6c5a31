package dev.meetscope.models.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Freshness of {@code x-zm-request-timestamp}: epoch <b>seconds</b> (10 digits), accepted when the absolute
 * difference to now is at most the window (zoom-formats.md §4.1: skew can be negative).
 */
public final class RequestTimestamp {
  private static final Pattern SECONDS = Pattern.compile("\\d{10}");

  /** Outcome of a freshness check. */
  public enum Check {
    FRESH,
    MISSING,
    /** Not 10 digits, e.g. a 13-digit millisecond value. */
    MALFORMED,
    STALE
  }

  private RequestTimestamp() {}

  public static Check check(String header, Instant now, Duration window) {
    if (header == null || header.isBlank()) {
      return Check.MISSING;
    }
    String value = header.strip();
    if (!SECONDS.matcher(value).matches()) {
      return Check.MALFORMED;
    }
    long seconds = Long.parseLong(value);
    long diff = Math.abs(now.getEpochSecond() - seconds);
    return diff > window.getSeconds() ? Check.STALE : Check.FRESH;
  }
}
