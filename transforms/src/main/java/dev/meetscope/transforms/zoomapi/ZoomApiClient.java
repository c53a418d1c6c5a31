package dev.meetscope.transforms.zoomapi;

import dev.meetscope.transforms.http.RetryPolicy;
import dev.meetscope.transforms.http.RetryAfter;
import dev.meetscope.transforms.http.Sleeper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.EmptyContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zoom REST calls over google-http-client with the handling every call needs: a Server-to-Server OAuth
 * token (fetched lazily, renewed a minute before expiry, and renewed once more on a 401), 429 waits from
 * {@code Retry-After} (bounded; a daily-limit wait fails the call), 5xx and network errors retried with
 * bounded exponential backoff. All waits go through the {@link Sleeper}.
 */
public final class ZoomApiClient {
  private static final Logger LOG = LoggerFactory.getLogger(ZoomApiClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final int MAX_REDIRECTS = 5;
  private static final Duration TOKEN_EARLY_RENEWAL = Duration.ofSeconds(60);

  /** Consumes a successful response body. May be called again if the stream breaks and the call is retried. */
  @FunctionalInterface
  public interface BodyHandler<T> {
    T handle(InputStream body, HttpHeaders headers) throws IOException;
  }

  private final HttpRequestFactory requests;
  private final String apiBase;
  private final String oauthBase;
  private final ZoomCredentials credentials;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RetryPolicy policy;

  private String token;
  private Instant tokenExpiry = Instant.MIN;

  public ZoomApiClient(String apiBase, String oauthBase, ZoomCredentials credentials, Clock clock,
      Sleeper sleeper, RetryPolicy policy) {
    this(new NetHttpTransport(), apiBase, oauthBase, credentials, clock, sleeper, policy);
  }

  public ZoomApiClient(HttpTransport transport, String apiBase, String oauthBase,
      ZoomCredentials credentials, Clock clock, Sleeper sleeper, RetryPolicy policy) {
    this.requests = transport.createRequestFactory(r -> {
      r.setConnectTimeout(20_000);
      r.setReadTimeout(120_000);
      r.setThrowExceptionOnExecuteError(false);
      // No retry handlers are installed, so this budget only lets the client follow redirects (download
      // URLs redirect to signed storage URLs; the Authorization header is dropped on redirect).
      r.setNumberOfRetries(MAX_REDIRECTS);
      r.setFollowRedirects(true);
      r.setUseRawRedirectUrls(true);
      r.setLoggingEnabled(false);
    });
    this.apiBase = trimSlash(apiBase);
    this.oauthBase = trimSlash(oauthBase);
    this.credentials = credentials;
    this.clock = clock;
    this.sleeper = sleeper;
    this.policy = policy;
  }

  /** GET {@code apiBase + pathAndQuery} and return the raw body bytes (callers keep them verbatim). */
  public byte[] getBytes(String pathAndQuery) throws IOException {
    return send(apiBase + pathAndQuery, true, (in, h) -> in == null ? new byte[0] : in.readAllBytes());
  }

  /** GET a full URL (a recording {@code download_url}) with the bearer token and stream its body. */
  public <T> T download(String url, BodyHandler<T> handler) throws IOException {
    return send(url, true, handler);
  }

  private synchronized String currentToken() throws IOException {
    if (token == null || !clock.instant().isBefore(tokenExpiry.minus(TOKEN_EARLY_RENEWAL))) {
      fetchToken();
    }
    return token;
  }

  private synchronized void invalidate(String rejected) {
    if (rejected != null && rejected.equals(token)) {
      token = null;
    }
  }

  private void fetchToken() throws IOException {
    String url = oauthBase + "/oauth/token" + ZoomPaths.query(ZoomPaths.params(
        "grant_type", "account_credentials", "account_id", credentials.accountId()));
    byte[] raw = send(url, false, (in, h) -> in == null ? new byte[0] : in.readAllBytes());
    JsonNode body = JSON.readTree(raw);
    String access = body.path("access_token").asText("");
    if (access.isEmpty()) {
      throw new ZoomApiException("Zoom token response has no access_token", 200, null, null,
          oauthBase + "/oauth/token");
    }
    long expiresIn = body.path("expires_in").asLong(3600);
    token = access;
    tokenExpiry = clock.instant().plusSeconds(expiresIn);
    LOG.info("Obtained a Zoom access token valid for {} s", expiresIn);
  }

  private <T> T send(String url, boolean bearer, BodyHandler<T> handler) throws IOException {
    String path = pathOf(url);
    int serverErrors = 0;
    int rateLimited = 0;
    boolean renewed = false;
    while (true) {
      String bearerToken = bearer ? currentToken() : null;
      HttpResponse response;
      try {
        HttpRequest request = bearer
            ? requests.buildGetRequest(new GenericUrl(url, true))
            : requests.buildPostRequest(new GenericUrl(url, true), new EmptyContent());
        request.getHeaders().setAuthorization(bearer ? "Bearer " + bearerToken
            : credentials.basicAuthorization());
        request.getHeaders().setAccept("application/json");
        // Identity encoding so a downloaded file's size matches Zoom's file_size.
        request.getHeaders().setAcceptEncoding(null);
        request.getHeaders().setUserAgent("meetscope-pull");
        response = request.execute();
      } catch (IOException e) {
        serverErrors = backOffOrFail(serverErrors, 0, null, path, e);
        continue;
      }
      int status = response.getStatusCode();
      try {
        if (status >= 200 && status < 300) {
          try {
            return handler.handle(response.getContent(), response.getHeaders());
          } catch (IOException e) {
            if (e instanceof ZoomApiException) {
              throw e;
            }
            // The body broke off mid-stream: retry like a network error.
            serverErrors = backOffOrFail(serverErrors, status, null, path, e);
            continue;
          }
        }
        ZoomError error = ZoomError.read(response, MAX_ERROR_BODY);
        if (status == 401 && bearer && !renewed && !ScopeErrors.isMissingScope(status, error)) {
          LOG.info("Zoom answered 401 for {}: renewing the access token once", path);
          invalidate(bearerToken);
          renewed = true;
          continue;
        }
        if (status == 429) {
          rateLimited++;
          Duration wait = rateLimitWait(response.getHeaders(), rateLimited);
          String type = response.getHeaders().getFirstHeaderStringValue("X-RateLimit-Type");
          if (rateLimited > policy.maxRateLimitRetries() || wait.compareTo(policy.maxRateLimitWait()) > 0) {
            throw new ZoomApiException.RateLimited("Zoom rate limit"
                + (type != null ? " (" + type + ")" : "") + " not lifted within the allowed wait of "
                + policy.maxRateLimitWait().toSeconds() + " s; Zoom asks to wait " + wait.toSeconds()
                + " s; rerun later", error.code(), error.message(), path);
          }
          LOG.info("Zoom rate limit ({}, remaining {}) on {}: waiting {} ms", type,
              response.getHeaders().getFirstHeaderStringValue("X-RateLimit-Remaining"), path,
              wait.toMillis());
          sleep(wait);
          continue;
        }
        if (status >= 500) {
          serverErrors = backOffOrFail(serverErrors, status, error, path, null);
          continue;
        }
        throw new ZoomApiException(bearer ? "Zoom API call failed" : "Zoom token request failed",
            status, error.code(), error.message(), path);
      } finally {
        response.disconnect();
      }
    }
  }

  private Duration rateLimitWait(HttpHeaders headers, int attempt) {
    Optional<Duration> retryAfter =
        RetryAfter.parse(headers.getFirstHeaderStringValue("Retry-After"), clock.instant());
    if (retryAfter.isPresent()) {
      return retryAfter.get().isZero() ? policy.backoff(attempt) : retryAfter.get();
    }
    return policy.backoff(attempt);
  }

  private int backOffOrFail(int serverErrors, int status, ZoomError error, String path, IOException cause)
      throws IOException {
    int attempt = serverErrors + 1;
    if (attempt > policy.maxServerErrorRetries()) {
      ZoomApiException e = new ZoomApiException("Zoom call failed after " + serverErrors + " retries",
          status, error == null ? null : error.code(), error == null
              ? (cause == null ? null : cause.toString()) : error.message(), path);
      if (cause != null) {
        e.initCause(cause);
      }
      throw e;
    }
    Duration wait = policy.backoff(attempt);
    LOG.info("Zoom {} on {}: retry {} of {} in {} ms", status == 0 ? "network error" : "HTTP " + status,
        path, attempt, policy.maxServerErrorRetries(), wait.toMillis());
    sleep(wait);
    return attempt;
  }

  private void sleep(Duration d) throws InterruptedIOException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  private static String pathOf(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
