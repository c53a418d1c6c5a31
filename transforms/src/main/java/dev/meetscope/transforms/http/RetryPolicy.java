package dev.meetscope.transforms.http;

import java.time.Duration;

/**
 * Bounds on retrying one request.
 *
 * @param maxServerErrorRetries retries after 5xx responses or network errors
 * @param initialBackoff first wait after a 5xx (doubles each retry)
 * @param maxBackoff cap of one exponential wait
 * @param maxRateLimitRetries retries after 429 responses
 * @param maxRateLimitWait the longest single wait a 429 may ask for; longer (a daily limit) fails the call
 */
public record RetryPolicy(int maxServerErrorRetries, Duration initialBackoff, Duration maxBackoff,
    int maxRateLimitRetries, Duration maxRateLimitWait) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(32), 8, Duration.ofMinutes(2));

  public RetryPolicy {
    if (maxServerErrorRetries < 0 || maxRateLimitRetries < 0) {
      throw new IllegalArgumentException("retry counts must be >= 0");
    }
  }

  /** {@code initialBackoff * 2^(attempt-1)}, capped; attempt is 1-based. */
  public Duration backoff(int attempt) {
    long millis = initialBackoff.toMillis();
    for (int i = 1; i < attempt && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  public RetryPolicy withMaxRateLimitWait(Duration wait) {
    return new RetryPolicy(maxServerErrorRetries, initialBackoff, maxBackoff, maxRateLimitRetries, wait);
  }

  public RetryPolicy withMaxServerErrorRetries(int retries) {
    return new RetryPolicy(retries, initialBackoff, maxBackoff, maxRateLimitRetries, maxRateLimitWait);
  }
}
