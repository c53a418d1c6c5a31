package dev.meetscope.transforms.sink.webhook;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import dev.meetscope.transforms.http.RetryAfter;
import dev.meetscope.transforms.http.RetryPolicy;
import dev.meetscope.transforms.http.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs one JSON payload with bounded retries: 5xx and network errors (including timeouts) back off
 * exponentially, 429 honours {@code Retry-After} up to the policy's cap, any other status is final. With a
 * secret, each attempt is signed like Zoom signs its webhooks:
 * {@code X-Meetscope-Signature: v1=hex(HMAC-SHA256(secret, "v1:" + timestamp + ":" + body))} with
 * {@code X-Meetscope-Request-Timestamp} (epoch seconds), so receivers can reuse their Zoom verification.
 */
public final class WebhookPoster {
  public static final String SIGNATURE_HEADER = "X-Meetscope-Signature";
  public static final String TIMESTAMP_HEADER = "X-Meetscope-Request-Timestamp";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  /** What happened to one payload. {@code status} is 0 when no HTTP answer was ever received. */
  public record Outcome(boolean delivered, int status, int attempts, String error) {}

  private final HttpRequestFactory requests;
  private final GenericUrl url;
  private final byte[] secret;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;

  /**
   * @param secret HMAC key, or null to send unsigned payloads
   * @param timeout connect and read timeout of each attempt
   */
  public WebhookPoster(HttpTransport transport, String url, byte[] secret, Duration timeout,
      RetryPolicy policy, Sleeper sleeper, Clock clock) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    this.requests = transport.createRequestFactory(r -> {
      r.setConnectTimeout(millis);
      r.setReadTimeout(millis);
      r.setThrowExceptionOnExecuteError(false);
      r.setNumberOfRetries(0);
    });
    this.url = new GenericUrl(url);
    this.secret = secret == null ? null : secret.clone();
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  public Outcome post(String idempotencyKey, String json) throws InterruptedException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    int serverErrors = 0;
    int rateLimits = 0;
    int attempts = 0;
    int lastStatus = 0;
    String lastError = null;
    while (true) {
      attempts++;
      Duration wait;
      try {
        HttpResponse response = request(idempotencyKey, body).execute();
        try {
          lastStatus = response.getStatusCode();
          if (lastStatus >= 200 && lastStatus < 300) {
            return new Outcome(true, lastStatus, attempts, null);
          }
          lastError = "HTTP " + lastStatus + " " + response.getStatusMessage();
          if (lastStatus == 429) {
            Optional<Duration> asked = RetryAfter.parse(
                response.getHeaders().getFirstHeaderStringValue("Retry-After"), clock.instant());
            wait = asked.orElse(policy.backoff(rateLimits + 1));
            if (++rateLimits > policy.maxRateLimitRetries() || wait.compareTo(policy.maxRateLimitWait()) > 0) {
              return new Outcome(false, lastStatus, attempts, lastError);
            }
          } else if (lastStatus >= 500) {
            if (++serverErrors > policy.maxServerErrorRetries()) {
              return new Outcome(false, lastStatus, attempts, lastError);
            }
            wait = policy.backoff(serverErrors);
          } else {
            return new Outcome(false, lastStatus, attempts, lastError);
          }
        } finally {
          response.disconnect();
        }
      } catch (IOException e) {
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (++serverErrors > policy.maxServerErrorRetries()) {
          return new Outcome(false, lastStatus, attempts, lastError);
        }
        wait = policy.backoff(serverErrors);
      }
      sleeper.sleep(wait);
    }
  }

  private HttpRequest request(String idempotencyKey, byte[] body) throws IOException {
    HttpRequest request = requests.buildPostRequest(url, new ByteArrayContent("application/json", body));
    HttpHeaders headers = request.getHeaders();
    headers.set(IDEMPOTENCY_HEADER, idempotencyKey);
    if (secret != null) {
      String timestamp = Long.toString(clock.instant().getEpochSecond());
      headers.set(TIMESTAMP_HEADER, timestamp);
      headers.set(SIGNATURE_HEADER, "v1=" + sign(secret, timestamp, body));
    }
    return request;
  }

  /** {@code hex(HMAC-SHA256(secret, "v1:" + timestamp + ":" + body))}. */
  public static String sign(byte[] secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v1:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
