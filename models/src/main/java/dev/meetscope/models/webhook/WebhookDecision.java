package dev.meetscope.models.webhook;

/**
 * What the relay answers to one request.
 *
 * @param status HTTP status to send (for {@link Outcome#ACCEPTED}: once the envelope is persisted)
 * @param outcome a stable code for logs and metrics
 * @param responseJson the JSON body to send, or null for none
 * @param envelope the event to forward, only for {@link Outcome#ACCEPTED}
 */
public record WebhookDecision(int status, Outcome outcome, byte[] responseJson, RelayEnvelope envelope) {

  /** Every way a request can end. */
  public enum Outcome {
    ACCEPTED,
    URL_VALIDATION,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    BODY_TOO_LARGE,
    SIGNATURE_MISSING,
    TIMESTAMP_MISSING,
    TIMESTAMP_MALFORMED,
    TIMESTAMP_STALE,
    SIGNATURE_MISMATCH,
    MALFORMED_JSON,
    NOT_AN_EVENT
  }

  public boolean forwards() {
    return envelope != null;
  }
}
