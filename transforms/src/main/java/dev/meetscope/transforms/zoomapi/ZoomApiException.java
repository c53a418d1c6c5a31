package dev.meetscope.transforms.zoomapi;

import java.io.IOException;

/**
 * A Zoom API call that failed for good: a 4xx other than the handled ones, or retries exhausted. Carries
 * Zoom's own error {@code code} and {@code message} from the JSON body when there was one.
 */
public class ZoomApiException extends IOException {
  private final int status;
  private final Integer zoomCode;
  private final String zoomMessage;
  private final String path;

  public ZoomApiException(String what, int status, Integer zoomCode, String zoomMessage, String path) {
    super(what + ": HTTP " + status + (zoomCode != null ? " code " + zoomCode : "")
        + (zoomMessage != null && !zoomMessage.isBlank() ? " (" + zoomMessage + ")" : "") + " for " + path);
    this.status = status;
    this.zoomCode = zoomCode;
    this.zoomMessage = zoomMessage;
    this.path = path;
  }

  /** HTTP status, or 0 when the request never got a response (network error). */
  public int status() {
    return status;
  }

  public Integer zoomCode() {
    return zoomCode;
  }

  public String zoomMessage() {
    return zoomMessage;
  }

  /** The request path without query string. */
  public String path() {
    return path;
  }

  /** 429s kept coming, or Zoom asked us to wait longer than allowed (e.g. the daily limit). */
  public static final class RateLimited extends ZoomApiException {
    public RateLimited(String what, Integer zoomCode, String zoomMessage, String path) {
      super(what, 429, zoomCode, zoomMessage, path);
    }
  }
}
