package dev.meetscope.transforms.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads Zoom's {@code Retry-After}: delta seconds, an ISO instant (Zoom's daily limit sends
 * {@code 2020-05-31T00:00:00Z}) or an RFC 1123 date.
 */
public final class RetryAfter {
  private RetryAfter() {}

  public static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String v = header.strip();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    Instant at;
    try {
      at = Instant.parse(v);
    } catch (DateTimeParseException e) {
      try {
        at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
    Duration d = Duration.between(now, at);
    return Optional.of(d.isNegative() ? Duration.ZERO : d);
  }
}
